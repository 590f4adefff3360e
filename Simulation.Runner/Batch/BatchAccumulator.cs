using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// Folds replications, in replication order, into everything the outputs report: per variant the
/// distribution of each outcome, the paired differences against the first variant, the start-year baseline,
/// HLE change by deprivation decile, the distribution of each yearly series, and zone means. Memory is
/// bounded whatever the number of replications: each column keeps at most a fixed number of values
/// (exact quantiles) before switching to a digest, and the budget is shared by all columns.
/// </summary>
internal sealed class BatchAccumulator
{
    /// <summary>Memory budget for the values kept for exact quantiles, across all columns.</summary>
    public const long QuantileBudgetBytes = 64L << 20;

    public RecordLayout Layout { get; }
    /// <summary>[variant][outcome].</summary>
    public ColumnStatistics[][] Outcome { get; }
    /// <summary>[variant − 1][outcome]: variant minus the first variant, replication by replication.</summary>
    public ColumnStatistics[][] Paired { get; }
    /// <summary>[variant − 1][agent]: change of each agent's money position against the first variant (<see cref="AgentLedger"/>).</summary>
    public ColumnStatistics[][] AgentChange { get; }
    /// <summary>[baseline value].</summary>
    public ColumnStatistics[] Baseline { get; }
    /// <summary>[variant][decile − 1]: final-year minus start-year HLE of the decile.</summary>
    public ColumnStatistics[][] DecileHleChange { get; }
    /// <summary>[variant − 1][decile − 1]: the decile's final-year HLE minus the first variant's, replication by replication.</summary>
    public ColumnStatistics[][] PairedDecileHle { get; }
    /// <summary>[variant][year][series].</summary>
    public ColumnStatistics[][][] Yearly { get; }
    /// <summary>[variant − 1][year][series]: the year's value of the variant minus the first variant's, replication by replication.</summary>
    public ColumnStatistics[][][] PairedYearly { get; }
    public ZoneSums Zones { get; }
    /// <summary>[variant − 1] the net monetary benefit of each variant against the first, replication by replication.</summary>
    public ColumnStatistics[] NetMonetaryBenefit { get; }
    /// <summary>[kind][year]: replications in which each shock kind (<see cref="Output.ReplicationsCsv.ShockColumns"/> order) hit the year.</summary>
    public long[][] ShockReplications { get; }
    /// <summary>Replications with a health shock in the final year, which the final-year outcomes show as a separate cluster.</summary>
    public long FinalYearHealthShocks { get; private set; }
    /// <summary>[variant][outcome]: sum of each outcome over the replications with a health shock in the final year.</summary>
    public double[][] FinalYearHealthShockSums { get; }
    /// <summary>[region][value]: each region's start-year population, LE and HLE (<see cref="RegionOutcomes"/>).</summary>
    public ColumnStatistics[][] RegionBaseline { get; }
    /// <summary>[variant][region][outcome]: each region's outcomes (<see cref="RegionOutcomes"/>).</summary>
    public ColumnStatistics[][][] RegionOutcome { get; }
    /// <summary>[variant − 1][region][outcome]: a region's outcome in the variant minus in the first variant, replication by replication.</summary>
    public ColumnStatistics[][][] RegionPaired { get; }
    /// <summary>[variant][firm][k]: each developer firm's kept quantities at the end (<see cref="FirmOutcomes.Kept"/>).</summary>
    public ColumnStatistics[][][] FirmOutcome { get; }
    /// <summary>Replications folded in.</summary>
    public int Replications { get; private set; }
    /// <summary>Indices of the replications folded in, as sorted ranges [first, end).</summary>
    public List<(int First, int End)> Ranges { get; } = [];
    /// <summary>True when every column still holds all its values, so every quantile is exact.</summary>
    public bool QuantilesExact => Outcome.All(v => v.All(c => c.Quantiles.IsExact)) && Yearly.All(v => v.All(y => y.All(c => c.Quantiles.IsExact)))
                                  && PairedYearly.All(v => v.All(y => y.All(c => c.Quantiles.IsExact)));

    /// <summary>Columns of statistics a batch of <paramref name="layout"/> keeps.</summary>
    public static int ColumnCount(RecordLayout layout) =>
        layout.Variants * (layout.Outcomes.Count * 2 + AgentLedger.Count + 1) + Core.Outcomes.Baseline.Count + 2 * layout.Variants * RecordLayout.Deciles
        + (2 * layout.Variants - 1) * layout.Years * layout.Outcomes.SeriesCount
        + layout.Regions * (RegionOutcomes.BaselineCount + 2 * layout.Variants * RegionOutcomes.Count)
        + layout.Variants * layout.Firms * FirmOutcomes.Kept.Length;

    /// <summary>Values each column keeps for exact quantiles: the budget shared by all columns, within [256, 4096].</summary>
    public static int ExactCapacity(RecordLayout layout) =>
        (int)Math.Clamp(QuantileBudgetBytes / (ColumnCount(layout) * (long)sizeof(double)), 256, QuantileSketch.DefaultExactCapacity);

    public BatchAccumulator(RecordLayout layout)
    {
        Layout = layout;
        int exact = ExactCapacity(layout);
        double compression = Math.Clamp(exact / 8.0, 50, QuantileSketch.DefaultCompression);
        ColumnStatistics Column(Better direction = Better.Higher) => new(direction, exact, compression);

        Outcome = [.. Enumerable.Range(0, layout.Variants).Select(_ => layout.Outcomes.All.Select(o => Column()).ToArray())];
        Paired = [.. Enumerable.Range(1, Math.Max(0, layout.Variants - 1)).Select(_ => layout.Outcomes.All.Select(o => Column(o.Direction)).ToArray())];
        AgentChange = [.. Enumerable.Range(1, Math.Max(0, layout.Variants - 1)).Select(_ => Enumerable.Range(0, AgentLedger.Count).Select(_ => Column()).ToArray())];
        NetMonetaryBenefit = [.. Enumerable.Range(1, Math.Max(0, layout.Variants - 1)).Select(_ => Column())];
        Baseline = [.. Enumerable.Range(0, Core.Outcomes.Baseline.Count).Select(_ => Column())];
        DecileHleChange = [.. Enumerable.Range(0, layout.Variants).Select(_ => Enumerable.Range(0, RecordLayout.Deciles).Select(_ => Column()).ToArray())];
        PairedDecileHle = [.. Enumerable.Range(1, Math.Max(0, layout.Variants - 1)).Select(_ => Enumerable.Range(0, RecordLayout.Deciles).Select(_ => Column()).ToArray())];
        Yearly = [.. Enumerable.Range(0, layout.Variants).Select(_ =>
            Enumerable.Range(0, layout.Years).Select(_ => Enumerable.Range(0, layout.Outcomes.SeriesCount).Select(_ => Column()).ToArray()).ToArray())];
        PairedYearly = [.. Enumerable.Range(1, Math.Max(0, layout.Variants - 1)).Select(_ =>
            Enumerable.Range(0, layout.Years).Select(_ => layout.Outcomes.Series.Select(s => Column(s.Direction)).ToArray()).ToArray())];
        Zones = new ZoneSums(layout.Variants, layout.Zones);
        ShockReplications = [.. Output.ReplicationsCsv.ShockColumns.Select(_ => new long[layout.Years])];
        FinalYearHealthShockSums = [.. Enumerable.Range(0, layout.Variants).Select(_ => new double[layout.Outcomes.Count])];
        RegionBaseline = [.. Enumerable.Range(0, layout.Regions).Select(_ => Enumerable.Range(0, RegionOutcomes.BaselineCount).Select(_ => Column()).ToArray())];
        ColumnStatistics[][] RegionColumns() => [.. Enumerable.Range(0, layout.Regions).Select(_ => Enumerable.Range(0, RegionOutcomes.Count).Select(_ => Column()).ToArray())];
        RegionOutcome = [.. Enumerable.Range(0, layout.Variants).Select(_ => RegionColumns())];
        RegionPaired = [.. Enumerable.Range(1, Math.Max(0, layout.Variants - 1)).Select(_ => RegionColumns())];
        FirmOutcome = [.. Enumerable.Range(0, layout.Variants).Select(_ =>
            Enumerable.Range(0, layout.Firms).Select(_ => Enumerable.Range(0, FirmOutcomes.Kept.Length).Select(_ => Column()).ToArray()).ToArray())];
    }

    /// <summary>
    /// Mean of an outcome over the replications without a health shock in the final year, and its difference from the
    /// mean over those with one (NaN when either group is empty).
    /// </summary>
    public (double WithoutShock, double ShockEffect) FinalYearHealthShockEffect(int variant, int outcome)
    {
        var all = Outcome[variant][outcome];
        long shocked = FinalYearHealthShocks, rest = all.Count - shocked;
        if (shocked == 0 || rest <= 0) return (double.NaN, double.NaN);
        double shockedMean = FinalYearHealthShockSums[variant][outcome] / shocked;
        double restMean = (all.Summary().Mean * all.Count - FinalYearHealthShockSums[variant][outcome]) / rest;
        return (restMean, shockedMean - restMean);
    }

    /// <summary>Folds in replication <paramref name="replication"/>'s row; replications must come in increasing order.</summary>
    public void Add(int replication, ReadOnlySpan<double> row)
    {
        if (Ranges.Count > 0 && replication < Ranges[^1].End) throw new InvalidOperationException($"replication {replication} arrived out of order");
        if (Ranges.Count > 0 && Ranges[^1].End == replication) Ranges[^1] = (Ranges[^1].First, replication + 1);
        else Ranges.Add((replication, replication + 1));
        Replications++;

        for (int b = 0; b < Core.Outcomes.Baseline.Count; b++) Baseline[b].Add(row[RecordLayout.BaselineOffset + b]);
        for (int y = 0; y < Layout.Years; y++)
            for (int k = 0; k < ShockReplications.Length; k++)
                if (Layout.ShocksIn(row, y).HasFlag(Output.ReplicationsCsv.ShockColumns[k].Kind)) ShockReplications[k][y]++;
        bool finalYearHealthShock = Layout.Years > 0 && Layout.ShocksIn(row, Layout.Years - 1).HasFlag(Core.Shocks.ShockKinds.HealthShock);
        if (finalYearHealthShock) FinalYearHealthShocks++;
        var first = row.Slice(Layout.OutcomeOffset(0), Layout.Outcomes.Count);
        for (int v = 0; v < Layout.Variants; v++)
        {
            var outcomes = row.Slice(Layout.OutcomeOffset(v), Layout.Outcomes.Count);
            for (int o = 0; o < Layout.Outcomes.Count; o++)
            {
                Outcome[v][o].Add(outcomes[o]);
                if (finalYearHealthShock && double.IsFinite(outcomes[o])) FinalYearHealthShockSums[v][o] += outcomes[o];
                if (v > 0) Paired[v - 1][o].Add(outcomes[o] - first[o]);
            }
            if (v > 0)
            {
                var regions = row.Slice(Layout.RegionOutcomeOffset(v), Layout.Regions * RegionOutcomes.Count);
                var firstRegions = row.Slice(Layout.RegionOutcomeOffset(0), Layout.Regions * RegionOutcomes.Count);
                for (int a = 0; a < AgentLedger.Count; a++)
                    AgentChange[v - 1][a].Add(AgentLedger.PositionGbp(a, outcomes, regions) - AgentLedger.PositionGbp(a, first, firstRegions));
                NetMonetaryBenefit[v - 1].Add(CostEffectiveness.IncrementalCosts.NetMonetaryBenefitGbp(outcomes, first));
            }
            var deciles = row.Slice(Layout.DecileOffset(v), RecordLayout.Deciles);
            var firstDeciles = row.Slice(Layout.DecileOffset(0), RecordLayout.Deciles);
            for (int d = 0; d < RecordLayout.Deciles; d++)
            {
                DecileHleChange[v][d].Add(deciles[d] - row[RecordLayout.BaselineDecileOffset + d]);
                if (v > 0) PairedDecileHle[v - 1][d].Add(deciles[d] - firstDeciles[d]);
            }
            var yearly = row.Slice(Layout.YearlyOffset(v), Layout.Years * Layout.Outcomes.SeriesCount);
            var firstYearly = row.Slice(Layout.YearlyOffset(0), Layout.Years * Layout.Outcomes.SeriesCount);
            for (int y = 0; y < Layout.Years; y++)
                for (int s = 0; s < Layout.Outcomes.SeriesCount; s++)
                {
                    int i = y * Layout.Outcomes.SeriesCount + s;
                    Yearly[v][y][s].Add(yearly[i]);
                    if (v > 0) PairedYearly[v - 1][y][s].Add(yearly[i] - firstYearly[i]);
                }
        }
        AddRegions(row);
        int kept = FirmOutcomes.Kept.Length;
        for (int v = 0; v < Layout.Variants; v++)
            for (int f = 0; f < Layout.Firms; f++)
                for (int k = 0; k < kept; k++) FirmOutcome[v][f][k].Add(row[Layout.FirmOffset(v) + f * kept + k]);
    }

    private void AddRegions(ReadOnlySpan<double> row)
    {
        const int count = RegionOutcomes.Count;
        for (int r = 0; r < Layout.Regions; r++)
        {
            for (int b = 0; b < RegionOutcomes.BaselineCount; b++) RegionBaseline[r][b].Add(row[Layout.RegionBaselineOffset + r * RegionOutcomes.BaselineCount + b]);
            var first = row.Slice(Layout.RegionOutcomeOffset(0) + r * count, count);
            for (int v = 0; v < Layout.Variants; v++)
            {
                var outcomes = row.Slice(Layout.RegionOutcomeOffset(v) + r * count, count);
                for (int o = 0; o < count; o++)
                {
                    RegionOutcome[v][r][o].Add(outcomes[o]);
                    if (v > 0) RegionPaired[v - 1][r][o].Add(outcomes[o] - first[o]);
                }
            }
        }
    }

    /// <summary>Folds in a chunk: its rows in order and its zone sums.</summary>
    public void Add(Chunk chunk)
    {
        for (int i = 0; i < chunk.Count; i++) Add(chunk.First + i, chunk.Row(i));
        Zones.Add(chunk.Zones);
    }
}
