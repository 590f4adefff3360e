using System.Globalization;
using CsCheck;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Output;
using UrbanSim.Runner.Tests.Commands;

namespace UrbanSim.Runner.Tests.Scenarios;

/// <summary>
/// Property: every scenario that validation accepts runs to completion with finite results, or validation refuses it
/// (exit code 2). Scenarios are drawn (CsCheck) from the schema's own ranges, the parameter and lever catalogues, with
/// each value at its minimum, its maximum or anywhere between, in any combination, and uncertain parameters whose
/// distributions take extreme arguments (±1e308, 1e300, 1e-300 …). CsCheck shrinks a failure to a small example and
/// prints the seed that reproduces it.
/// </summary>
public sealed class AcceptedScenariosRunTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    /// <summary>A value at an end of [min, max] or inside it, extremes drawn often since that is where things break.</summary>
    private static Gen<double> InRange(double min, double max, bool whole) =>
        Gen.Frequency((2, Gen.Const(min)), (2, Gen.Const(max)), (3, Gen.Double[min, max].Select(v => whole ? Math.Round(v) : v)));

    /// <summary>One draw of each generator, in order.</summary>
    private static Gen<T[]> Each<T>(IEnumerable<Gen<T>> gens)
    {
        Gen<List<T>> all = Gen.Const(() => new List<T>());
        foreach (var gen in gens) all = Gen.Select(all, gen, (list, x) => { list.Add(x); return list; });
        return all.Select(list => list.ToArray());
    }

    private static readonly double[] Extremes = [-1e308, -1e15, -1, 0, 1e-300, 1e-3, 0.5, 1, 3, 1e6, 1e15, 1e300, 1e308];

    private static readonly Gen<double> DistributionArgument = Gen.Frequency((3, Gen.OneOf(Extremes)), (2, Gen.Double[-10, 10]), (1, Gen.Double[0, 1]));

    private static readonly Gen<JObject> Parameters =
        Each(ParameterPaths.All.Select(p => Gen.Frequency((1, Gen.Const((double?)null)), (1, InRange(p.Min, p.Max, p.Type == typeof(int)).Select(v => (double?)v))))).Select(values =>
        {
            var o = new JObject();
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] is not { } v) continue;
                string[] parts = ParameterPaths.All[i].Path.Split('.');
                var group = (JObject?)o[parts[0]] ?? (JObject)(o[parts[0]] = new JObject());
                group[parts[1]] = ParameterPaths.All[i].Type == typeof(int) ? new JValue((long)v) : new JValue(v);
            }
            return o;
        });

    private static readonly Gen<JObject> Levers = Gen.Select(
        Gen.Int[0, Core.Settlements.SettlementCatalogue.Names.Count() - 1],
        Each(LeverPaths.Numeric.Select(l => Gen.Frequency((2, Gen.Const((double?)null)), (1, InRange(l.Min, l.Max, false).Select(v => (double?)v))))),
        (settlement, values) =>
        {
            var o = new JObject { ["settlement"] = Core.Settlements.SettlementCatalogue.Names[settlement] };
            for (int i = 0; i < values.Length; i++) if (values[i] is { } v) o[LeverPaths.Numeric[i].Name] = v;
            return o;
        });

    private static readonly Gen<JObject> Uncertain = Gen.Select(
        Gen.Int[0, ParameterPaths.All.Count - 1], Gen.OneOf(ScenarioLoader.DistributionKeys.Keys.ToArray()), DistributionArgument.Array[3],
        (parameter, kind, args) =>
        {
            var o = new JObject { ["parameter"] = ParameterPaths.All[parameter].Path, ["distribution"] = kind };
            var keys = ScenarioLoader.DistributionKeys[kind];
            for (int k = 0; k < keys.Length; k++) o[keys[k]] = args[k];
            return o;
        });

    private static readonly Gen<string> Scenarios = Gen.Select(
        Gen.Int[1, 3].SelectMany(n => Gen.Select(Gen.Int[0, 2], Gen.Int[1, 6], (c, z) => (c, z)).Array[n]),
        Gen.Frequency((3, Gen.Int[1, 12]), (1, Gen.OneOf(1, 2, 60))),
        Parameters,
        Levers.Array[1, 3],
        Uncertain.Array[0, 3],
        (regions, horizon, parameters, variants, uncertain) =>
        {
            string[] capacities = ["established", "developing", "new"];
            var scenario = new JObject
            {
                ["name"] = "drawn",
                ["world"] = new JObject { ["regions"] = new JArray(regions.Select((r, i) => new JObject { ["name"] = $"R{i}", ["capacity"] = capacities[r.c], ["zones"] = r.z })) },
                ["horizon_years"] = horizon,
                ["replications"] = 2,
                ["seed"] = 11,
                ["parameters"] = parameters,
                ["uncertain"] = new JArray(uncertain),
                ["variants"] = new JArray(variants.Select((levers, i) => new JObject { ["name"] = $"v{i}", ["levers"] = levers })),
            };
            return scenario.ToString();
        });

    [Fact]
    public void EveryAcceptedScenario_RunsWithFiniteResults_OrValidationRefusesIt()
    {
        int accepted = 0, refused = 0;
        Scenarios.Sample(json =>
        {
            var loaded = ScenarioLoader.Parse(json, "drawn.json", _h.Folder);
            if (!loaded.IsValid)
            {
                Assert.NotEmpty(loaded.Problems);
                Interlocked.Increment(ref refused);
                return;
            }
            Interlocked.Increment(ref accepted);
            var scenario = loaded.Scenario!;
            var layout = RecordLayout.For(scenario);
            var batch = new BatchAccumulator(layout);
            var row = new double[layout.Width];
            MonteCarloBatch.Run(scenario, 0, 2, 1, result =>
            {
                AssertFinite(result, scenario);
                layout.Flatten(result, row);
                batch.Add(result.Replication, row);
            });
            // The outputs' own folds and charts (a one-year horizon once broke the money chart).
            Assert.NotEmpty(SummaryWriter.ToJson(scenario, batch, 2));
            Assert.NotEmpty(BatchCharts.Create(scenario, batch));
        }, iter: 400, threads: 1);
        Assert.True(accepted >= 20 && refused >= 20, $"draws too lopsided to test both sides: {accepted} accepted, {refused} refused");
    }

    /// <summary>No infinities anywhere, and the headline health and housing outcomes of every variant are numbers.</summary>
    private static void AssertFinite(Core.Outcomes.ReplicationResult result, Scenario scenario)
    {
        Assert.DoesNotContain(result.Outcome, double.IsInfinity);
        Assert.DoesNotContain(result.Yearly, double.IsInfinity);
        Assert.All(result.BaselineValues, v => Assert.True(double.IsFinite(v), $"baseline {v}"));
        foreach (string name in new[] { "hle_years", "le_years", "hle_gap_years", "qalys", "deaths", "nhs_cost_gbp", "homes_built", "public_spend_gbp" })
        {
            int o = scenario.Catalogue.Outcomes.IndexOf(name);
            for (int v = 0; v < scenario.Variants.Length; v++)
                Assert.True(double.IsFinite(result.Get(v, o)), string.Create(CultureInfo.InvariantCulture, $"{scenario.Variants[v].Name}.{name} = {result.Get(v, o)}"));
        }
    }

    [Fact]
    public void TheCommandLine_AgreesWithTheProperty_ExitTwoOrAFullRun()
    {
        int i = 0;
        Scenarios.Sample(json =>
        {
            string path = _h.Write($"drawn{Interlocked.Increment(ref i)}.json", json);
            var (validate, _, validateErr) = CliHarness.Cli("validate", path);
            CliHarness.AssertNoStackTrace(validateErr);
            if (validate != ExitCodes.Ok) { Assert.Equal(ExitCodes.InvalidInput, validate); return; }
            string outDir = Path.Combine(_h.Folder, $"out{i}");
            var (code, _, stderr) = CliHarness.Cli("run", path, "--out", outDir, "--threads", "1");
            Assert.True(code == ExitCodes.Ok, stderr);
            Assert.True((bool)JObject.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")))["complete"]!);
        }, iter: 8, threads: 1);
    }
}

/// <summary>The report's cases and the property's finds, kept as plain examples.</summary>
public sealed class ReportedScenarioCasesTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private static string Scenario(string parameters, string uncertain = "") => $$"""
        {
          "name": "edge",
          "world": { "regions": [ { "name": "A", "capacity": "established", "zones": 4 }, { "name": "B", "capacity": "new", "zones": 3 } ] },
          "horizon_years": 8,
          "replications": 2,
          "seed": 11,
          "parameters": {{parameters}},
          "uncertain": [ {{uncertain}} ],
          "variants": [ { "name": "tied_grants", "levers": { "settlement": "tied_grants" } }, { "name": "single_pot", "levers": { "settlement": "single_pot" } } ]
        }
        """;

    [Theory]
    [InlineData("{ \"parameter\": \"funding.tied_spend_rate_per_year\", \"distribution\": \"triangular\", \"min\": -1e308, \"mode\": 1e308, \"max\": 1e308 }", "parameters must lie between -1e15 and 1e15")]
    [InlineData("{ \"parameter\": \"shocks.funding_cut_share\", \"distribution\": \"beta\", \"alpha\": 1e300, \"beta\": 1e300 }", "parameters must lie between -1e15 and 1e15")]
    [InlineData("{ \"parameter\": \"shocks.funding_cut_share\", \"distribution\": \"beta\", \"alpha\": 1e8, \"beta\": 3 }", "alpha and beta must be at most 1000000")]
    public void Validate_RefusesADistributionItCouldNotSample(string uncertain, string message)
    {
        string path = _h.Write("edge.json", Scenario("{}", uncertain));
        var (code, _, stderr) = CliHarness.Cli("validate", path);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, stderr);
        Assert.Contains(":8:", stderr);
    }

    [Theory]
    // Births of 7e-44 a person: band populations became single-precision denormals, whose inverse overflowed (HLE NaN).
    [InlineData("{ \"health\": { \"births_per_person_per_year\": 7.125e-44 } }")]
    public void AScenarioOfExtremeButAllowedParameters_RunsWithFiniteResults(string parameters)
    {
        string path = _h.Write("edge.json", Scenario(parameters));
        string outDir = Path.Combine(_h.Folder, "out");
        var (code, _, stderr) = CliHarness.Cli("run", path, "--out", outDir);
        Assert.True(code == ExitCodes.Ok, stderr);
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        foreach (string variant in new[] { "tied_grants", "single_pot" })
            foreach (string outcome in new[] { "hle_years", "le_years", "deaths", "qalys" })
                Assert.Equal(JTokenType.Float, summary["outcomes"]![variant]![outcome]!["mean"]!.Type);
    }

    /// <summary>
    /// Found by the property above: death rates above 2 a year (a steep deprivation gradient, a health shock every year,
    /// PM2.5 and cold-home risks at their maxima) made Chiang's q pass 1, populations went negative, and the run ended
    /// with "Death rates must be finite and non-negative" (exit 70), as in the report.
    /// </summary>
    [Fact]
    public void DeathRatesAboveTwoAYear_KillEveryoneInTheBand_InsteadOfMakingPopulationsNegative()
    {
        string path = _h.Write("mortality.json", """
            {
              "name": "drawn",
              "world": {
                "regions": [
                  {
                    "name": "R0",
                    "capacity": "established",
                    "zones": 4
                  },
                  {
                    "name": "R1",
                    "capacity": "established",
                    "zones": 3
                  }
                ]
              },
              "horizon_years": 2,
              "replications": 2,
              "seed": 11,
              "parameters": {
                "funding": {
                  "bid_cost_gbp": 214.68571428571428,
                  "bids_per_theme_per_year": 50,
                  "tied_pot_max_years": 1,
                  "single_pot_years": 6,
                  "transport_share": 1.0,
                  "housing_share": 0.0,
                  "regeneration_share": 0.9322693116664214,
                  "public_health_share": 0.692661218065658
                },
                "development": {
                  "build_cost_gbp_per_m2": 10000.0,
                  "home_size_m2": 20.0,
                  "healthy_design_cost_uplift": 0.0,
                  "healthy_design_price_uplift": 1.0,
                  "planning_obligation_share_of_land_value": 0.0,
                  "base_required_return_per_year": 0.018867924528301886,
                  "recession_premium_per_year": 0.0,
                  "patient_fund_return_per_year": 5.547e-80,
                  "planning_approval_rate": 1.0,
                  "private_lending_gbp_per_head_per_year": 79261.0,
                  "recession_lending_fall": 0.0,
                  "people_per_home": 10.0
                },
                "programmes": {
                  "active_travel_walking_ceiling_minutes_per_week": 0.6956521739130435,
                  "active_travel_cycling_ceiling_minutes_per_week": 1000.0,
                  "active_travel_walking_half_response_gbp_per_head": 1.0,
                  "clean_air_half_response_gbp_per_head": 3256.337801411677,
                  "green_space_max_ndvi_gain": 1.0,
                  "green_space_half_response_gbp_per_head": 26764.0,
                  "joint_prevention_diabetes_max_reduction": 0.036115908060462276,
                  "joint_prevention_diabetes_half_response_gbp_per_head": 100000.0,
                  "capacity_scale_gbp_per_head": 1.0,
                  "capacity_decay_per_year": 0.0,
                  "active_travel_lag_years": 10,
                  "green_space_lag_years": 0,
                  "clean_air_lag_years": 0,
                  "active_travel_other_benefit_per_gbp": 2.145e-41,
                  "warm_homes_other_benefit_per_gbp": 15.0,
                  "site_assembly_other_benefit_per_gbp": 0.0,
                  "green_space_other_benefit_per_gbp": 63.0,
                  "capacity_other_benefit_per_gbp": 2.846e-84,
                  "joint_prevention_other_benefit_per_gbp": 100.0,
                  "appraisal_years": 80
                },
                "politics": {
                  "base_reelection_probability": 1.0,
                  "delivery_effect_on_reelection": 0.9344310988773201,
                  "new_mayor_commitment_min": 0.0,
                  "new_mayor_commitment_max": 4.129e-09,
                  "planning_powers": 0.4827586206896552,
                  "standard_political_cost_per_year": 1.0,
                  "health_devolution_analytical_capacity": 3.264e-32,
                  "established_capacity": 3.102e-54,
                  "developing_capacity": 0.0,
                  "new_capacity": 0.0
                },
                "icb": {
                  "allocation_gbp_per_head": 0.0,
                  "partnership_pooling_threshold": 0.0,
                  "partnership_pooled_prevention_share": 4.277e-44
                },
                "shocks": {
                  "recession_probability_per_year": 0.0,
                  "recession_price_fall": 0.0,
                  "funding_cut_share": 0.0,
                  "health_shock_probability_per_year": 1.0,
                  "health_shock_mortality_uplift": 5.0
                },
                "health": {
                  "cycling_relative_risk": 0.6585365853658537,
                  "pm25_relative_risk_per10": 3.0,
                  "green_space_relative_risk_per01_ndvi": 1.0,
                  "cold_home_relative_risk65_plus": 3.0,
                  "cardiovascular_activity_relative_risk": 0.01,
                  "diabetes_activity_relative_risk": 0.01,
                  "mental_disorder_activity_relative_risk": 1.0,
                  "cardiovascular_pm25_relative_risk_per10": 3.0,
                  "respiratory_pm25_relative_risk_per10": 1.3958333333333333,
                  "deprivation_mortality_gradient": 4.679402911202497,
                  "births_per_person_per_year": 0.0,
                  "cardiovascular_cost_gbp_per_case": 0.0,
                  "diabetes_cost_gbp_per_case": 1000000.0,
                  "utility_in_good_health": 0.0,
                  "utility_not_in_good_health": 0.3207337884091721,
                  "mental_disorder_remission_per_year": 1.0
                }
              },
              "variants": [
                {
                  "name": "tied_grants",
                  "levers": {
                    "settlement": "tied_grants",
                    "bid_success_rate": 1.0,
                    "mission_commitment": 1.015e-75,
                    "analytical_capacity": 0.11893013229766702,
                    "planning_health_standard": 0.0,
                    "patient_capital_gbp_per_year": 4.075e-19
                  }
                },
                {
                  "name": "single_pot",
                  "levers": {
                    "settlement": "single_pot"
                  }
                }
              ]
            }
            """);
        string outDir = Path.Combine(_h.Folder, "mortality");
        var (code, _, stderr) = CliHarness.Cli("run", path, "--out", outDir);
        Assert.True(code == ExitCodes.Ok, stderr);
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(JTokenType.Float, summary["outcomes"]!["tied_grants"]!["hle_years"]!["mean"]!.Type);
    }
}
