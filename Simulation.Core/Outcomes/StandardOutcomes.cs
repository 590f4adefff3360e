using System.Collections.Immutable;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Outcomes;

/// <summary>
/// The model's own outcomes, each registered once with its name, unit, direction and meaning; the index of each is
/// assigned by its registration, in order. A catalogue's outcomes are these, then one <c>spend_&lt;programme&gt;_gbp</c>
/// per programme, then any added by a study (<see cref="OutcomeCatalogue"/>).
/// </summary>
public static class StandardOutcomes
{
    private static readonly List<OutcomeDefinition> Registered = [];

    private static int Add(string name, string unit, Better better, string description, string? label = null, double? discountRatePerYear = null)
    {
        var outcome = new OutcomeDefinition(name, unit, better, description) { DiscountRatePerYear = discountRatePerYear };
        Registered.Add(label is null ? outcome : outcome with { Label = label });
        return Registered.Count - 1;
    }

    /// <summary>Healthy life expectancy at birth in the final year.</summary>
    public static readonly int HleYears = Add("hle_years", "years", Better.Higher, "Healthy life expectancy at birth in the final year (Sullivan), years", "Healthy life expectancy");
    /// <summary>HLE slope index of inequality in the final year.</summary>
    public static readonly int HleGapYears = Add("hle_gap_years", "years", Better.Lower, "HLE slope index of inequality across deprivation deciles in the final year, years", "HLE gap, most vs least deprived");
    /// <summary>Life expectancy at birth in the final year.</summary>
    public static readonly int LeYears = Add("le_years", "years", Better.Higher, "Life expectancy at birth in the final year, years", "Life expectancy");
    /// <summary>LE slope index of inequality in the final year.</summary>
    public static readonly int LeGapYears = Add("le_gap_years", "years", Better.Lower, "LE slope index of inequality in the final year, years", "LE gap, most vs least deprived");
    /// <summary>Discounted QALYs over the horizon.</summary>
    public static readonly int Qalys = Add("qalys", "QALYs", Better.Higher, "Quality-adjusted life years lived over the horizon, discounted 1.5%", "QALYs (discounted)", Health.Discounting.HealthRatePerYear);
    /// <summary>Deaths over the horizon.</summary>
    public static readonly int Deaths = Add("deaths", "deaths", Better.Lower, "Deaths over the horizon", "Deaths");
    /// <summary>New cases of the modelled diseases.</summary>
    public static readonly int NcdCases = Add("ncd_cases", "cases", Better.Lower, "New cases of CVD, type 2 diabetes, chronic respiratory disease and common mental disorders", "New cases of disease");
    /// <summary>Discounted NHS treatment cost.</summary>
    public static readonly int NhsCostGbp = Add("nhs_cost_gbp", "£", Better.Lower, "NHS treatment cost of modelled disease and cold homes, discounted 3.5%, £", "NHS treatment costs (discounted)", Health.Discounting.CostRatePerYear);
    /// <summary>Monetised QALYs.</summary>
    public static readonly int HealthValueGbp = Add("health_value_gbp", "£", Better.Higher, "Monetised QALYs at £70,000 (QALYs discounted 1.5%), £", "Value of QALYs (discounted)", Health.Discounting.HealthRatePerYear);
    /// <summary>Homes completed.</summary>
    public static readonly int HomesBuilt = Add("homes_built", "homes", Better.Higher, "Homes completed over the horizon", "Homes built");
    /// <summary>Share of completed homes of the healthy design.</summary>
    public static readonly int HealthyHomesShare = Add("healthy_homes_share", "share", Better.Higher, "Share of completed homes built to the healthy design", "Share of homes built healthy");
    /// <summary>Mayoral programme spend.</summary>
    public static readonly int PublicSpendGbp = Add("public_spend_gbp", "£", Better.Neither, "Mayoral programme spend over the horizon, £", "Mayoral programme spend");
    /// <summary>Cost of competitive bids.</summary>
    public static readonly int BiddingCostGbp = Add("bidding_cost_gbp", "£", Better.Lower, "Cost of competitive bids, £", "Cost of bids");
    /// <summary>Tied money forfeited: the share lost at each missed deadline and what is left after the last extension.</summary>
    public static readonly int ClawbackGbp = Add("clawback_gbp", "£", Better.Lower, "Tied money forfeited unspent (a share at each missed deadline, and what is left after the last extension), £", "Tied money forfeited");
    /// <summary>Private development investment.</summary>
    public static readonly int PrivateInvestmentGbp = Add("private_investment_gbp", "£", Better.Higher, "Private development investment crowded in, £", "Private investment");
    /// <summary>Patient public capital lent.</summary>
    public static readonly int PatientCapitalGbp = Add("patient_capital_gbp", "£", Better.Neither, "Patient public capital lent to healthy schemes, £", "Patient capital lent");
    /// <summary>ICB money pooled with the mayor and spent.</summary>
    public static readonly int IcbPooledGbp = Add("icb_pooled_gbp", "£", Better.Neither, "ICB money pooled with the mayor and spent, £", "ICB money pooled with the mayor");
    /// <summary>Whether the mission of halving the HLE gap was met.</summary>
    public static readonly int MissionGapHalved = Add("mission_gap_halved", "indicator", Better.Higher, "1 if the HLE gap in the final year is at most half the start-year gap", "Mission met (HLE gap halved)");
    /// <summary>Developers' expected profit.</summary>
    public static readonly int DeveloperProfitGbp = Add("developer_profit_gbp", "£", Better.Neither, "Developers' expected profit on schemes started over the horizon (profit share of GDV), £", "Developers' profit");
    /// <summary>Private lenders' finance income.</summary>
    public static readonly int InvestorReturnGbp = Add("investor_return_gbp", "£", Better.Neither, "Private lenders' finance income on schemes started over the horizon, £", "Lenders' finance income");

    /// <summary>Public money spent on programmes and bids, discounted.</summary>
    public static readonly int PublicCostGbp = Add("public_cost_gbp", "£", Better.Lower, "Public money spent on programmes and on bids over the horizon, discounted 3.5%, £", "Public cost (discounted)");
    /// <summary>Years lived in good health, discounted.</summary>
    public static readonly int HealthyLifeYears = Add("healthy_life_years", "years", Better.Higher, "Years lived in good health by the whole population over the horizon, discounted 1.5%", "Healthy life-years (discounted)");

    /// <summary>Settlement money spent on skills, employment support and buses.</summary>
    public static readonly int NonHealthSpendGbp = Add("non_health_spend_gbp", "£", Better.Neither, "Settlement money spent on adult skills, employment support and bus operations (no modelled health effect), £", "Spent on skills and buses");
    /// <summary>Tied money whose deadline was extended.</summary>
    public static readonly int TiedMoneyExtendedGbp = Add("tied_money_extended_gbp", "£", Better.Lower, "Tied money whose deadline was extended, counted at each extension (slippage), £", "Tied money extended");
    /// <summary>Partner money brought into area schemes.</summary>
    public static readonly int CoInvestmentGbp = Add("co_investment_gbp", "£", Better.Neither, "Partner money mayors' political capital brought into area schemes (co-investment), £", "Partner co-investment");
    /// <summary>Missed reviews of the single pot's outcomes framework.</summary>
    public static readonly int OutcomesFrameworkMisses = Add("outcomes_framework_misses", "reviews", Better.Lower, "Single pot outcomes-framework reviews a mayoralty missed (flexibility withdrawn for the next period)", "Outcomes reviews missed");
    /// <summary>New mayors elected.</summary>
    public static readonly int NewMayors = Add("new_mayors", "mayors", Better.Neither, "New mayors elected over the horizon, all mayoralties", "New mayors elected");
    /// <summary>Mayors' mission commitment at the end.</summary>
    public static readonly int FinalCommitment = Add("final_commitment", "0–1", Better.Higher, "Mayors' mission commitment in the final year, population-weighted mean", "Mission commitment at the end");
    /// <summary>Mayor–ICB partnership at the end.</summary>
    public static readonly int FinalIcbPartnership = Add("final_icb_partnership", "0–1", Better.Higher, "Mayor–ICB partnership in the final year, population-weighted mean", "ICB partnership at the end");

    /// <summary>QALYs the NHS care given up for pooled money would have bought.</summary>
    public static readonly int NhsCareQalysForgone = Add("nhs_care_qalys_forgone", "QALYs", Better.Lower,
        "QALYs the NHS care given up for ICB money pooled with the mayor would have bought, at the NHS's marginal cost per QALY, discounted 1.5%",
        "NHS care forgone (QALYs)", Health.Discounting.HealthRatePerYear);
    /// <summary>QALYs net of NHS care forgone and of treatment costs, the health-system view.</summary>
    public static readonly int NetQalys = Add("net_qalys", "QALYs", Better.Higher,
        "QALYs lived, minus the QALYs NHS care would have bought with the money pooled and with the treatment costs paid (each £ at the NHS's marginal cost per QALY, discounted 1.5%); its difference between variants is the net health benefit",
        "Net QALYs (health-system view)", Health.Discounting.HealthRatePerYear);

    /// <summary>Developer firms that failed.</summary>
    public static readonly int DeveloperFailures = Add("developer_failures", "firms", Better.Lower,
        "Developer firms that failed over the horizon (they could not pay their overheads and interest)", "Developer failures");

    /// <summary>Capacity classes in the order of the by-class outcomes (as <see cref="CapacityClass"/>).</summary>
    public static readonly ImmutableArray<string> CapacityClasses = ["established", "developing", "new"];

    /// <summary>First of the HLE changes by capacity class, one per <see cref="CapacityClasses"/>.</summary>
    public static readonly int FirstHleChangeByCapacity = AddByClass(c => new($"hle_change_{c}_years", "years", Better.Higher,
        $"Population-weighted mean change in zone HLE, final year minus start, in {c} mayoralties (empty if none), years"));

    /// <summary>First of the funding per head by capacity class, one per <see cref="CapacityClasses"/>.</summary>
    public static readonly int FirstFundingPerHeadByCapacity = AddByClass(c => new($"funding_per_head_{c}_gbp", "£ per resident", Better.Neither,
        $"Money paid to {c} mayoralties over the horizon per start-year resident (empty if none), £"));

    private static int AddByClass(Func<string, OutcomeDefinition> define)
    {
        int first = Registered.Count;
        foreach (string c in CapacityClasses) Registered.Add(define(c));
        return first;
    }

    /// <summary>Every standard outcome, in index order.</summary>
    public static readonly ImmutableArray<OutcomeDefinition> All = [.. Registered];

    /// <summary>Number of standard outcomes; a catalogue's programme spends start here.</summary>
    public static int Count => All.Length;
}

/// <summary>The model's own yearly series, registered once; a catalogue adds one spend series per programme after them.</summary>
public static class StandardSeries
{
    private static readonly List<SeriesDefinition> Registered = [];

    private static int Add(string name, string unit, string description, Better better = Better.Neither, double? discountRatePerYear = null)
    {
        Registered.Add(new SeriesDefinition(name, unit, description) { Direction = better, DiscountRatePerYear = discountRatePerYear });
        return Registered.Count - 1;
    }

    /// <summary>HLE at birth in the year.</summary>
    public static readonly int HleYears = Add("hle_years", "years", "Healthy life expectancy at birth", Better.Higher);
    /// <summary>HLE slope index of inequality in the year.</summary>
    public static readonly int HleGapYears = Add("hle_gap_years", "years", "HLE slope index of inequality across deprivation deciles", Better.Lower);
    /// <summary>LE at birth in the year.</summary>
    public static readonly int LeYears = Add("le_years", "years", "Life expectancy at birth", Better.Higher);
    /// <summary>LE slope index of inequality in the year.</summary>
    public static readonly int LeGapYears = Add("le_gap_years", "years", "LE slope index of inequality", Better.Lower);
    /// <summary>Deaths in the year.</summary>
    public static readonly int Deaths = Add("deaths", "deaths", "Deaths in the year", Better.Lower);
    /// <summary>NHS treatment cost in the year, undiscounted.</summary>
    public static readonly int NhsCostGbp = Add("nhs_cost_undiscounted_gbp", "£", "NHS treatment cost of modelled disease and cold homes in the year, undiscounted, £", Better.Lower);
    /// <summary>Homes completed in the year.</summary>
    public static readonly int HomesBuilt = Add("homes_built", "homes", "Homes completed in the year", Better.Higher);
    /// <summary>Mayoral programme spend in the year.</summary>
    public static readonly int PublicSpendGbp = Add("public_spend_gbp", "£", "Mayoral programme spend in the year, £");
    /// <summary>QALYs from the start to the end of the year, discounted: the outcome <c>qalys</c> with a horizon ending that year.</summary>
    public static readonly int QalysToDate = Add("qalys_to_date", "QALYs", "QALYs lived from the start to the end of the year, discounted 1.5% (the final year's value is the outcome qalys)", Better.Higher, Health.Discounting.HealthRatePerYear);
    /// <summary>NHS treatment cost from the start to the end of the year, discounted: the outcome <c>nhs_cost_gbp</c> with a horizon ending that year.</summary>
    public static readonly int NhsCostToDateGbp = Add("nhs_cost_to_date_gbp", "£", "NHS treatment cost from the start to the end of the year, discounted 3.5% (the final year's value is the outcome nhs_cost_gbp), £", Better.Lower, Health.Discounting.CostRatePerYear);
    /// <summary>Homes completed from the start to the end of the year: the outcome <c>homes_built</c> with a horizon ending that year.</summary>
    public static readonly int HomesBuiltToDate = Add("homes_built_to_date", "homes", "Homes completed from the start to the end of the year (the final year's value is the outcome homes_built)", Better.Higher);

    /// <summary>Every standard series, in index order.</summary>
    public static readonly ImmutableArray<SeriesDefinition> All = [.. Registered];

    /// <summary>Number of standard series; a catalogue's programme spends start here.</summary>
    public static int Count => All.Length;
}

/// <summary>Start-year values, common to every variant of a replication: the calibration figures, registered once.</summary>
public static class Baseline
{
    private static readonly List<SeriesDefinition> Registered = [];

    private static int Add(string name, string unit, string description)
    {
        Registered.Add(new SeriesDefinition(name, unit, description));
        return Registered.Count - 1;
    }

    /// <summary>Start-year HLE at birth.</summary>
    public static readonly int HleYears = Add("hle_years", "years", "Start-year healthy life expectancy at birth");
    /// <summary>Start-year HLE slope index of inequality.</summary>
    public static readonly int HleGapYears = Add("hle_gap_years", "years", "Start-year HLE slope index of inequality");
    /// <summary>Start-year LE at birth.</summary>
    public static readonly int LeYears = Add("le_years", "years", "Start-year life expectancy at birth");
    /// <summary>Start-year LE slope index of inequality.</summary>
    public static readonly int LeGapYears = Add("le_gap_years", "years", "Start-year LE slope index of inequality");
    /// <summary>Start-year share of deaths from non-communicable diseases.</summary>
    public static readonly int NcdDeathShare = Add("ncd_death_share", "share", "Start-year share of deaths from non-communicable diseases");

    /// <summary>The baseline values, in index order.</summary>
    public static readonly ImmutableArray<SeriesDefinition> All = [.. Registered];

    /// <summary>Number of baseline values.</summary>
    public static int Count => All.Length;

    /// <summary>The names, in index order.</summary>
    public static readonly ImmutableArray<string> Names = [.. All.Select(b => b.Name)];
}
