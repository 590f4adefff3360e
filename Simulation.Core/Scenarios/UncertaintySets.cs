using System.Collections.Immutable;

namespace UrbanSim.Core.Scenarios;

/// <summary>One parameter of a named uncertainty set: its distribution and why it is that wide.</summary>
/// <param name="Parameter">The parameter and its distribution.</param>
/// <param name="Basis">Where the centre and the width come from, in a phrase (docs/model.md §8.2 gives the sources).</param>
internal sealed record UncertaintySetEntry(UncertainParameter Parameter, string Basis);

/// <summary>
/// Named sets of uncertain parameters, declared once here and included by a scenario's "uncertain" block with
/// <c>{ "set": "programme_evidence" }</c>, so every bundled scenario carries the same honest uncertainty and a change
/// to a distribution is made in one place. An explicit entry for the same parameter in the scenario replaces the set's.
/// </summary>
internal static class UncertaintySets
{
    /// <summary>
    /// The groups of the settlement and mayor set: how tied money slips, what the single pot's outcomes framework asks,
    /// how much of a settlement buys health at all, what a mayor knows and learns, what its roles achieve, and elections. Declared before <see cref="All"/>, whose initialiser reads it.
    /// </summary>
    private static readonly Dictionary<string, string> SettlementAndMayorGroups = new(StringComparer.Ordinal)
    {
        ["funding.tied_extension_years"] = "tied_grants", ["funding.tied_forfeit_share"] = "tied_grants",
        ["funding.outcomes_framework_minimum_delivery"] = "single_pot", ["funding.outcomes_framework_flexibility_loss"] = "single_pot",
        ["funding.non_health_share"] = "settlement_scope",
        ["funding.bids_per_theme_per_year"] = "tied_grants", ["funding.tied_pot_min_years"] = "tied_grants", ["funding.tied_pot_max_years"] = "tied_grants",
        ["funding.single_pot_spend_rate_per_year"] = "single_pot",
        ["funding.transport_share"] = "settlement_scope", ["funding.housing_share"] = "settlement_scope",
        ["funding.regeneration_share"] = "settlement_scope", ["funding.public_health_share"] = "settlement_scope",
        ["politics.established_capacity"] = "mayor_knowledge", ["politics.developing_capacity"] = "mayor_knowledge",
        ["politics.new_capacity"] = "mayor_knowledge", ["programmes.appraisal_years"] = "mayor_knowledge",
        ["politics.value_for_money_hurdle"] = "mayor_knowledge", ["politics.visibility_bias"] = "mayor_knowledge",
        ["politics.appraisal_noise_sd"] = "mayor_knowledge", ["politics.own_learning_per_year"] = "mayor_knowledge",
        ["politics.peer_learning_per_year"] = "mayor_knowledge",
        ["politics.national_priority_change_per_year"] = "mayor_roles", ["politics.steer_response_per_year"] = "mayor_roles",
        ["politics.figurehead_risk_discount_per_year"] = "mayor_roles", ["politics.co_investment_per_gbp"] = "mayor_roles",
        ["politics.political_capital_from_delivery"] = "mayor_roles", ["politics.convening_gain_per_year"] = "mayor_roles",
        ["politics.convening_decay_per_year"] = "mayor_roles", ["icb.partnership_pooling_threshold"] = "mayor_roles",
        ["icb.partnership_pooled_prevention_share"] = "mayor_roles",
        ["icb.nhs_cost_per_qaly_gbp"] = "icb", ["icb.prior_savings_per_gbp"] = "icb", ["icb.savings_learning_per_year"] = "icb",
        ["icb.savings_response"] = "icb",
        ["development.developer_equity_gbp_per_head"] = "developers", ["development.sme_equity_share"] = "developers",
        ["development.developer_price_learning_per_year"] = "developers", ["development.developer_payout_share"] = "developers",
        ["development.developer_entry_years"] = "developers",
        ["development.sme_margin_multiplier"] = "developers", ["development.regeneration_margin_multiplier"] = "developers",
        ["development.sme_site_share"] = "developers", ["development.regeneration_site_share"] = "developers",
        ["development.sme_site_size_ratio"] = "developers",
        ["development.lender_hurdle_spread_per_year"] = "lenders", ["development.cautious_lender_risk_tolerance"] = "lenders",
        ["development.lender_prior_risk"] = "lenders", ["development.lender_risk_learning_per_year"] = "lenders",
        ["development.uncertainty_premium_per_year"] = "lenders", ["development.recession_premium_per_year"] = "lenders",
        ["development.recession_lending_fall"] = "lenders", ["development.private_lending_gbp_per_head_per_year"] = "lenders",
        ["development.patient_fund_return_per_year"] = "lenders",
        ["development.healthy_design_cost_uplift"] = "healthy_homes", ["development.healthy_design_price_uplift"] = "healthy_homes",
        ["development.healthy_homes_walking_minutes_per_week"] = "healthy_homes", ["development.healthy_homes_green_ndvi"] = "healthy_homes",
        ["shocks.recession_years"] = "shocks", ["shocks.funding_cut_share"] = "shocks",
        ["politics.base_reelection_probability"] = "elections", ["politics.delivery_effect_on_reelection"] = "elections",
        ["politics.planning_powers"] = "planning", ["politics.standard_political_cost_per_year"] = "planning",
        ["politics.standard_applied_without_capital"] = "planning",
        ["politics.start_political_capital"] = "elections", ["politics.reelection_political_capital_gain"] = "elections",
        ["politics.election_homes_weight"] = "elections",
        ["politics.delivery_share_without_capacity"] = "mayor_knowledge", ["politics.capacity_value_without_competition"] = "mayor_knowledge", ["politics.capacity_spend_analytical_share"] = "mayor_knowledge",
        ["politics.learning_full_evidence_gbp_per_head"] = "mayor_knowledge", ["politics.targeting_tilt"] = "mayor_roles",
        ["icb.pooling_ramp_width"] = "mayor_roles", ["politics.convening_joint_money_weight"] = "mayor_roles",
        ["politics.remedy_saturation_share"] = "mayor_knowledge", ["development.churn_record_memory"] = "lenders",
        ["development.track_record_churn_weight"] = "lenders",
        ["politics.health_devolution_analytical_capacity"] = "mayor_knowledge",
    };

    /// <summary>Name of the set of programme and pathway parameters without a tight published source.</summary>
    public const string ProgrammeEvidence = "programme_evidence";

    /// <summary>Name of the set of settlement, mayor, ICB, developer and lender parameters, and healthy homes', without a tight published source.</summary>
    public const string SettlementAndMayorEvidence = "settlement_and_mayor_evidence";

    /// <summary>Every set by name.</summary>
    public static readonly IReadOnlyDictionary<string, ImmutableArray<UncertaintySetEntry>> All =
        new Dictionary<string, ImmutableArray<UncertaintySetEntry>>(StringComparer.Ordinal)
        {
            [ProgrammeEvidence] = BuildProgrammeEvidence(),
            [SettlementAndMayorEvidence] = BuildSettlementAndMayorEvidence(),
        };

    /// <summary>
    /// The group a parameter of the programme evidence set is varied with in a sensitivity analysis: its programme, or
    /// the health pathways for the relative risks, so a few dozen parameters become a handful of factors.
    /// </summary>
    public static string GroupOf(string path)
    {
        if (path.StartsWith("health.", StringComparison.Ordinal)) return "health_pathways";
        if (SettlementAndMayorGroups.TryGetValue(path, out string? group)) return group;
        string name = path[(path.IndexOf('.') + 1)..];
        foreach (string programme in (ReadOnlySpan<string>)["active_travel", "clean_air", "green_space", "warm_homes", "joint_prevention"])
            if (name.StartsWith(programme + "_", StringComparison.Ordinal)) return programme;
        return "capacity_and_site_assembly";
    }

    private static UncertaintySetEntry Entry(string path, Distribution distribution, string basis) =>
        new(new UncertainParameter(path, distribution, GroupOf(path)), basis);

    private static UncertaintySetEntry U(string path, double min, double max, string basis) => Entry(path, Distribution.Uniform(min, max), basis);

    private static UncertaintySetEntry LN(string path, double median, double lower95, double upper95, string basis) =>
        Entry(path, Distribution.LogNormal(median, lower95, upper95), basis);

    private static UncertaintySetEntry Tri(string path, double min, double mode, double max, string basis) =>
        Entry(path, Distribution.Triangular(min, mode, max), basis);

    private static ImmutableArray<UncertaintySetEntry> BuildProgrammeEvidence()
    {
        const string p = "programmes.", h = "health.";
        const string lifeOfAsset = "asset lives of about 15–50 years";
        const string noSource = "no published figure: wide";
        const string deliveryRange = "a mayoralty's in-year delivery: half to one and a half times the central figure";
        return
        [
            // Active travel (mini-Holland calibration; Dutch ceilings).
            U(p + "active_travel_walking_ceiling_minutes_per_week", 120, 220, "the best walking countries: 1.5 to 2.5 times England's"),
            U(p + "active_travel_cycling_ceiling_minutes_per_week", 60, 110, "Dutch and Danish cycling: about 700–1,200 km a year"),
            LN(p + "active_travel_walking_half_response_gbp_per_head", 700, 400, 1200, "calibrated to mini-Holland high-dose areas (+41 min/week, 95% CI 11–70)"),
            LN(p + "active_travel_cycling_half_response_gbp_per_head", 2200, 1200, 4000, "calibrated to mini-Holland; England-scale cycling change at most +2 min/week"),
            Tri(p + "active_travel_response_exponent", 1, 1.5, 2.5, "networks work once connected: shape not published"),
            LN(p + "active_travel_scheme_dose_gbp_per_head", 500, 300, 900, "mini-Holland: about £100 per borough resident in about a fifth of the borough"),
            U(p + "active_travel_spillover_share", 0, 0.25, "mini-Holland low-dose areas: smaller, uncertain gains"),
            U(p + "active_travel_depreciation_per_year", 0.02, 0.07, lifeOfAsset),
            U(p + "active_travel_upkeep_share_per_year", 0.01, 0.04, "highway maintenance of 1–4% of asset value a year"),
            U(p + "active_travel_unmaintained_decay_per_year", 0.03, 0.15, noSource),
            U(p + "active_travel_delivery_gbp_per_head_per_year", 20, 60, deliveryRange),
            U(p + "active_travel_other_benefit_per_gbp", 0.5, 3, "DfT active travel benefit–cost ratios of about 2–13 include health: the rest, widely"),
            // Clean air (ULEZ and CAZ evaluations).
            U(p + "clean_air_no2_reduction_share", 0.3, 0.7, "ULEZ roadside NO₂ −44%; Bradford CAZ −11.5 µg/m³ (CI −23.2 to 0.2)"),
            U(p + "clean_air_pm25_reduction_share", 0.02, 0.2, "ULEZ: PM2.5 change not significant"),
            LN(p + "clean_air_half_response_gbp_per_head", 90, 40, 200, "Bradford CAZ about £70 per resident for about half its NO₂ fall: wide"),
            U(p + "clean_air_response_exponent", 0.8, 1.6, noSource),
            LN(p + "clean_air_scheme_dose_gbp_per_head", 60, 30, 120, "CAZ capital of about £30–£120 per resident served"),
            U(p + "clean_air_spillover_share", 0, 0.3, "cleaner fleets travel beyond the zone"),
            U(p + "clean_air_depreciation_per_year", 0.05, 0.2, "the fleet would have turned over anyway within 5–20 years"),
            U(p + "clean_air_upkeep_share_per_year", 0.02, 0.08, "CAZ operation and enforcement"),
            U(p + "clean_air_unmaintained_decay_per_year", 0.1, 0.5, noSource),
            U(p + "clean_air_delivery_gbp_per_head_per_year", 15, 45, deliveryRange),
            U(p + "clean_air_other_benefit_per_gbp", 0.3, 2, noSource),
            // Green space (no published spend → NDVI relationship).
            U(p + "green_space_max_ndvi_gain", 0.03, 0.15, "greening programmes move NDVI by a few hundredths to a tenth or more"),
            LN(p + "green_space_half_response_gbp_per_head", 200, 50, 800, "no published spend → NDVI relationship (Raza et al. 2024): very wide"),
            U(p + "green_space_response_exponent", 0.8, 1.6, noSource),
            U(p + "green_space_lag_years", 2, 5, "planting and growth before greenness changes: two to five years (whole numbers)"),
            LN(p + "green_space_scheme_dose_gbp_per_head", 100, 40, 250, noSource),
            U(p + "green_space_spillover_share", 0, 0.15, "parks serve neighbours within walking distance"),
            U(p + "green_space_depreciation_per_year", 0.01, 0.05, "parks and trees last 20–100 years if kept"),
            U(p + "green_space_upkeep_share_per_year", 0.02, 0.06, "parks maintenance"),
            U(p + "green_space_unmaintained_decay_per_year", 0.05, 0.2, noSource),
            U(p + "green_space_delivery_gbp_per_head_per_year", 10, 30, deliveryRange),
            U(p + "green_space_other_benefit_per_gbp", 0.3, 2, noSource),
            // Warm homes (BRE costs are tight; what lasts and how fast is not).
            U(p + "warm_homes_depreciation_per_year", 0.01, 0.04, "retrofit measures last 25–100 years"),
            U(p + "warm_homes_delivery_gbp_per_head_per_year", 15, 45, "installer capacity"),
            U(p + "warm_homes_other_benefit_per_gbp", 0.5, 2, "energy bill savings: BRE payback 8–9 years"),
            // Joint prevention (DPP for diabetes; wide for the rest).
            U(p + "joint_prevention_diabetes_max_reduction", 0.08, 0.3, "DPP completers' reductions larger than the population's IRR 0.938"),
            LN(p + "joint_prevention_diabetes_half_response_gbp_per_head", 2.8, 1.5, 5, "calibrated to the NHS DPP's population IRR 0.938 at its budget"),
            U(p + "joint_prevention_cardiovascular_max_reduction", 0.02, 0.25, "NHS Health Check and blood pressure: modest, uncertain effects"),
            LN(p + "joint_prevention_cardiovascular_half_response_gbp_per_head", 45, 15, 130, noSource),
            U(p + "joint_prevention_respiratory_max_reduction", 0.02, 0.25, "smoking cessation reach: uncertain"),
            LN(p + "joint_prevention_respiratory_half_response_gbp_per_head", 45, 15, 130, noSource),
            U(p + "joint_prevention_depreciation_per_year", 0.15, 0.4, "lifestyle change fades over 2–7 years"),
            U(p + "joint_prevention_delivery_gbp_per_head_per_year", 20, 60, deliveryRange),
            U(p + "joint_prevention_other_benefit_per_gbp", 0.1, 0.6, noSource),
            // Site assembly and capacity.
            U(p + "site_assembly_other_benefit_per_gbp", 1, 3, "land value uplift: Homes England benefit–cost ratios of about 1–3"),
            LN(p + "capacity_scale_gbp_per_head", 10, 5, 20, noSource),
            U(p + "capacity_decay_per_year", 0.02, 0.15, "staff turnover of 5–15% a year"),
            U(p + "capacity_other_benefit_per_gbp", 0.75, 2.5, noSource),
            // Pathways added with the programmes.
            LN(h + "no2_relative_risk_per10", 1.02, 1.01, 1.04, "WHO 2021: RR 1.02 (1.01–1.04) per 10 µg/m³"),
            LN(h + "respiratory_no2_relative_risk_per10", 1.03, 1.01, 1.05, "NO₂ and respiratory incidence: wide"),
            LN(h + "green_space_relative_risk_per01_ndvi", 0.96, 0.94, 0.97, "Rojas-Rueda et al. 2019: HR 0.96 (0.94–0.97) per +0.1 NDVI"),
            LN(h + "mental_disorder_green_space_relative_risk_per01_ndvi", 0.96, 0.88, 0.995, "green space and mental health: consistent direction, wide size"),
            LN(h + "mental_disorder_cold_home_relative_risk", 1.3, 1.05, 2.0, "cold homes and mental health: Marmot Review Team 2011, wide"),
            U(h + "cold_home_ill_health_excess", 0, 0.1, "ill health in cold homes beyond the diseases modelled: wide"),
            U(h + "utility_not_in_good_health", 0.5, 0.7, "UK EQ-5D norms by self-rated health (Kind, Hardman & Macran 1999) fall steeply from good to fair and poor health; not read from them: wide"),
            U(h + "mental_disorder_remission_per_year", 0.3, 0.8, "episodes of common mental disorder usually last months; some become chronic: wide"),
        ];
    }

    private static ImmutableArray<UncertaintySetEntry> BuildSettlementAndMayorEvidence()
    {
        const string f = "funding.", m = "politics.", i = "icb.", d = "development.";
        const string noSource = "no published figure: wide";
        return
        [
            // Tied grants: PAC 2024 found extensions, not forfeiture (60 of 71 LUF round 1 projects extended).
            U(f + "tied_extension_years", 1, 5, "PAC 2024: most LUF round 1 projects extended, by one to several years"),
            U(f + "tied_forfeit_share", 0, 0.1, "PAC 2024: no published share of local grants actually clawed back"),
            // Single pot: the outcomes framework is still being agreed (MHCLG 2025).
            U(f + "outcomes_framework_minimum_delivery", 0.5, 0.85, "MHCLG 2025: outcomes framework to be agreed; no published threshold"),
            U(f + "outcomes_framework_flexibility_loss", 0.25, 0.75, noSource),
            // Levelling Up Fund: 305 and 529 bids in rounds 1 and 2 from about 370 eligible councils (DLUHC, PQ HL779), about one
            // per council per round; a mayoralty has 2–17 councils (median 6, ONS LAD25→CAUTH25), so about two bids per theme per
            // LUF round, and more where a theme has several competitive pots a year. Whole numbers 2–8, equally likely.
            U(f + "bids_per_theme_per_year", 1.5, 8.5, "LUF rounds 1–2: about one bid per council per round (DLUHC), 2–17 councils per mayoralty (ONS): about 2 per theme per round, more with several pots a year (whole numbers 2–8)"),
            U(f + "tied_pot_min_years", 0.6, 2.4, "LGA/TRL 2020: more than a third of grants discontinued year to year; short lives (rounded: 1 or 2 years alike)"),
            U(f + "tied_pot_max_years", 2.6, 4.4, "tied pots of 1–3 years, core funding of 3–5 (Ayres et al.) (rounded: 3 or 4 years alike)"),
            U(f + "single_pot_spend_rate_per_year", 0.7, 1, "a multi-year, flexible pot is spent faster than tied pots (NAO 2023), but not instantly: wide"),
            // The four themes' shares of a settlement, each drawn and then normalised to add to 1.
            U(f + "transport_share", 0.35, 0.55, "transport is the largest devolved capital stream; the split is illustrative: ± about a fifth"),
            U(f + "housing_share", 0.15, 0.35, "the split between themes is illustrative: wide"),
            U(f + "regeneration_share", 0.1, 0.3, "the split between themes is illustrative: wide"),
            U(f + "public_health_share", 0.05, 0.15, "the split between themes is illustrative: wide"),
            U(f + "non_health_share", 0.25, 0.45, "adult skills and bus grants are among the streams consolidated (MHCLG 2025); their share is not published: wide"),
            // What a mayor knows and learns (seed 000 §4.5).
            U(m + "established_capacity", 0.7, 0.9, "ordinal levels (Ayres et al.: capacity varies between mayoralties); the three ranges do not overlap"),
            U(m + "developing_capacity", 0.45, 0.65, "ordinal levels between established and new mayoralties"),
            U(m + "new_capacity", 0.2, 0.4, "ordinal levels: new mayoralties have the least capacity"),
            U("programmes.appraisal_years", 5, 15, "how far ahead a mayoralty counts benefits: shorter than a Green Book appraisal period, not published (whole numbers)"),
            U(m + "value_for_money_hurdle", 0.75, 1.5, "DfT value-for-money categories: poor below a benefit–cost ratio of 1, low 1–1.5"),
            U(m + "visibility_bias", 0.2, 0.8, noSource),
            U(m + "appraisal_noise_sd", 0.25, 0.8, "an analogue: Green Book optimism bias of tens of per cent on appraised costs"),
            U(m + "own_learning_per_year", 0.1, 0.5, noSource),
            U(m + "peer_learning_per_year", 0.02, 0.2, noSource),
            U(m + "health_devolution_analytical_capacity", 0.6, 0.95, "Greater Manchester's shared analysts: strong but not complete"),
            U(m + "delivery_share_without_capacity", 0.3, 0.7, "NAO 2023: slow local delivery where capacity is thin; no published share: wide"),
            U(m + "capacity_spend_analytical_share", 0.25, 0.75, noSource),
            U(m + "remedy_saturation_share", 0.25, 1, noSource),
            U(m + "capacity_value_without_competition", 0.25, 1, "no published figure: wide, up to the full value capacity has under competitive grants"),
            U(m + "learning_full_evidence_gbp_per_head", 0.5, 3, noSource),
            // The mayor's roles (seed 000 §4: figurehead, national missions, convening).
            U(m + "national_priority_change_per_year", 0.15, 0.35, "seed 002: about 10–12 growth strategies and 16 housing ministers since 2010"),
            U(m + "steer_response_per_year", 0.1, 0.4, noSource),
            U(m + "figurehead_risk_discount_per_year", 0, 0.01, noSource),
            U(m + "co_investment_per_gbp", 0, 0.5, noSource),
            U(m + "targeting_tilt", 1, 3, "proportionate universalism (Marmot 2010) gives no published gradient: wide (the most deprived decile's weight 2.5–15 times the least's at full commitment)"),
            U(m + "political_capital_from_delivery", 0.05, 0.2, noSource),
            U(m + "convening_gain_per_year", 0.05, 0.2, noSource),
            U(m + "convening_decay_per_year", 0.02, 0.1, noSource),
            U(m + "convening_joint_money_weight", 0.25, 0.75, noSource),
            U(i + "partnership_pooling_threshold", 0.35, 0.65, noSource),
            U(i + "partnership_pooled_prevention_share", 0.25, 0.75, "Greater Manchester pools about half: wide"),
            U(i + "pooling_ramp_width", 0.1, 0.4, noSource),
            // The ICB as an agent: what NHS care buys at the margin, and what it expects joint work to save.
            LN(i + "nhs_cost_per_qaly_gbp", 13_500, 8_000, 25_000, "Martin, Lomas & Claxton 2020: about £13,500; the interval is ours, wide"),
            U(i + "prior_savings_per_gbp", 0.2, 1.0, "NHS DPP modelled to save £1.28 per £1 over 20 years (Thomas et al. 2017), less early: wide"),
            U(i + "savings_learning_per_year", 0.1, 0.5, noSource),
            U(i + "savings_response", 0, 0.4, noSource),
            // Developer firms: equity, expectations, payout and entry (seed-independent industry figures are scarce).
            U(d + "developer_equity_gbp_per_head", 200, 800, noSource),
            U(d + "sme_equity_share", 0.06, 0.2, "SMEs built about 10% of new homes in 2020 and 39% in 1988 (House of Lords 2022): wide"),
            U(d + "developer_price_learning_per_year", 0.3, 1, noSource),
            U(d + "developer_payout_share", 0.3, 0.7, noSource),
            U(d + "developer_entry_years", 1, 5, "SME builders' numbers halved after 2007 and have not recovered (House of Lords 2022): entry is slow"),
            // Kinds of firm: margins around the standard one, and the mix of sites that gives their shares of new homes.
            U(d + "sme_margin_multiplier", 0.95, 1.25, "PPG viability: 15–20% of GDV for every kind; SMEs pay more for finance, some work on finer margins: wide"),
            U(d + "regeneration_margin_multiplier", 0.7, 1.0, "partnership schemes on public land accept less than the PPG's 15–20%: wide"),
            U(d + "sme_site_share", 0.35, 0.55, "calibrated: SMEs build 10–12% of new homes (House of Lords 2022; HBF 2017); ± a fifth of the sites"),
            U(d + "regeneration_site_share", 0.05, 0.15, "calibrated with the SMEs' share: volume builders about 70% of new homes (NHBC 2014: 71% by builders of 500+ a year)"),
            U(d + "sme_site_size_ratio", 0.1, 0.35, "SMEs build small sites (Homes England's small sites: 20–70 homes): wide"),
            // Lenders: their spread of hurdles, tolerance of risk, prior and learning.
            U(d + "lender_hurdle_spread_per_year", 0, 0.04, "hurdles 8–12% (industry glossaries, evidence.md): wide"),
            U(d + "cautious_lender_risk_tolerance", 0.3, 0.8, noSource),
            U(d + "lender_prior_risk", 0.1, 0.5, noSource),
            U(d + "lender_risk_learning_per_year", 0.1, 0.6, noSource),
            U(d + "track_record_churn_weight", 0.25, 0.75, noSource),
            U(d + "churn_record_memory", 0.5, 0.85, "a discontinued stream weighs on a place's record for about two to seven years: wide"),
            // Lending terms: premia, the recession's squeeze, the pool's size and the patient fund's rate.
            U(d + "uncertainty_premium_per_year", 0, 0.04, noSource),
            U(d + "recession_premium_per_year", 0.01, 0.05, noSource),
            U(d + "recession_lending_fall", 0.2, 0.6, "development lending contracted sharply after 2008; no published share for a typical recession: wide"),
            U(d + "private_lending_gbp_per_head_per_year", 250, 450, "sized to England's rate of new homes (MHCLG 2022–23): ± about a quarter"),
            U(d + "patient_fund_return_per_year", 0.03, 0.06, "long-term gilt yields of about 4–5% (2024–25), a public lender near them"),
            // Healthy homes: what the healthy design costs and fetches, and what its neighbourhoods do for walking and greenery.
            U(d + "healthy_design_cost_uplift", 0.01, 0.08, noSource),
            U(d + "healthy_design_price_uplift", 0, 0.05, noSource),
            U(d + "healthy_homes_walking_minutes_per_week", 10, 90, "no published estimate of the walking a walkable layout adds: wide (HEAT's reference volume is 168 minutes)"),
            U(d + "healthy_homes_green_ndvi", 0.03, 0.15, noSource),
            // Shocks: how long a recession lasts and how deep an in-year cut is (how often they come is the scenario's).
            U("shocks.recession_years", 0.5, 3.5, "UK recessions of 1980–81, 1990–91 and 2008–09 lasted one to two years; recovery longer: 1–3 years"),
            U("shocks.funding_cut_share", 0.05, 0.25, noSource),
            // Elections and planning.
            U(m + "base_reelection_probability", 0.6, 0.9, "metro mayors 2021 and 2024: most incumbents standing again re-elected"),
            U(m + "delivery_effect_on_reelection", 0.1, 0.5, noSource),
            U(m + "start_political_capital", 0.4, 0.8, noSource),
            U(m + "reelection_political_capital_gain", 0.1, 0.3, noSource),
            U(m + "election_homes_weight", 0.25, 0.75, "housing is a headline metro-mayor pledge; no published weight against spending: wide"),
            U(m + "planning_powers", 0.4, 0.8, "mayors' planning powers are partial (strategic plans, call-in in some areas)"),
            U(m + "standard_political_cost_per_year", 0.02, 0.1, noSource),
            U(m + "standard_applied_without_capital", 0.3, 0.7, noSource),
        ];
    }
}
