using MathNet.Numerics.Distributions;
using UrbanSim.Runner.Charts;

namespace UrbanSim.Runner.Tests.Charts;

/// <summary>Small, realistic and fully deterministic inputs for every chart (normal quantiles, no random draws).</summary>
internal static class SyntheticChartData
{
    public static readonly ChartCaption Caption = new("reference", 1000, 20261122, "0.3.0");
    public const string CaptionText = "Scenario: reference · 1,000 replications · seed 20261122 · UrbanSim 0.3.0";

    public static readonly int[] Years = Enumerable.Range(2027, 25).ToArray();
    public static readonly string[] Programmes = ["Active travel", "Clean air", "Warm homes", "Site assembly", "Green space", "Capacity"];

    /// <summary>n evenly spaced normal quantiles: a sample with exactly the given mean and close to the given sd.</summary>
    public static double[] NormalSample(double mean, double sd, int n = 200) =>
        Enumerable.Range(0, n).Select(i => Normal.InvCDF(mean, sd, (i + 0.5) / n)).ToArray();

    public static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    public static OutcomeDistributionData Distribution() => new("Healthy life expectancy at birth", "years",
    [
        new VariantSample("tied_grants", NormalSample(62.5, 0.3), Ones(200)),
        new VariantSample("single_pot", NormalSample(62.62, 0.3), Ones(200)),
    ]);

    public static PairedDifferenceData Difference() => new("Healthy life expectancy at birth", "years", "tied_grants", true,
    [
        new VariantDifference("single_pot", NormalSample(0.12, 0.13), Ones(200), -0.13, 0.37, 0.83),
    ]);

    public static FanChartData Fan() => new("Healthy life expectancy gap (slope index of inequality)", "years", Years,
    [
        FanOf("tied_grants", 19.0, -0.01),
        FanOf("single_pot", 19.0, -0.03),
    ]);

    public static MoneyByProgrammeData Money() => new(Years, Programmes,
    [
        new VariantMoney("tied_grants", MoneyOf([20, 35, 60, 80, 15, 5], 0.015)),
        new VariantMoney("single_pot", MoneyOf([45, 25, 70, 50, 25, 15], 0.02)),
    ]);

    public static CostsAndSavingsData CostsAndSavings() => new(["ICB", "Mayor", "Developers", "Lenders"], "tied_grants",
    [
        new VariantGbpChange("single_pot", [120e6, -35e6, 60e6, -180e6], [70e6, -60e6, 20e6, -240e6], [170e6, -10e6, 100e6, -120e6]),
    ]);

    public static DecileChangeData DecileChange()
    {
        int[] deciles = Enumerable.Range(1, 10).ToArray();
        VariantDecileChange ChangeOf(string variant, double mostDeprived, double leastDeprived)
        {
            double[] mean = deciles.Select(d => mostDeprived + (leastDeprived - mostDeprived) * (d - 1) / 9.0).ToArray();
            return new VariantDecileChange(variant, mean, mean.Select(m => m - 0.06).ToArray(), mean.Select(m => m + 0.06).ToArray());
        }
        return new DecileChangeData(deciles, 2026, 2051, [ChangeOf("tied_grants", 0.35, 0.2), ChangeOf("single_pot", 0.75, 0.25)]);
    }

    public static readonly string[] FiveVariants = ["Tied grants", "Single pot", "Single pot ICB partnership", "Single pot analysis", "Health devolution"];

    /// <summary>Five variants' samples: more than the densities overlay, so drawn as rows of intervals.</summary>
    public static OutcomeDistributionData ManyDistributions() => new("Healthy life expectancy, final year", "years",
        FiveVariants.Select((v, i) => new VariantSample(v, NormalSample(64.0 + 0.01 * i, 0.03), Ones(200))).ToArray(),
        new ClusterNote(63.25, "2.3% of replications: an epidemic in the final year"));

    /// <summary>Four variants' differences from the first: more than overlay, so drawn as a ridgeline.</summary>
    public static PairedDifferenceData ManyDifferences() => new("Healthy life expectancy, final year", "years", "Tied grants", true,
        FiveVariants[1..].Select((v, k) => new VariantDifference(v, NormalSample(-0.02 + 0.008 * k, 0.008), Ones(200), -0.035 + 0.008 * k, -0.005 + 0.008 * k, 0.1 + 0.1 * k)).ToArray());

    public static FanChartData ManyFans() => new("Healthy life expectancy", "years", Years,
        FiveVariants.Select((v, i) => FanOf(v, 63.0, 0.03 + 0.002 * i)).ToArray());

    public static ForestPlotData Forest() => new("Tied grants", FiveVariants[1..],
    [
        new ForestOutcome("Healthy life expectancy, final year", "years", true, [.. Enumerable.Range(0, 4).Select(k => new ForestRow(-0.02 + 0.007 * k, -0.021 + 0.007 * k, -0.019 + 0.007 * k, -0.035 + 0.007 * k, 0.005 + 0.007 * k))]),
        new ForestOutcome("QALYs over the horizon (discounted)", "thousand QALYs", true, [.. Enumerable.Range(0, 4).Select(k => new ForestRow(55 + 10 * k, 52 + 10 * k, 58 + 10 * k, 14 + 10 * k, 110 + 10 * k))]),
        new ForestOutcome("NHS treatment costs over the horizon (discounted)", "£bn", false, [.. Enumerable.Range(0, 4).Select(k => new ForestRow(-1.05, -1.1, -1.0, -1.9, -0.3))]),
    ]);

    /// <summary>A variant ahead early and behind late, as the single pot is on HLE.</summary>
    public static DifferenceByYearData DifferenceByYear(int variants = 1)
    {
        int[] years = Enumerable.Range(2026, 26).ToArray();
        double[] Curve(double shift) => years.Select(y => shift + 0.065 * Math.Exp(-Math.Pow((y - 2033) / 4.0, 2)) - 0.024 * Math.Max(0, y - 2026) / 25.0).ToArray();
        return new DifferenceByYearData("Healthy life expectancy", "years", "Tied grants", true, years,
            FiveVariants[1..(variants + 1)].Select((v, k) =>
            {
                double[] mean = Curve(0.005 * k);
                return new VariantDifferenceByYear(v, mean, [.. mean.Select(m => m - 0.001)], [.. mean.Select(m => m + 0.001)], [.. mean.Select(m => m - 0.02)], [.. mean.Select(m => m + 0.03)]);
            }).ToArray());
    }

    public static DecileChangeData DecileDifferences()
    {
        int[] deciles = Enumerable.Range(1, 10).ToArray();
        VariantDecileChange Of(string variant, double mostDeprived, double leastDeprived)
        {
            double[] mean = deciles.Select(d => mostDeprived + (leastDeprived - mostDeprived) * (d - 1) / 9.0).ToArray();
            return new VariantDecileChange(variant, mean, mean.Select(m => m - 0.001).ToArray(), mean.Select(m => m + 0.001).ToArray());
        }
        return new DecileChangeData(deciles, 2026, 2051, [Of("Single pot", -0.02, -0.023), Of("Health devolution", -0.006, 0.009)], "Tied grants");
    }

    private static VariantFan FanOf(string variant, double start, double slopePerYear)
    {
        double[] At(double z) => Years.Select(y => start + slopePerYear * (y - Years[0]) + z * (0.05 + 0.02 * (y - Years[0]))).ToArray();
        return new VariantFan(variant, At(-1.645), At(-0.674), At(0), At(0.674), At(1.645));
    }

    private static double[][] MoneyOf(double[] millionsInFirstYear, double growthPerYear) =>
        millionsInFirstYear.Select(m => Years.Select(y => 1e6 * m * (1 + growthPerYear * (y - Years[0]))).ToArray()).ToArray();
}
