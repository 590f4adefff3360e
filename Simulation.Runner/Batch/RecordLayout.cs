using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// How one replication's results are laid out as a flat row of doubles in a chunk file: the start-year baseline, the
/// start-year HLE of each deprivation decile, the value each uncertain parameter was drawn at, the shocks of each year
/// (as <see cref="Core.Shocks.ShockKinds"/> flags), then per variant its outcomes, its final-year HLE of each decile
/// and its yearly series; then each region's start-year baseline and, per variant, each region's outcomes
/// (<see cref="RegionOutcomes"/>); then, per variant, each developer firm's kept quantities (<see cref="FirmOutcomes.Kept"/>). Zone results are not stored per replication (300 zones × variants would dwarf
/// everything else); chunks keep their exact sums instead (<see cref="ZoneSums"/>).
/// </summary>
internal sealed record RecordLayout(int Variants, int Years, int Zones, OutcomeCatalogue Outcomes, int Uncertain = 0, int Regions = 0, int Firms = 0)
{
    public const int Deciles = ReplicationResult.Deciles;
    public const int BaselineOffset = 0;
    public static int BaselineDecileOffset => Baseline.Count;
    /// <summary>Where the drawn uncertain parameters start.</summary>
    public static int DrawnOffset => Baseline.Count + Deciles;
    /// <summary>Where the shocks of each year start (one value per year).</summary>
    public int ShockOffset => DrawnOffset + Uncertain;
    private int Header => ShockOffset + Years;

    /// <summary>Doubles per variant: outcomes, decile HLE, yearly series.</summary>
    public int VariantWidth => Outcomes.Count + Deciles + Years * Outcomes.SeriesCount;
    /// <summary>Doubles per replication.</summary>
    public int Width => FirmOffset(0) + Variants * Firms * FirmOutcomes.Kept.Length;

    /// <summary>Where variant <paramref name="variant"/>'s firm quantities begin: [firm * FirmOutcomes.Kept.Length + k].</summary>
    public int FirmOffset(int variant) => RegionOutcomeOffset(0) + Variants * Regions * RegionOutcomes.Count + variant * Firms * FirmOutcomes.Kept.Length;

    /// <summary>Where the regions' start-year values begin: [region * <see cref="RegionOutcomes.BaselineCount"/> + value].</summary>
    public int RegionBaselineOffset => Header + Variants * VariantWidth;

    /// <summary>Where variant <paramref name="variant"/>'s region outcomes begin: [region * <see cref="RegionOutcomes.Count"/> + outcome].</summary>
    public int RegionOutcomeOffset(int variant) => RegionBaselineOffset + Regions * RegionOutcomes.BaselineCount + variant * Regions * RegionOutcomes.Count;

    public int OutcomeOffset(int variant) => Header + variant * VariantWidth;
    public int DecileOffset(int variant) => OutcomeOffset(variant) + Outcomes.Count;
    public int YearlyOffset(int variant) => DecileOffset(variant) + Deciles;

    public static RecordLayout For(Core.Scenarios.Scenario scenario) =>
        new(scenario.Variants.Length, scenario.HorizonYears, scenario.World.ZoneCount, scenario.Catalogue.Outcomes, scenario.Uncertain.Length,
            scenario.World.RegionCount, scenario.World.RegionCount * FirmOutcomes.PerRegion(scenario.Parameters.Development));

    /// <summary>The shocks of year <paramref name="year"/> (0 = first simulated year) in a row.</summary>
    public Core.Shocks.ShockKinds ShocksIn(ReadOnlySpan<double> row, int year) => (Core.Shocks.ShockKinds)(int)row[ShockOffset + year];

    /// <summary>Writes <paramref name="result"/> into <paramref name="row"/> (length <see cref="Width"/>).</summary>
    public void Flatten(ReplicationResult result, Span<double> row)
    {
        result.BaselineValues.CopyTo(row[BaselineOffset..]);
        result.BaselineDecileHleYears.CopyTo(row[BaselineDecileOffset..]);
        result.DrawnParameters.AsSpan(0, Uncertain).CopyTo(row[DrawnOffset..]);
        for (int y = 0; y < Years; y++) row[ShockOffset + y] = (int)result.Shocks[y];
        for (int v = 0; v < Variants; v++)
        {
            result.OutcomesOf(v).CopyTo(row[OutcomeOffset(v)..]);
            result.DecileHleYears.AsSpan(v * Deciles, Deciles).CopyTo(row[DecileOffset(v)..]);
            result.Yearly.AsSpan(v * Years * Outcomes.SeriesCount, Years * Outcomes.SeriesCount).CopyTo(row[YearlyOffset(v)..]);
        }
        if (Regions == 0) return;
        if (result.Regions != Regions) throw new ArgumentException($"result has {result.Regions} regions, expected {Regions}");
        result.RegionBaseline.CopyTo(row[RegionBaselineOffset..]);
        result.RegionOutcome.CopyTo(row[RegionOutcomeOffset(0)..]);
        if (Firms == 0) return;
        if (result.Firms == Firms) result.FirmOutcome.CopyTo(row[FirmOffset(0)..]);
        else row.Slice(FirmOffset(0), Variants * Firms * FirmOutcomes.Kept.Length).Fill(double.NaN);
    }
}

/// <summary>
/// Sums over replications of each zone's start and final HLE and LE, in fixed point (micro-years in a long),
/// so that adding is exact and associative: the totals are the same bits whatever the order, threads,
/// chunk boundaries or shards. Layout: [(variant * zones + zone) * 4 + (final HLE, final LE, start HLE, start LE)].
/// </summary>
internal sealed class ZoneSums(int variants, int zones)
{
    /// <summary>Fixed-point units per year: 10⁻⁶ years (about 30 seconds), ample for a mean over replications.</summary>
    public const double Scale = 1e6;
    public const int Fields = 4;

    public int Variants { get; } = variants;
    public int Zones { get; } = zones;
    public long[] Sums { get; } = new long[variants * zones * Fields];
    public long Replications { get; set; }

    public void Add(ReplicationResult result)
    {
        if (result.Zones != Zones) throw new ArgumentException($"result has {result.Zones} zones, expected {Zones}");
        for (int v = 0; v < Variants; v++)
            for (int z = 0; z < Zones; z++)
            {
                int i = (v * Zones + z) * Fields;
                Sums[i] += ToFixed(result.ZoneFinal[(v * Zones + z) * 2]);
                Sums[i + 1] += ToFixed(result.ZoneFinal[(v * Zones + z) * 2 + 1]);
                Sums[i + 2] += ToFixed(result.ZoneBaseline[z * 2]);
                Sums[i + 3] += ToFixed(result.ZoneBaseline[z * 2 + 1]);
            }
        Replications++;
    }

    public void Clear()
    {
        Array.Clear(Sums);
        Replications = 0;
    }

    public void Add(ZoneSums other)
    {
        for (int i = 0; i < Sums.Length; i++) Sums[i] += other.Sums[i];
        Replications += other.Replications;
    }

    /// <summary>Mean over replications of a field of a zone in a variant.</summary>
    public double Mean(int variant, int zone, int field) =>
        Replications == 0 ? double.NaN : Sums[(variant * Zones + zone) * Fields + field] / Scale / Replications;

    private static long ToFixed(double years) => double.IsFinite(years) ? (long)Math.Round(years * Scale) : 0;
}
