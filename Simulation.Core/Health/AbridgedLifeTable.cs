using System.Runtime.Intrinsics;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// Chiang's abridged period life table over <see cref="AgeBands"/> (radix 1), and the Sullivan
/// method for healthy life expectancy. Pure functions over spans, allocation-free, so they can run
/// inside the yearly simulation loop.
/// </summary>
/// <remarks>
/// For each closed band of width n: qx = n·mx / (1 + (n − ax)·mx), capped at 1;
/// dx = lx·qx; l(x+n) = lx − dx; nLx = n·l(x+n) + ax·dx. The open band has Lx = lx / mx.
/// Life expectancy at age x is Tx / lx where Tx sums Lx from x onwards.
/// </remarks>
internal static class AbridgedLifeTable
{
    /// <summary>
    /// Average years lived in the first year of life by infants who die in it (ax for band 0).
    /// Source: ONS national life tables methodology (infant deaths cluster in the first weeks).
    /// </summary>
    public const double InfantAverageYearsLivedByThoseDying = 0.1;

    /// <summary>
    /// Floor applied to the open band's death rate: a rate of zero has no finite life expectancy,
    /// so the floor keeps results finite (and conspicuously large) instead of infinite.
    /// </summary>
    public const double MinimumOpenBandDeathRatePerPersonYear = 1e-9;

    /// <summary>Writes person-years lived in each band (nLx) for a radix of 1.</summary>
    /// <param name="deathRatePerPersonYear">Central death rate mx by band, length <see cref="AgeBands.Count"/>.</param>
    /// <param name="personYearsLx">Destination for nLx by band, length <see cref="AgeBands.Count"/>.</param>
    public static void PersonYearsLived(ReadOnlySpan<double> deathRatePerPersonYear, Span<double> personYearsLx)
    {
        RequireBandLength(personYearsLx.Length, nameof(personYearsLx));
        Span<double> survivorsLx = stackalloc double[AgeBands.Count];
        SurvivorsAndPersonYearsLived(deathRatePerPersonYear, survivorsLx, personYearsLx);
    }

    /// <summary>Writes survivors at the start of each band (lx) and person-years lived in it (nLx), radix 1.</summary>
    public static void SurvivorsAndPersonYearsLived(ReadOnlySpan<double> deathRatePerPersonYear, Span<double> survivorsLx, Span<double> personYearsLx)
    {
        RequireBandLength(deathRatePerPersonYear.Length, nameof(deathRatePerPersonYear));
        RequireBandLength(survivorsLx.Length, nameof(survivorsLx));
        RequireBandLength(personYearsLx.Length, nameof(personYearsLx));

        double survivors = 1.0;
        for (int band = 0; band < AgeBands.OpenBand; band++)
        {
            double mx = RequireRate(deathRatePerPersonYear[band]);
            double n = AgeBands.WidthYears(band);
            double ax = band == 0 ? InfantAverageYearsLivedByThoseDying : n / 2;
            double qx = Math.Min(1.0, n * mx / (1 + (n - ax) * mx));
            double deaths = survivors * qx;
            double next = survivors - deaths;
            survivorsLx[band] = survivors;
            personYearsLx[band] = n * next + ax * deaths;
            survivors = next;
        }

        double openRate = Math.Max(RequireRate(deathRatePerPersonYear[AgeBands.OpenBand]), MinimumOpenBandDeathRatePerPersonYear);
        survivorsLx[AgeBands.OpenBand] = survivors;
        personYearsLx[AgeBands.OpenBand] = survivors / openRate;
    }

    /// <summary>Period life expectancy at birth (e0) in years.</summary>
    public static double LifeExpectancyAtBirthYears(ReadOnlySpan<double> deathRatePerPersonYear) =>
        LifeExpectancyAtAgeYears(deathRatePerPersonYear, 0);

    /// <summary>
    /// Period life expectancy at the start of band <paramref name="band"/> (ex = Tx / lx) in years.
    /// Returns 0 if nobody survives to that band (qx capped at 1 earlier), where ex is undefined.
    /// </summary>
    public static double LifeExpectancyAtAgeYears(ReadOnlySpan<double> deathRatePerPersonYear, int band)
    {
        RequireBand(band);
        Span<double> lx = stackalloc double[AgeBands.Count];
        Span<double> nLx = stackalloc double[AgeBands.Count];
        SurvivorsAndPersonYearsLived(deathRatePerPersonYear, lx, nLx);
        double tx = 0;
        for (int b = band; b < AgeBands.Count; b++) tx += nLx[b];
        return lx[band] > 0 ? tx / lx[band] : 0;
    }

    /// <summary>
    /// Healthy life expectancy at birth in years by the Sullivan method: Σ nLx · (share in good health) / l0.
    /// </summary>
    /// <param name="deathRatePerPersonYear">Central death rate mx by band.</param>
    /// <param name="shareInGoodHealth">Share of each band in good health, 0–1.</param>
    public static double HealthyLifeExpectancyAtBirthYears(ReadOnlySpan<double> deathRatePerPersonYear, ReadOnlySpan<double> shareInGoodHealth) =>
        HealthyLifeExpectancyAtAgeYears(deathRatePerPersonYear, shareInGoodHealth, 0);

    /// <summary>
    /// Healthy life expectancy at the start of band <paramref name="band"/> in years (Sullivan):
    /// Σ over bands from <paramref name="band"/> of nLx · share in good health, divided by lx.
    /// Returns 0 if nobody survives to that band.
    /// </summary>
    public static double HealthyLifeExpectancyAtAgeYears(ReadOnlySpan<double> deathRatePerPersonYear, ReadOnlySpan<double> shareInGoodHealth, int band)
    {
        RequireBand(band);
        RequireBandLength(shareInGoodHealth.Length, nameof(shareInGoodHealth));
        Span<double> lx = stackalloc double[AgeBands.Count];
        Span<double> nLx = stackalloc double[AgeBands.Count];
        SurvivorsAndPersonYearsLived(deathRatePerPersonYear, lx, nLx);
        double healthyYears = 0;
        for (int b = band; b < AgeBands.Count; b++) healthyYears += nLx[b] * shareInGoodHealth[b];
        return lx[band] > 0 ? healthyYears / lx[band] : 0;
    }

    /// <summary>
    /// Life expectancy and Sullivan healthy life expectancy at birth from one life table: the same values as
    /// <see cref="LifeExpectancyAtBirthYears"/> and <see cref="HealthyLifeExpectancyAtBirthYears"/>, computed once.
    /// </summary>
    public static (double LifeExpectancyYears, double HealthyLifeExpectancyYears) ExpectanciesAtBirthYears(
        ReadOnlySpan<double> deathRatePerPersonYear, ReadOnlySpan<double> shareInGoodHealth)
    {
        RequireBandLength(shareInGoodHealth.Length, nameof(shareInGoodHealth));
        Span<double> lx = stackalloc double[AgeBands.Count];
        Span<double> nLx = stackalloc double[AgeBands.Count];
        SurvivorsAndPersonYearsLived(deathRatePerPersonYear, lx, nLx);
        double years = 0, healthyYears = 0;
        for (int b = 0; b < AgeBands.Count; b++)
        {
            years += nLx[b];
            healthyYears += nLx[b] * shareInGoodHealth[b];
        }
        return lx[0] > 0 ? (years / lx[0], healthyYears / lx[0]) : (0, 0);
    }

    /// <summary>Number of life tables <see cref="ExpectanciesAtBirthYears4"/> computes at once.</summary>
    public const int Lanes = 4;

    /// <summary>
    /// Life expectancy and Sullivan healthy life expectancy at birth of four life tables at once, with vector
    /// arithmetic: each lane takes the same operations in the same order as <see cref="ExpectanciesAtBirthYears"/>,
    /// so the results are identical to four calls of it.
    /// </summary>
    /// <param name="deathRatePerPersonYear">Death rates of the four tables interleaved by band: [band × 4 + table].</param>
    /// <param name="shareInGoodHealth">Shares in good health, interleaved the same way.</param>
    /// <param name="lifeExpectancyYears">Destination for the four tables' life expectancies at birth.</param>
    /// <param name="healthyLifeExpectancyYears">Destination for their healthy life expectancies at birth.</param>
    public static void ExpectanciesAtBirthYears4(ReadOnlySpan<double> deathRatePerPersonYear, ReadOnlySpan<double> shareInGoodHealth,
        Span<double> lifeExpectancyYears, Span<double> healthyLifeExpectancyYears)
    {
        const int length = AgeBands.Count * Lanes;
        if (deathRatePerPersonYear.Length != length) throw new ArgumentException($"Expected {length} rates (19 bands × 4 tables), got {deathRatePerPersonYear.Length}.", nameof(deathRatePerPersonYear));
        if (shareInGoodHealth.Length != length) throw new ArgumentException($"Expected {length} shares (19 bands × 4 tables), got {shareInGoodHealth.Length}.", nameof(shareInGoodHealth));
        if (lifeExpectancyYears.Length < Lanes) throw new ArgumentException($"Expected room for {Lanes} values.", nameof(lifeExpectancyYears));
        if (healthyLifeExpectancyYears.Length < Lanes) throw new ArgumentException($"Expected room for {Lanes} values.", nameof(healthyLifeExpectancyYears));
        var one = Vector256.Create(1.0);
        var survivors = one;
        var years = Vector256<double>.Zero;
        var healthyYears = Vector256<double>.Zero;
        for (int band = 0; band < AgeBands.OpenBand; band++)
        {
            var mx = RequireRates(Vector256.Create(deathRatePerPersonYear.Slice(band * Lanes, Lanes)));
            double n = AgeBands.WidthYears(band);
            double ax = band == 0 ? InfantAverageYearsLivedByThoseDying : n / 2;
            var qx = Vector256.MinNative(one, Vector256.Create(n) * mx / (one + Vector256.Create(n - ax) * mx));
            var deaths = survivors * qx;
            var next = survivors - deaths;
            var personYears = Vector256.Create(n) * next + Vector256.Create(ax) * deaths;
            years += personYears;
            healthyYears += personYears * Vector256.Create(shareInGoodHealth.Slice(band * Lanes, Lanes));
            survivors = next;
        }
        var openRate = Vector256.MaxNative(RequireRates(Vector256.Create(deathRatePerPersonYear.Slice(AgeBands.OpenBand * Lanes, Lanes))),
            Vector256.Create(MinimumOpenBandDeathRatePerPersonYear));
        var open = survivors / openRate;
        (years + open).CopyTo(lifeExpectancyYears);
        (healthyYears + open * Vector256.Create(shareInGoodHealth.Slice(AgeBands.OpenBand * Lanes, Lanes))).CopyTo(healthyLifeExpectancyYears);
    }

    private static Vector256<double> RequireRates(Vector256<double> mx)
    {
        if (Vector256.GreaterThanOrEqualAll(mx, Vector256<double>.Zero) && Vector256.LessThanAll(mx, Vector256.Create(double.PositiveInfinity))) return mx;
        for (int lane = 0; lane < Lanes; lane++) RequireRate(mx[lane]);
        return mx;
    }

    private static void RequireBandLength(int length, string name)
    {
        if (length != AgeBands.Count)
            throw new ArgumentException($"Expected {AgeBands.Count} age bands, got {length}.", name);
    }

    private static void RequireBand(int band)
    {
        if ((uint)band >= AgeBands.Count)
            throw new ArgumentOutOfRangeException(nameof(band), band, $"Band must be in 0..{AgeBands.Count - 1}.");
    }

    // A negative or NaN rate is a bug upstream; failing loudly beats a plausible-looking wrong table.
    private static double RequireRate(double mx) =>
        double.IsFinite(mx) && mx >= 0 ? mx : throw new ArgumentOutOfRangeException(nameof(mx), mx, "Death rates must be finite and non-negative.");
}
