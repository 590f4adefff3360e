using System.Globalization;

namespace UrbanSim.Runner.Output;

/// <summary>
/// CSV formatting shared by the output files: RFC 4180 quoting, empty for missing, and numbers rounded to
/// <see cref="SignificantDigits"/> significant figures (and at most 15 decimal places) and written without an exponent,
/// so a file shows no float noise (0.30000000000000004 is written 0.3) and the same results give the same bytes.
/// </summary>
internal static class Csv
{
    /// <summary>Significant figures of every number in the CSV outputs (stated in <c>columns.csv</c>).</summary>
    public const int SignificantDigits = 8;

    /// <summary>How <c>columns.csv</c> states the precision of rounded numbers.</summary>
    public static readonly string Precision = $"{SignificantDigits} significant figures, at most 15 decimal places";

    /// <summary>A number rounded to <see cref="SignificantDigits"/> significant figures; NaN and infinities (undefined) as an empty field.</summary>
    public static string Number(double value) => double.IsFinite(value) ? Plain(RoundSignificant(value, SignificantDigits)) : "";

    /// <summary>A whole number (a count, a year, an index) as it is.</summary>
    public static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="value"/> rounded to <paramref name="digits"/> significant figures (1 to 15).</summary>
    public static double RoundSignificant(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value)) return value == 0 ? 0 : value;
        int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value))) + 1;
        int decimals = digits - magnitude;
        if (decimals >= 0) return Math.Round(value, Math.Min(decimals, 15), MidpointRounding.AwayFromZero);
        double scale = Math.Pow(10, -decimals);
        return Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
    }

    /// <summary>Shortest round-trip form without an exponent (R and pandas read both, but people read this one).</summary>
    private static string Plain(double value)
    {
        if (value == 0) return "0";
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('E', StringComparison.Ordinal) || Math.Abs(value) >= 7.9e28) return text;
        return ((decimal)value).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A text field, quoted when it holds a comma, quote or line break. Text that a spreadsheet would take for a formula
    /// (starting with =, +, -, @, a tab or a carriage return: a zone id or region name from a user's file) gets a leading
    /// apostrophe, as OWASP advises against CSV injection, so opening the file runs nothing.
    /// </summary>
    public static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
