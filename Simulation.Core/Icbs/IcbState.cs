namespace UrbanSim.Core.Icbs;

/// <summary>
/// Each region's Integrated Care Board during a variant: its allocation, what it offered to pool with the mayor
/// this year and what the mayor used over the variant, and the treatment costs of disease and cold homes that
/// land on it in the year (from the health step).
/// </summary>
internal sealed class IcbState
{
    internal IcbState(int regions)
    {
        AllocationGbpPerYear = new double[regions];
        PooledOfferedGbp = new double[regions];
        PooledUsedGbp = new double[regions];
        TreatmentCostGbp = new double[regions];
    }

    /// <summary>[region] the ICB's core allocation, £ a year.</summary>
    public readonly double[] AllocationGbpPerYear;
    /// <summary>[region] money offered to the mayor this year, £.</summary>
    public readonly double[] PooledOfferedGbp;
    /// <summary>[region] pooled money the mayor spent over the variant, £.</summary>
    public readonly double[] PooledUsedGbp;
    /// <summary>[region] NHS treatment cost of modelled disease and cold homes in the last simulated year, £ (undiscounted).</summary>
    public readonly double[] TreatmentCostGbp;
}
