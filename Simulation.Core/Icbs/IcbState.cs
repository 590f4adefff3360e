namespace UrbanSim.Core.Icbs;

/// <summary>
/// Each region's Integrated Care Board during a variant: its allocation, what it offered to pool with the mayor
/// this year and what the mayor used over the variant, and the treatment costs of disease and cold homes that
/// land on it in the year (from the health step).
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
    }

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
