using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Tests.Scenarios;

/// <summary>
/// The standard uncertainty set is declared once, is valid, covers every programme parameter without a tight source,
/// is carried by every bundled scenario, and a scenario can include it by name and override single entries.
/// </summary>
public sealed class UncertaintySetTests : IDisposable
{
    private readonly TempFolder _temp = new("sets");

    public void Dispose() => _temp.Dispose();

    private static IEnumerable<UncertaintySetEntry> ProgrammeEvidence => UncertaintySets.All[UncertaintySets.ProgrammeEvidence];

    /// <summary>Programme parameters with a tight published source (or a whole-year lag), left fixed by design.</summary>
    private static readonly string[] TightlySourced =
    [
        "programmes.active_travel_lag_years",      // mini-Holland effects measured at wave 1
        "programmes.clean_air_lag_years",          // CAZ effects within the first year
        "programmes.green_space_lag_years",        // planting to canopy: a fixed three years
        "programmes.joint_prevention_lag_years",   // DPP: effect within the programme's nine months
        "programmes.warm_homes_cost_gbp_per_home", // BRE 2023: £6,690–£6,835 per home
        "programmes.appraisal_years",              // how mayors appraise: drawn in settlement_and_mayor_evidence (mayor_knowledge)
    ];

    [Fact]
    public void EveryEntryIsAKnownParameterWithASampleableDistributionWhoseMedianLiesInItsRange()
    {
        var paths = new HashSet<string>();
        foreach (var (name, set) in UncertaintySets.All)
            foreach (var entry in set)
            {
                var info = ParameterPaths.Find(entry.Parameter.Path);
                Assert.True(info is not null, $"{name}: unknown parameter {entry.Parameter.Path}");
                Assert.Empty(entry.Parameter.Distribution.Problems());
                double median = entry.Parameter.Distribution.Quantile(0.5);
                Assert.InRange(median, info!.Min, info.Max);
                Assert.True(paths.Add(entry.Parameter.Path), $"{entry.Parameter.Path} is listed twice");
                Assert.False(string.IsNullOrWhiteSpace(entry.Basis), $"{entry.Parameter.Path} has no basis");
            }
    }

    [Fact]
    public void EachDistributionIsCentredOnTheModelsDefault()
    {
        // The defaults are the central estimates docs/model.md cites; the set widens them, it does not move them.
        var defaults = new ModelParameters();
        foreach (var entry in UncertaintySets.All.Values.SelectMany(set => set))
        {
            var info = ParameterPaths.Find(entry.Parameter.Path)!;
            double central = ParameterPaths.Get(defaults, info);
            var d = entry.Parameter.Distribution;
            double low = d.Quantile(0.05), high = d.Quantile(0.95);
            Assert.True(low <= central && central <= high,
                $"{entry.Parameter.Path}: default {central} outside the set's 90% range {low:G4}–{high:G4}");
            Assert.True(high > low * 1.05 || high - low > 0.01, $"{entry.Parameter.Path}: {low:G4}–{high:G4} is too narrow to say we do not know");
        }
    }

    [Fact]
    public void EveryProgrammeParameterIsUncertainOrNamedAsTightlySourced()
    {
        var inSet = ProgrammeEvidence.Select(e => e.Parameter.Path).ToHashSet();
        var missing = ParameterPaths.All.Where(p => p.Path.StartsWith("programmes.", StringComparison.Ordinal))
            .Select(p => p.Path).Where(p => !inSet.Contains(p) && !TightlySourced.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "programme parameters with neither a distribution nor a tight source: " + string.Join(", ", missing));
        Assert.All(TightlySourced, p => Assert.NotNull(ParameterPaths.Find(p)));
    }

    [Theory]
    [InlineData("reference.json")]
    [InlineData("capacity_gap.json")]
    [InlineData("health_devolution.json")]
    [InlineData("health_valuation.json")]
    [InlineData("high_turbulence.json")]
    [InlineData("patient_capital.json")]
    [InlineData("england_mcas.json")]
    [InlineData("role_figurehead.json")]
    [InlineData("role_convening.json")]
    [InlineData("role_test_and_learn.json")]
    [InlineData("role_national_missions.json")]
    public void EveryBundledScenarioCarriesTheWholeSet(string file)
    {
        var result = ScenarioLoader.LoadFile(RepositoryRoot.File("scenarios", file));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var drawn = result.Scenario!.Uncertain.Select(u => u.Path).ToHashSet();
        Assert.All(UncertaintySets.All.Values.SelectMany(set => set), e => Assert.Contains(e.Parameter.Path, drawn));
    }

    [Fact]
    public void EveryMayorSettlementAndIcbBehaviourAssumption_IsInTheSettlementAndMayorSet_InANamedGroup()
    {
        // The behaviour parameters with no published value (docs/model.md §8.2 marks them "assumption"): each is drawn.
        string[] assumptions =
        [
            "funding.tied_extension_years", "funding.tied_forfeit_share", "funding.non_health_share",
            "funding.outcomes_framework_minimum_delivery", "funding.outcomes_framework_flexibility_loss",
            "politics.value_for_money_hurdle", "politics.visibility_bias", "politics.appraisal_noise_sd", "politics.own_learning_per_year",
            "politics.peer_learning_per_year", "politics.national_priority_change_per_year", "politics.steer_response_per_year",
            "politics.figurehead_risk_discount_per_year", "politics.co_investment_per_gbp", "politics.political_capital_from_delivery",
            "politics.convening_gain_per_year", "politics.convening_decay_per_year", "politics.base_reelection_probability",
            "politics.delivery_effect_on_reelection", "politics.planning_powers", "politics.standard_political_cost_per_year",
            "politics.health_devolution_analytical_capacity", "icb.partnership_pooling_threshold", "icb.partnership_pooled_prevention_share",
            "icb.nhs_cost_per_qaly_gbp", "icb.prior_savings_per_gbp", "icb.savings_learning_per_year", "icb.savings_response",
            "development.developer_equity_gbp_per_head", "development.sme_equity_share", "development.developer_price_learning_per_year",
            "development.developer_payout_share", "development.developer_entry_years",
            "development.sme_margin_multiplier", "development.regeneration_margin_multiplier", "development.sme_site_share",
            "development.regeneration_site_share", "development.sme_site_size_ratio",
            "development.lender_hurdle_spread_per_year", "development.cautious_lender_risk_tolerance", "development.lender_prior_risk",
            "development.lender_risk_learning_per_year",
            "development.uncertainty_premium_per_year", "development.recession_premium_per_year", "development.recession_lending_fall",
            "development.private_lending_gbp_per_head_per_year", "development.patient_fund_return_per_year",
            "development.healthy_design_cost_uplift", "development.healthy_design_price_uplift",
            "development.healthy_homes_walking_minutes_per_week", "development.healthy_homes_green_ndvi",
            "shocks.recession_years", "shocks.funding_cut_share",
            // Behaviour that was fixed in the code (docs/model.md §8.4) until it was drawn.
            "politics.standard_applied_without_capital", "politics.start_political_capital", "politics.reelection_political_capital_gain",
            "politics.election_homes_weight", "politics.delivery_share_without_capacity", "politics.capacity_spend_analytical_share",
            "politics.learning_full_evidence_gbp_per_head", "politics.targeting_tilt", "development.track_record_churn_weight",
            "politics.capacity_value_without_competition", "icb.pooling_ramp_width", "politics.convening_joint_money_weight",
            "politics.remedy_saturation_share", "development.churn_record_memory",
            // Settlement and capacity numbers that were assumptions without a distribution until 8 December 2026.
            "funding.bids_per_theme_per_year", "funding.tied_pot_min_years", "funding.tied_pot_max_years", "funding.single_pot_spend_rate_per_year",
            "funding.transport_share", "funding.housing_share", "funding.regeneration_share", "funding.public_health_share",
            "politics.established_capacity", "politics.developing_capacity", "politics.new_capacity", "programmes.appraisal_years",
        ];
        var set = UncertaintySets.All[UncertaintySets.SettlementAndMayorEvidence].ToDictionary(e => e.Parameter.Path);
        Assert.Equal(assumptions.Order(), set.Keys.Order());
        Assert.All(set.Values, e => Assert.Contains(e.Parameter.Group, new[] { "tied_grants", "single_pot", "settlement_scope", "mayor_knowledge", "mayor_roles", "elections", "planning", "icb", "developers", "lenders", "healthy_homes", "shocks" }));
    }

    [Fact]
    public void IncludedSetExpandsAndTheScenariosOwnEntryReplacesTheSetsEntry()
    {
        string path = _temp.Write("s.json", """
            {
              "name": "tiny",
              "uncertain": [
                { "parameter": "programmes.green_space_max_ndvi_gain", "distribution": "uniform", "min": 0.01, "max": 0.02 },
                { "set": "programme_evidence" }
              ],
              "variants": [ { "name": "a" } ]
            }
            """);
        var result = ScenarioLoader.LoadFile(path);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var uncertain = result.Scenario!.Uncertain;
        Assert.Equal(ProgrammeEvidence.Count(), uncertain.Length);
        var green = Assert.Single(uncertain, u => u.Path == "programmes.green_space_max_ndvi_gain");
        Assert.Equal(Distribution.Uniform(0.01, 0.02), green.Distribution);
        var walking = Assert.Single(uncertain, u => u.Path == "programmes.active_travel_walking_ceiling_minutes_per_week");
        Assert.Equal(Distribution.Uniform(120, 220), walking.Distribution);
    }

    [Fact]
    public void UnknownSetIsRefusedWithTheNearestName()
    {
        string path = _temp.Write("s.json", """
            {
              "name": "tiny",
              "uncertain": [ { "set": "programme_evidense" } ],
              "variants": [ { "name": "a" } ]
            }
            """);
        var p = Assert.Single(ScenarioLoader.LoadFile(path).Problems);
        Assert.Equal((3, "uncertain[0].set"), (p.Line, p.JsonPath));
        Assert.Equal("unknown uncertainty set 'programme_evidense'", p.Message);
        Assert.Equal("did you mean 'programme_evidence'?", p.Fix);
    }

    [Fact]
    public void SetIncludedTwiceOrWithOtherKeysIsRefused()
    {
        string path = _temp.Write("s.json", """
            {
              "name": "tiny",
              "uncertain": [ { "set": "programme_evidence" }, { "set": "programme_evidence", "min": 1 } ],
              "variants": [ { "name": "a" } ]
            }
            """);
        var problems = ScenarioLoader.LoadFile(path).Problems;
        Assert.Contains(problems, p => p.Message == "the set 'programme_evidence' is included twice");
        Assert.Contains(problems, p => p.JsonPath == "uncertain[1].min");
    }
}
