using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Engine;

/// <summary>An outcome reported per replication and variant: snake_case name with unit, and which direction is better.</summary>
public readonly record struct OutcomeInfo(string Name, string Description, bool HigherIsBetter);

/// <summary>The outcomes of a replication, in the order of <see cref="ReplicationResult"/> arrays.</summary>
public static class Outcomes
{
    public const int HleYears = 0, HleGapYears = 1, LeYears = 2, LeGapYears = 3, Qalys = 4, Deaths = 5, NcdCases = 6,
        NhsCostGbp = 7, HealthValueGbp = 8, HomesBuilt = 9, HealthyHomesShare = 10, PublicSpendGbp = 11,
        BiddingCostGbp = 12, ClawbackGbp = 13, PrivateInvestmentGbp = 14, PatientCapitalGbp = 15, IcbPooledGbp = 16,
        MissionGapHalved = 17, DeveloperProfitGbp = 18, InvestorReturnGbp = 19,
        FirstHleChangeByCapacity = 20, FirstFundingPerHeadByCapacity = 23, FirstProgrammeSpend = 26;

    public static readonly int Count = FirstProgrammeSpend + Programmes.Count;

    /// <summary>Capacity classes in the order of the by-class outcomes (as <see cref="World.CapacityClass"/>).</summary>
    public static readonly string[] CapacityClasses = ["established", "developing", "new"];

    /// <summary>All outcomes with names and meaning (declared after <see cref="CapacityClasses"/>, which it reads).</summary>
    public static readonly OutcomeInfo[] All = Build();

    private static OutcomeInfo[] Build()
    {
        var list = new List<OutcomeInfo>
        {
            new("hle_years", "Healthy life expectancy at birth in the final year (Sullivan), years", true),
            new("hle_gap_years", "HLE slope index of inequality across deprivation deciles in the final year, years", false),
            new("le_years", "Life expectancy at birth in the final year, years", true),
            new("le_gap_years", "LE slope index of inequality in the final year, years", false),
            new("qalys", "Quality-adjusted life years lived over the horizon, discounted 1.5%", true),
            new("deaths", "Deaths over the horizon", false),
            new("ncd_cases", "New cases of CVD, type 2 diabetes, chronic respiratory disease and common mental disorders", false),
            new("nhs_cost_gbp", "NHS treatment cost of modelled disease and cold homes, discounted 3.5%, £", false),
            new("health_value_gbp", "Monetised QALYs at £70,000, £", true),
            new("homes_built", "Homes completed over the horizon", true),
            new("healthy_homes_share", "Share of completed homes built to the healthy design", true),
            new("public_spend_gbp", "Mayoral programme spend over the horizon, £", true),
            new("bidding_cost_gbp", "Cost of competitive bids, £", false),
            new("clawback_gbp", "Tied money clawed back unspent, £", false),
            new("private_investment_gbp", "Private development investment crowded in, £", true),
            new("patient_capital_gbp", "Patient public capital lent to healthy schemes, £", true),
            new("icb_pooled_gbp", "ICB money pooled with the mayor and spent, £", true),
            new("mission_gap_halved", "1 if the HLE gap in the final year is at most half the start-year gap", true),
            new("developer_profit_gbp", "Developers' expected profit on schemes started over the horizon (profit share of GDV), £", true),
            new("investor_return_gbp", "Private lenders' finance income on schemes started over the horizon, £", true),
        };
        foreach (var c in CapacityClasses)
            list.Add(new($"hle_change_{c}_years", $"Population-weighted mean change in zone HLE, final year minus start, in {c} mayoralties (empty if none), years", true));
        foreach (var c in CapacityClasses)
            list.Add(new($"funding_per_head_{c}_gbp", $"Money paid to {c} mayoralties over the horizon per start-year resident (empty if none), £", true));
        for (int p = 0; p < Programmes.Count; p++)
            list.Add(new($"spend_{Programmes.SnakeName((Programme)p)}_gbp", $"Spend on {Programmes.SnakeName((Programme)p).Replace('_', ' ')} over the horizon, £", true));
        return list.ToArray();
    }

    /// <summary>Index of an outcome by name, or -1.</summary>
    public static int IndexOf(string name) => Array.FindIndex(All, o => o.Name == name);
}

/// <summary>Yearly series recorded per variant (values for the simulated year).</summary>
public static class Series
{
    public const int HleYears = 0, HleGapYears = 1, LeYears = 2, LeGapYears = 3, Deaths = 4, NhsCostGbp = 5,
        HomesBuilt = 6, PublicSpendGbp = 7, FirstProgrammeSpend = 8;

    public static readonly int Count = FirstProgrammeSpend + Programmes.Count;

    public static readonly string[] Names = Build();

    private static string[] Build()
    {
        var list = new List<string> { "hle_years", "hle_gap_years", "le_years", "le_gap_years", "deaths", "nhs_cost_gbp", "homes_built", "public_spend_gbp" };
        for (int p = 0; p < Programmes.Count; p++) list.Add($"spend_{Programmes.SnakeName((Programme)p)}_gbp");
        return list.ToArray();
    }
}

/// <summary>Start-year values, common to every variant of a replication.</summary>
public static class Baseline
{
    public const int HleYears = 0, HleGapYears = 1, LeYears = 2, LeGapYears = 3, NcdDeathShare = 4;
    public const int Count = 5;
    public static readonly string[] Names = ["hle_years", "hle_gap_years", "le_years", "le_gap_years", "ncd_death_share"];
}

/// <summary>
/// Results of one replication: outcomes [variant * Outcomes.Count + outcome], series
/// [(variant * years + year) * Series.Count + series], the start-year baseline, HLE by deprivation decile,
/// and each zone's LE and HLE at the start and in the final year. Reused across replications.
/// </summary>
public sealed class ReplicationResult
{
    /// <summary>Deprivation deciles (1 = most deprived).</summary>
    public const int Deciles = 10;

    public ReplicationResult(int variants, int years, int zones = 0)
    {
        Variants = variants; Years = years; Zones = zones;
        Outcome = new double[variants * Outcomes.Count];
        Yearly = new double[variants * years * Series.Count];
        BaselineValues = new double[Baseline.Count];
        DecileHleYears = new double[variants * Deciles];
        BaselineDecileHleYears = new double[Deciles];
        ZoneFinal = new double[variants * zones * 2];
        ZoneBaseline = new double[zones * 2];
        Ledger = new MoneyLedger[variants];
    }

    public int Replication { get; set; }
    public int Variants { get; }
    public int Years { get; }
    /// <summary>Zones recorded in <see cref="ZoneFinal"/> (0 if zone results are not kept).</summary>
    public int Zones { get; }
    public double[] Outcome { get; }
    public double[] Yearly { get; }
    public double[] BaselineValues { get; }
    /// <summary>Final-year HLE of each deprivation decile [variant * 10 + decile − 1]; NaN for a decile with no zones.</summary>
    public double[] DecileHleYears { get; }
    /// <summary>Start-year HLE of each deprivation decile; NaN for a decile with no zones.</summary>
    public double[] BaselineDecileHleYears { get; }
    /// <summary>Final-year HLE and LE of each zone [(variant * zones + zone) * 2 + (0 HLE, 1 LE)].</summary>
    public double[] ZoneFinal { get; }
    /// <summary>Start-year HLE and LE of each zone [zone * 2 + (0 HLE, 1 LE)].</summary>
    public double[] ZoneBaseline { get; }
    /// <summary>Money flows of each variant, kept for conservation checks.</summary>
    public MoneyLedger[] Ledger { get; }

    /// <summary>A result shaped for <paramref name="scenario"/>, with room for every zone.</summary>
    public static ReplicationResult For(Scenarios.Scenario scenario) =>
        new(scenario.Variants.Length, scenario.HorizonYears, scenario.World.ZoneCount);

    public double Get(int variant, int outcome) => Outcome[variant * Outcomes.Count + outcome];
    public double GetYearly(int variant, int year, int series) => Yearly[(variant * Years + year) * Series.Count + series];

    /// <summary>Copies another result (same shape).</summary>
    public void CopyFrom(ReplicationResult other)
    {
        Replication = other.Replication;
        other.Outcome.CopyTo(Outcome, 0); other.Yearly.CopyTo(Yearly, 0); other.BaselineValues.CopyTo(BaselineValues, 0);
        other.DecileHleYears.CopyTo(DecileHleYears, 0); other.BaselineDecileHleYears.CopyTo(BaselineDecileHleYears, 0);
        other.ZoneFinal.CopyTo(ZoneFinal, 0); other.ZoneBaseline.CopyTo(ZoneBaseline, 0);
        other.Ledger.CopyTo(Ledger, 0);
    }
}

/// <summary>
/// Where the money went: every £ central government or the ICB paid to mayors is spent on a programme,
/// spent on bids, clawed back, returned, or still held. <see cref="ImbalanceGbp"/> is zero when money is conserved.
/// </summary>
public record struct MoneyLedger
{
    public double PaidToMayorsGbp;
    public double ProgrammeSpendGbp;
    public double BiddingCostGbp;
    public double ClawbackGbp;
    public double PooledReturnedGbp;
    public double HeldAtEndGbp;
    public double UnawardedCompetitiveGbp;

    /// <summary>Paid − spent − bidding − clawed back − returned − still held.</summary>
    public readonly double ImbalanceGbp =>
        PaidToMayorsGbp - ProgrammeSpendGbp - BiddingCostGbp - ClawbackGbp - PooledReturnedGbp - HeldAtEndGbp;
}
