using System.Text;
using System.Text.Json;

namespace UrbanSim.Core.Scenarios;

/// <summary>
/// Checks that text is strict JSON (RFC 8259), as jq, Python's json module and browsers read it: no comments, no
/// single-quoted strings, no trailing commas, no NaN or Infinity, one value. Newtonsoft.Json, which the loaders use
/// for its line numbers, accepts all of those, and a file that only UrbanSim can read is a trap for the R or Python
/// script that reads it next. Also bounds the work a file can cause: at most <see cref="MaxValues"/> values and
/// <see cref="MaxDepth"/> levels of nesting.
/// </summary>
internal static class StrictJson
{
    /// <summary>Most JSON values (objects, arrays, strings, numbers, literals and keys) in one input file; the bundled scenarios hold about 300.</summary>
    public const int MaxValues = 100_000;
    /// <summary>Deepest nesting of objects and arrays accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// The first way <paramref name="text"/> is not strict JSON, located in <paramref name="file"/>; null when it is.
    /// <paramref name="exceedsBounds"/> tells a file too big or too deep to parse further from a syntax problem (for which a
    /// caller may prefer its own parser's message, when that parser also fails).
    /// </summary>
    public static ValidationProblem? Check(string text, string file, out bool exceedsBounds)
    {
        exceedsBounds = false;
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = MaxDepth });
        int values = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) continue;
                if (++values > MaxValues)
                {
                    exceedsBounds = true;
                    var (line, column) = Position(utf8, (int)reader.TokenStartIndex);
                    return new ValidationProblem(file, line, column, "", $"the file holds more than {MaxValues:N0} JSON values",
                        "remove the long arrays or objects that do not belong in it (keys starting with '$' are ignored, but still read)");
                }
            }
            return null;
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            int lineStart = LineStart(utf8, line);
            int offset = Math.Min(utf8.Length, lineStart + (int)(e.BytePositionInLine ?? 0));
            int column = Encoding.UTF8.GetCharCount(utf8, lineStart, offset - lineStart) + 1;
            exceedsBounds = TooDeep(e);
            return new ValidationProblem(file, line, column, "", Explain(utf8, offset, e), "write strict JSON, as jq and Python read it: double-quoted keys and strings, no comments (use a \"$comment\" key for notes), no comma after the last item");
        }
    }

    /// <summary>What is wrong at <paramref name="offset"/>, in words: the common slips named, otherwise the parser's own message.</summary>
    private static string Explain(byte[] utf8, int offset, JsonException e)
    {
        byte at = offset < utf8.Length ? utf8[offset] : (byte)0;
        int previous = offset - 1;
        while (previous >= 0 && utf8[previous] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') previous--;
        if (at == (byte)'/' || (at == (byte)'*' && previous >= 0 && utf8[previous] == (byte)'/')) return "malformed JSON: comments are not allowed in JSON";
        if (at == (byte)'\'') return "malformed JSON: single quotes are not allowed; JSON strings and keys use double quotes";
        if (at is (byte)'}' or (byte)']' && previous >= 0 && utf8[previous] == (byte)',') return "malformed JSON: a comma after the last item is not allowed in JSON";
        if (TooDeep(e)) return $"malformed JSON: nested more than {MaxDepth} levels deep";
        string message = e.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "malformed JSON: " + (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    /// <summary>Whether the reader stopped at its depth limit (System.Text.Json says so only in its message).</summary>
    private static bool TooDeep(JsonException e) => e.Message.Contains("maximum configured depth", StringComparison.Ordinal);

    private static int LineStart(byte[] utf8, int line)
    {
        int start = 0;
        for (int l = 1; l < line && start < utf8.Length; l++)
        {
            int next = Array.IndexOf(utf8, (byte)'\n', start);
            if (next < 0) return utf8.Length;
            start = next + 1;
        }
        return start;
    }

    private static (int Line, int Column) Position(byte[] utf8, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
            if (utf8[i] == (byte)'\n') { line++; lineStart = i + 1; }
        return (line, Encoding.UTF8.GetCharCount(utf8, lineStart, offset - lineStart) + 1);
    }
}
