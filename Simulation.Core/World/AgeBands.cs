namespace UrbanSim.Core.World;

/// <summary>
/// The abridged age bands used everywhere in the model, as in ONS abridged life tables:
/// under 1, 1–4, 5–9, …, 80–84, and 85 and over (open).
/// </summary>
internal static class AgeBands
{
    /// <summary>Number of bands.</summary>
    public const int Count = 19;

    /// <summary>Index of the open-ended last band (85+).</summary>
    public const int OpenBand = Count - 1;

    /// <summary>
    /// Stride of zone-by-band arrays: <see cref="Count"/> padded with five bands that are always empty, so that each
    /// age profile is exactly three 8-wide vectors of single-precision values.
    /// </summary>
    public const int Stride = 24;

    private static readonly int[] LowerBounds =
        [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85];

    /// <summary>Lower age bound of band <paramref name="band"/> in years.</summary>
    public static int LowerAgeYears(int band) => LowerBounds[band];

    /// <summary>Width of a closed band in years; the open band reports 0.</summary>
    public static int WidthYears(int band) => band == OpenBand ? 0 : LowerBounds[band + 1] - LowerBounds[band];

    /// <summary>Band holding people of exact age <paramref name="ageYears"/>.</summary>
    public static int BandOfAge(double ageYears)
    {
        for (int b = OpenBand; b > 0; b--)
            if (ageYears >= LowerBounds[b]) return b;
        return 0;
    }

    /// <summary>Label such as "5-9" or "85+".</summary>
    public static string Label(int band) =>
        band == OpenBand ? $"{LowerBounds[band]}+" :
        band == 0 ? "0" : $"{LowerBounds[band]}-{LowerBounds[band + 1] - 1}";

    /// <summary>
    /// Share of band <paramref name="band"/> whose ages lie in [fromYears, toYears] (inclusive, whole years),
    /// assuming ages are spread evenly within a band. The open band is treated as 85–99.
    /// </summary>
    public static double ShareWithinAges(int band, int fromYears, int toYears)
    {
        int lo = LowerBounds[band];
        int hi = band == OpenBand ? 100 : LowerBounds[band + 1];
        double overlap = Math.Min(hi, toYears + 1) - Math.Max(lo, fromYears);
        return overlap <= 0 ? 0 : overlap / (hi - lo);
    }
}
