using System.Globalization;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.Tests.Engine;

namespace UrbanSim.Core.Tests.KernelReferences;

/// <summary>
/// The fast kernels (single-precision vector health year, break-even caches for development, vector exposure update
/// and appraisal, area-scheme gains kept from the mayor's appraisal of benefits to delivery) against their readable references (<see cref="Kernels.Reference"/>): whole replications of
/// every bundled scenario must agree to <see cref="RelativeTolerance"/>.
/// </summary>
public class ReferenceKernelTests
{
    /// <summary>
    /// Stated tolerance, relative to the scale of each quantity: the largest size of that outcome (or series) over the
    /// variants (and years) of the replication, and at least 1. Single-precision people and cases move results by
    /// about 1e-7 of their scale; a wrong formula in either kernel moves them by far more than 1e-5. (A year's spend
    /// on a programme the mayor barely funds can move by more than that of its own size: the allocation's common
    /// marginal benefit shifts with the health state, moving a few pounds of millions between programmes.)
    /// </summary>
    private const double RelativeTolerance = 1e-5;

    private const int Replications = 2;

    public static TheoryData<string> BundledScenarios() => Golden.GoldenOutputTests.BundledScenarios();

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void FastKernels_AgreeWithTheReadableReferences_OnWholeReplicationsOfEveryBundledScenario(string name)
    {
        var loaded = ScenarioLoader.LoadFile(RepositoryRoot.File("scenarios", name + ".json"));
        Assert.True(loaded.Scenario is not null, string.Join("\n", loaded.Problems));
        var scenario = loaded.Scenario!;
        var differences = Compare(scenario, Replications);
        Assert.True(differences.Count == 0, $"{name}: {differences.Count} values differ by more than {RelativeTolerance:0e0}:\n  " + string.Join("\n  ", differences.Take(30)));
    }

    [Fact]
    public void FastKernels_AgreeWithTheReadableReferences_UnderFrequentShocksPatientCapitalAndAHealthyStandard()
    {
        // Stresses the development shortcuts: recessions every other year (prices fall, finance dearer, lending shrinks),
        // a patient fund and a planning standard, so every branch of the break-even cache is taken.
        var harsh = EngineHarness.TwoRegions(
            EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants, l => l with { PatientCapitalGbpPerYear = 40e6, PlanningHealthStandard = 0.8 }),
            EngineHarness.Variant("devolved", SettlementCatalogue.HealthDevolution, l => l with { IcbPartnership = 0.9 })) with
        {
            Parameters = new ModelParameters
            {
                Shocks = new ShockParameters { RecessionProbabilityPerYear = 0.5, FundingCutProbabilityPerYear = 0.3, HealthShockProbabilityPerYear = 0.3 },
            },
        };
        var differences = Compare(harsh, 4);
        Assert.True(differences.Count == 0, string.Join("\n  ", differences.Take(30)));
    }

    [Fact]
    public void Comparison_DetectsADifferenceOfResults()
    {
        // The comparison above is only as good as Differ: a change well beyond rounding must show.
        Assert.True(Differ(100, 100.01));
        Assert.True(Differ(0, 1e-4));
        Assert.False(Differ(1e8, 1e8 * (1 + 1e-7)));
        Assert.False(Differ(double.NaN, double.NaN));
        Assert.True(Differ(double.NaN, 1));
    }

    private static bool Differ(double x, double y, double scale = 0)
    {
        if (double.IsNaN(x) || double.IsNaN(y)) return double.IsNaN(x) != double.IsNaN(y);
        return Math.Abs(x - y) > RelativeTolerance * Math.Max(Math.Max(1, scale), Math.Max(Math.Abs(x), Math.Abs(y)));
    }

    /// <summary>Every outcome, yearly series, decile HLE, zone HLE and LE and the baseline of both kernels, replication by replication.</summary>
    private static List<string> Compare(Scenario scenario, int replications)
    {
        var fast = new ReplicationRunner(scenario, Kernels.Fast);
        var reference = new ReplicationRunner(scenario, Kernels.Reference);
        var a = ReplicationResult.For(scenario);
        var b = ReplicationResult.For(scenario);
        var differences = new List<string>();
        for (int rep = 0; rep < replications; rep++)
        {
            fast.Run(rep, a);
            reference.Run(rep, b);
            // group: which quantity an index belongs to (its scale is the largest size over the group).
            void Check(string what, double[] x, double[] y, Func<int, string> label, Func<int, int>? group = null)
            {
                group ??= i => i;
                var scale = new Dictionary<int, double>();
                for (int i = 0; i < x.Length; i++)
                    if (double.IsFinite(x[i])) scale[group(i)] = Math.Max(scale.GetValueOrDefault(group(i)), Math.Abs(x[i]));
                for (int i = 0; i < x.Length; i++)
                    if (Differ(x[i], y[i], scale.GetValueOrDefault(group(i))))
                        differences.Add(string.Create(CultureInfo.InvariantCulture, $"replication {rep} {what} {label(i)}: fast {x[i]:R}, reference {y[i]:R}"));
            }
            var outcomes = a.Catalogue;
            Check("outcome", a.Outcome, b.Outcome, i => $"{scenario.Variants[i / a.OutcomeCount].Name}.{outcomes.All[i % a.OutcomeCount].Name}", i => i % a.OutcomeCount);
            Check("series", a.Yearly, b.Yearly, i => $"{outcomes.Series[i % a.SeriesCount].Name}[{i / a.SeriesCount}]", i => i % a.SeriesCount);
            Check("baseline", a.BaselineValues, b.BaselineValues, i => Baseline.Names[i]);
            Check("decile HLE", a.DecileHleYears, b.DecileHleYears, i => i.ToString(CultureInfo.InvariantCulture));
            Check("zone final", a.ZoneFinal, b.ZoneFinal, i => i.ToString(CultureInfo.InvariantCulture));
            Check("zone start", a.ZoneBaseline, b.ZoneBaseline, i => i.ToString(CultureInfo.InvariantCulture));
        }
        return differences;
    }
}
