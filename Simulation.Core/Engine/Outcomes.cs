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
        MissionGapHalved = 17, FirstProgrammeSpend = 18;

    public static readonly int Count = FirstProgrammeSpend + Programmes.Count;

    /// <summary>All outcomes with names and meaning.</summary>
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
        };
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
/// [(variant * years + year) * Series.Count + series], and the start-year baseline. Reused across replications.
/// </summary>
public sealed class ReplicationResult
{
    public ReplicationResult(int variants, int years)
    {
        Variants = variants; Years = years;
        Outcome = new double[variants * Outcomes.Count];
        Yearly = new double[variants * years * Series.Count];
        BaselineValues = new double[Baseline.Count];
        Ledger = new MoneyLedger[variants];
    }

    public int Replication { get; set; }
    public int Variants { get; }
    public int Years { get; }
    public double[] Outcome { get; }
    public double[] Yearly { get; }
    public double[] BaselineValues { get; }
    /// <summary>Money flows of each variant, kept for conservation checks.</summary>
    public MoneyLedger[] Ledger { get; }

    public double Get(int variant, int outcome) => Outcome[variant * Outcomes.Count + outcome];
    public double GetYearly(int variant, int year, int series) => Yearly[(variant * Years + year) * Series.Count + series];

    /// <summary>Copies another result (same shape).</summary>
    public void CopyFrom(ReplicationResult other)
    {
        Replication = other.Replication;
        other.Outcome.CopyTo(Outcome, 0); other.Yearly.CopyTo(Yearly, 0); other.BaselineValues.CopyTo(BaselineValues, 0);
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
