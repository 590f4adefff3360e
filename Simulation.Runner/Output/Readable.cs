using System.Globalization;

namespace UrbanSim.Runner.Output;

/// <summary>
/// Numbers in sentences, as a report writes them: with their unit, a sensible number of figures, thousands written
/// k, m or bn, and a true minus sign. Shared by the console, summary.json's explanations and the explorer.
/// </summary>
internal static class Readable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A value of an outcome in its unit: "+0.065 years", "−£1.05bn", "+56.7k QALYs", "+0.6 percentage points".</summary>
    public static string Value(double value, string unit, bool signed = false) => unit switch
    {
        "years" => Years(value, signed),
        "£" or "£ per resident" => Gbp(value, signed) + (unit == "£" ? "" : " per resident"),
        "share" => Sign(value, signed) + Trim(Math.Abs(value) * 100, Math.Abs(value) * 100 < 1 ? 2 : 1) + (signed ? " percentage points" : "%"),
        "indicator" => Sign(value, signed) + Trim(Math.Abs(value) * 100, 1) + (signed ? " percentage points of replications" : "% of replications"),
        _ => Count(value, signed) + " " + unit,
    };

    /// <summary>Years: three decimals below 0.1, two above ("+0.024 years", "64.04 years").</summary>
    public static string Years(double years, bool signed = false) =>
        Sign(years, signed) + Math.Abs(years).ToString(Math.Abs(years) < 0.1 ? "0.000" : "0.00", Inv) + " years";

    /// <summary>Pounds with k, m or bn: "£1.05bn", "−£123m", "£940k".</summary>
    public static string Gbp(double gbp, bool signed = false)
    {
        double a = Math.Abs(gbp);
        string body = a >= 1e9 ? Trim(a / 1e9, a >= 1e11 ? 0 : a >= 1e10 ? 1 : 2) + "bn"
            : a >= 1e6 ? Trim(a / 1e6, a >= 1e8 ? 0 : 1) + "m"
            : a >= 1e3 ? Trim(a / 1e3, 0) + "k"
            : a.ToString("0", Inv);
        return Sign(gbp, signed) + "£" + body;
    }

    /// <summary>A count with k or m from ten thousand: "4,378", "56.7k", "1.23m".</summary>
    public static string Count(double count, bool signed = false)
    {
        double a = Math.Abs(count);
        string body = a >= 1e6 ? Trim(a / 1e6, 2) + "m" : a >= 1e4 ? Trim(a / 1e3, 1) + "k" : a >= 100 ? a.ToString("#,0", Inv) : Trim(a, a >= 1 ? 1 : 3);
        return Sign(count, signed) + body;
    }

    /// <summary>A probability as a percentage: "99%", "1%", "&lt;1%".</summary>
    public static string Percent(double probability) =>
        probability is > 0 and < 0.005 ? "<1%" : probability is < 1 and > 0.995 ? ">99%" : (probability * 100).ToString("0", Inv) + "%";

    private static string Sign(double value, bool signed) => value < 0 && Math.Abs(value) > 0 ? "\u2212" : signed && value > 0 ? "+" : "";

    private static string Trim(double value, int decimals) => value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), Inv);
}
