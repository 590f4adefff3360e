using System.Globalization;

namespace UrbanSim.Runner.Output;

/// <summary>CSV formatting shared by the output files: RFC 4180 quoting, round-trip numbers, empty for missing.</summary>
public static class Csv
{
    /// <summary>A number in shortest round-trip invariant form; NaN and infinities (undefined) as an empty field.</summary>
    public static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

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
