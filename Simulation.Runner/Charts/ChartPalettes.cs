using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// Colours of policy variants: the Okabe–Ito palette, which stays distinguishable under the common forms of
/// colour blindness. Variant i (its position in the scenario, 0 = first) always gets colour i, in every chart,
/// so a reader can follow a variant from one figure to the next.
/// </summary>
internal static class VariantPalette
{
    // Okabe & Ito (2008), "Color Universal Design". Blue and orange first because they are the most distinct pair;
    // yellow late because it is faint on white; black last because semi-transparent black fills look like shadow.
    private static readonly string[] HexColours =
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    /// <summary>How many colours there are before they repeat.</summary>
    public static int Count => HexColours.Length;

    /// <summary>The colour of variant <paramref name="variantIndex"/>, e.g. "#0072B2" for the first.</summary>
    public static string HexOf(int variantIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variantIndex);
        return HexColours[variantIndex % HexColours.Length];
    }

    /// <summary>The colour of variant <paramref name="variantIndex"/>.</summary>
    public static Color ColourOf(int variantIndex) => Color.FromHex(HexOf(variantIndex));
}

/// <summary>
/// Colours of spending programmes: Paul Tol's "muted" qualitative scheme, colour-blind safe and deliberately
/// unlike the variant colours, so a programme is never mistaken for a variant. Programme p always gets colour p.
/// </summary>
internal static class ProgrammePalette
{
    // Tol (2021), "Colour Schemes", muted; light and dark shades alternate so neighbouring stacked areas stand apart.
    private static readonly string[] HexColours =
        ["#332288", "#DDCC77", "#117733", "#CC6677", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"];

    /// <summary>How many colours there are before they repeat.</summary>
    public static int Count => HexColours.Length;

    /// <summary>The colour of programme <paramref name="programmeIndex"/> as "#RRGGBB".</summary>
    public static string HexOf(int programmeIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(programmeIndex);
        return HexColours[programmeIndex % HexColours.Length];
    }

    /// <summary>The colour of programme <paramref name="programmeIndex"/>.</summary>
    public static Color ColourOf(int programmeIndex) => Color.FromHex(HexOf(programmeIndex));
}
