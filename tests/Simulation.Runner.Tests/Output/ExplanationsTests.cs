using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Tests.Output;

/// <summary>
/// Explanations built from the run's own accounting, on results made by hand so the right answer is known: a variant
/// ahead on HLE early and behind at the end, with QALYs and NHS costs better over the whole horizon.
/// </summary>
public sealed class ExplanationsTests
{
    private const int Years = 4, Replications = 30;

    private static readonly Scenario TwoVariants = new()
    {
        Name = "made_by_hand",
        World = new WorldSpec { Regions = [new RegionSpec("R", CapacityClass.Developing, 6)] },
        StartYear = 2026,
        HorizonYears = Years,
        Variants = [new PolicyVariant("tied_grants", new PolicyLevers()), new PolicyVariant("single_pot", new PolicyLevers()) { Label = "One pot" }],
    };

    /// <summary>The paired differences of the hand-made results, by year where a series has them.</summary>
    private sealed record Differences(double[] HleYears, double[] QalysToDate, double[] NhsCostToDateGbp, double LeYears, double JointPreventionGbp, double ActiveTravelGbp);

    private static readonly Differences AheadThenBehind = new(
        HleYears: [0.05, 0.03, -0.01, -0.02], QalysToDate: [100, 200, 250, 280], NhsCostToDateGbp: [-1e6, -2e6, -2.5e6, -3e6],
        LeYears: 0.01, JointPreventionGbp: -5e8, ActiveTravelGbp: 8e8);

    private static BatchAccumulator Fold(Differences d)
    {
        var layout = RecordLayout.For(TwoVariants);
        var batch = new BatchAccumulator(layout);
        var outcomes = layout.Outcomes;
        for (int rep = 0; rep < Replications; rep++)
        {
            var row = new double[layout.Width];
            double jitter = (rep % 3 - 1) * 1e-4;   // a little spread, so that intervals are narrow but not empty
            for (int v = 0; v < 2; v++)
            {
                var outcome = row.AsSpan(layout.OutcomeOffset(v), outcomes.Count);
                var yearly = row.AsSpan(layout.YearlyOffset(v), Years * outcomes.SeriesCount);
                double k = v == 1 ? 1 : 0;
                for (int y = 0; y < Years; y++)
                {
                    var year = yearly.Slice(y * outcomes.SeriesCount, outcomes.SeriesCount);
                    year[StandardSeries.HleYears] = 63 + k * (d.HleYears[y] + jitter);
                    year[StandardSeries.QalysToDate] = 1e6 * (y + 1) + k * (d.QalysToDate[y] + jitter * 1e4);
                    year[StandardSeries.NhsCostToDateGbp] = 1e9 * (y + 1) + k * (d.NhsCostToDateGbp[y] + jitter * 1e8);
                    year[StandardSeries.HomesBuiltToDate] = 1000 * (y + 1) + jitter;
                    year[StandardSeries.HleGapYears] = 18 + jitter;
                    year[OutcomeCatalogue.FirstProgrammeSpendSeries + JointPrevention] = 1e9 + k * (d.JointPreventionGbp / Years + jitter * 1e6);
                    year[OutcomeCatalogue.FirstProgrammeSpendSeries + ActiveTravel] = 1e9 + k * (d.ActiveTravelGbp / Years + jitter * 1e6);
                }
                outcome[StandardOutcomes.HleYears] = yearly[(Years - 1) * outcomes.SeriesCount + StandardSeries.HleYears];
                outcome[StandardOutcomes.HleGapYears] = 18 + jitter;
                outcome[StandardOutcomes.Qalys] = yearly[(Years - 1) * outcomes.SeriesCount + StandardSeries.QalysToDate];
                outcome[StandardOutcomes.NhsCostGbp] = yearly[(Years - 1) * outcomes.SeriesCount + StandardSeries.NhsCostToDateGbp];
                outcome[StandardOutcomes.HomesBuilt] = 4000 + jitter;
                outcome[StandardOutcomes.LeYears] = 80 + k * (d.LeYears + jitter);
                outcome[StandardOutcomes.PublicSpendGbp] = 1e10 + k * (d.JointPreventionGbp + d.ActiveTravelGbp + jitter * 1e6);
                outcome[OutcomeCatalogue.FirstProgrammeSpend + JointPrevention] = 4e9 + k * (d.JointPreventionGbp + jitter * 1e6);
                outcome[OutcomeCatalogue.FirstProgrammeSpend + ActiveTravel] = 4e9 + k * (d.ActiveTravelGbp + jitter * 1e6);
            }
            batch.Add(rep, row);
        }
        return batch;
    }

    private static int JointPrevention => ModelCatalogue.Standard.Programmes.All.ToList().FindIndex(p => p.Name == "joint_prevention");
    private static int ActiveTravel => ModelCatalogue.Standard.Programmes.All.ToList().FindIndex(p => p.Name == "active_travel");

    [Fact]
    public void AheadEarlyBehindLate_IsFoundAsASignChange_WithItsYearsAndExtremes()
    {
        var e = Explanations.For(TwoVariants, Fold(AheadThenBehind), 1);
        var hle = e.Trajectories.Single(t => t.Outcome.Name == "hle_years");
        Assert.True(hle.ChangesSign);
        Assert.Equal([new Period(2027, 2028, 1), new Period(2029, 2030, -1)], hle.Periods);
        Assert.Equal((2027, 0.05), (hle.BestYear, Math.Round(hle.BestMean, 6)));
        Assert.Equal((2030, -0.02), (hle.WorstYear, Math.Round(hle.WorstMean, 6)));
        string line = Assert.Single(Explanations.SignChanges(TwoVariants, e));
        Assert.Equal("One pot, healthy life expectancy: better 2027–2028 (most: +0.050 years in 2027), then worse 2029–2030 (most: −0.020 years in 2030).", line);
    }

    [Fact]
    public void HeadlineOutcomesThatDisagree_AreExplainedByTimingLifeExpectancySpendingAndBudget()
    {
        var e = Explanations.For(TwoVariants, Fold(AheadThenBehind), 1);
        Assert.True(e.Disagree);
        Assert.Equal(["hle_years"], e.Worse.Select(t => t.Outcome.Name));
        Assert.Equal(["qalys", "nhs_cost_gbp"], e.Better.Select(t => t.Outcome.Name));
        Assert.StartsWith("Timing: One pot was better on healthy life expectancy from 2027 to 2028 (by +0.050 years in 2027) and ends worse, −0.020 years in 2030.", e.Why[0]);
        Assert.Contains("QALYs and NHS treatment costs add up every year of the horizon, discounted (1.5% a year and 3.5% a year)", e.Why[0]);
        Assert.Contains(e.Why, w => w.StartsWith("Life expectancy moves the other way (+0.010 years", StringComparison.Ordinal));
        string spending = Assert.Single(e.Why, w => w.StartsWith("Spending:", StringComparison.Ordinal));
        Assert.Contains("One pot spends less than Tied grants on joint prevention −£500m", spending);
        Assert.Contains("lower type 2 diabetes, CVD and respiratory incidence", spending);
        Assert.Contains("more on active travel +£800m", spending);
        Assert.Contains(e.Why, w => w.StartsWith("Disease:", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenTheHeadlineOutcomesAgree_ThereIsNothingToExplain_AndNoSignChange()
    {
        var e = Explanations.For(TwoVariants, Fold(AheadThenBehind with { HleYears = [0.05, 0.04, 0.03, 0.02] }), 1);
        Assert.False(e.Disagree);
        Assert.Empty(e.Why);
        Assert.Empty(Explanations.SignChanges(TwoVariants, e));
    }

    [Fact]
    public void SpendChanges_NameTheLargestFallsAsWellAsRises()
    {
        var (rises, falls) = Explanations.SpendChanges(Fold(AheadThenBehind), 1);
        Assert.Equal("active_travel", Assert.Single(rises).Programme);
        var fall = Assert.Single(falls);
        Assert.Equal("joint_prevention", fall.Programme);
        Assert.Equal(-5e8, fall.HorizonGbp, 1);
        Assert.Equal(-5e8 / Years, fall.LateGbpPerYear, 1);
    }

    [Theory]
    [InlineData(0.001, 0.0005, 0.0015, 1, 1)]
    [InlineData(0.001, -0.0005, 0.0015, 1, 0)]
    [InlineData(-0.001, -0.0015, -0.0005, 1, -1)]
    [InlineData(-0.001, -0.0015, -0.0005, -1, 1)]
    [InlineData(-0.001, -0.0015, -0.0005, 0, 0)]
    [InlineData(-5e-7, -9e-7, -1e-7, 1, 0)]   // float rounding on a level of 64 years: not a result
    public void Direction_IsClearOnlyWhenTheIntervalExcludesZeroAndTheDifferenceIsNotRounding(double mean, double low, double high, int betterSign, int expected) =>
        Assert.Equal(expected, Explanations.Direction(new PairedSummary(mean, 0, low, high, double.NaN), betterSign, 64));

    [Fact]
    public void ColumnWhereNeitherWayIsBetter_HasNoProbabilityOfBeingBetter()
    {
        var column = new ColumnStatistics(Better.Neither);
        foreach (double x in new[] { -1.0, 2, 3 }) column.Add(x);
        Assert.True(double.IsNaN(column.Paired().ProbabilityBetter));
        Assert.Equal(4.0 / 3, column.Paired().Mean, 12);
    }
}
