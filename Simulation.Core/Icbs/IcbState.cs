namespace UrbanSim.Core.Icbs;

/// <summary>
/// Each region's Integrated Care Board during a variant, an agent with a budget and expectations: its allocation, the
/// treatment costs of disease and cold homes that land on it (from the health step), what it offered to pool with the
/// mayor this year and what the mayor used, the NHS savings joint work brought and what it has learnt to expect from
/// them, and the NHS care the pooled money would have bought (its opportunity cost, in QALYs).
/// </summary>
internal sealed class IcbState
{
    internal IcbState(int regions, int zones)
    {
        StartCaseCostGbp = new double[Health.DiseaseCatalogue.Count * zones];
        AllocationGbpPerYear = new double[regions];
        PooledOfferedGbp = new double[regions];
        PooledUsedGbp = new double[regions];
        TreatmentCostGbp = new double[regions];
        Partnership = new double[regions];
        StartPartnership = new double[regions];
        PooledUsedThisYearGbp = new double[regions];
        JointPreventionThisYearGbp = new double[regions];
        SavingsLandedGbp = new double[regions];
        ExpectedSavingsPerGbp = new double[regions];
        JointMoneyGbp = new double[regions];
        CareQalysForgone = new double[regions];
        TreatmentCostTotalGbp = new double[regions];
        TreatmentCareQalys = new double[regions];
    }

    /// <summary>[region] NHS savings per £ of joint money the ICB expects (adaptive: it moves towards what it observes).</summary>
    public readonly double[] ExpectedSavingsPerGbp;
    /// <summary>[region] joint money over the variant (each year the larger of the mayor's joint prevention and the pooled money used), £.</summary>
    public readonly double[] JointMoneyGbp;
    /// <summary>[region] QALYs the NHS care given up for the pooled money would have bought, discounted 1.5%.</summary>
    public readonly double[] CareQalysForgone;
    /// <summary>[region] NHS treatment cost of modelled disease and cold homes over the variant, £ (undiscounted).</summary>
    public readonly double[] TreatmentCostTotalGbp;
    /// <summary>[region] the QALYs the treatment costs would buy as NHS care at the margin, discounted 1.5%.</summary>
    public readonly double[] TreatmentCareQalys;

    /// <summary>[region] strength of the mayor–ICB partnership (0–1): it grows with joint work and the savings that land on the NHS (convening), and fades without them.</summary>
    public readonly double[] Partnership;
    /// <summary>[region] the partnership at the start of the variant (the lever): what it fades back towards.</summary>
    public readonly double[] StartPartnership;
    /// <summary>[disease * zones + zone] the yearly treatment cost of the zone's start-year cases of the disease, £: what prevention's savings are a share of.</summary>
    public readonly double[] StartCaseCostGbp;
    /// <summary>[region] pooled money the mayor spent this year, £.</summary>
    public readonly double[] PooledUsedThisYearGbp;
    /// <summary>[region] the mayor's joint prevention spend this year, £.</summary>
    public readonly double[] JointPreventionThisYearGbp;
    /// <summary>[region] NHS savings the ICB attributes to joint work over the variant (cases prevented, cold homes remedied), £.</summary>
    public readonly double[] SavingsLandedGbp;

    /// <summary>[region] the ICB's core allocation, £ a year.</summary>
    public readonly double[] AllocationGbpPerYear;
    /// <summary>[region] money offered to the mayor this year, £.</summary>
    public readonly double[] PooledOfferedGbp;
    /// <summary>[region] pooled money the mayor spent over the variant, £.</summary>
    public readonly double[] PooledUsedGbp;
    /// <summary>[region] NHS treatment cost of modelled disease and cold homes in the last simulated year, £ (undiscounted).</summary>
    public readonly double[] TreatmentCostGbp;
}
