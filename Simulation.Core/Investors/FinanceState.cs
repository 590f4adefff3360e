namespace UrbanSim.Core.Investors;

/// <summary>Development finance on offer in each region this year: the required return, and private and patient money left to lend.</summary>
internal sealed class FinanceState
{
    internal FinanceState(int regions)
    {
        RequiredReturnPerYear = new double[regions];
        LendingLeftGbp = new double[regions];
        PatientLeftGbp = new double[regions];
    }

    /// <summary>[region] investors' required return on development finance this year.</summary>
    public readonly double[] RequiredReturnPerYear;
    /// <summary>[region] private development lending still available this year, £.</summary>
    public readonly double[] LendingLeftGbp;
    /// <summary>[region] the patient public fund's capital still available to the region this year, £.</summary>
    public readonly double[] PatientLeftGbp;
}
