using System.Globalization;

namespace UrbanSim.Core.Scenarios;

/// <summary>
/// One problem found while validating an input file, located precisely enough for a person or an editor
/// to jump to it, and saying how to fix it. Loaders collect all problems and report them at once.
/// </summary>
/// <param name="File">Path of the file as the user gave it.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file (for example it is missing).</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="JsonPath">Path of the offending element (for example <c>population.people</c>); empty for the whole file.</param>
/// <param name="Message">What is wrong, without a closing full stop.</param>
/// <param name="Fix">What to do about it.</param>
public sealed record ValidationProblem(string File, int Line, int Column, string JsonPath, string Message, string Fix)
{
    /// <summary>
    /// One line in the compiler-like form <c>file:line:column: path: problem. Fix: fix</c>; the location
    /// parts that are unknown (line 0, empty path) are left out.
    /// </summary>
    public override string ToString()
    {
        string location = Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Math.Max(Column, 1)}")
            : File;
        string path = JsonPath.Length > 0 ? JsonPath + ": " : "";
        return $"{location}: {path}{Message.TrimEnd('.', ' ')}. Fix: {Fix}";
    }
}
