namespace UrbanSim.Core.Investors;

/// <summary>
/// Development finance on offer in each region this year: the required return, and private and patient money left to
/// lend; and what the region's lenders have done over the variant: private loans made and the finance income on them,
/// and the patient fund's loans.
/// </summary>
internal sealed class FinanceState
{
    internal FinanceState(int regions)
    {
        RequiredReturnPerYear = new double[regions];
        LendingLeftGbp = new double[regions];
        PatientLeftGbp = new double[regions];
        LentGbp = new double[regions];
        FinanceIncomeGbp = new double[regions];
        PatientLentGbp = new double[regions];
    }

    /// <summary>[region] private development loans made over the variant, £.</summary>
    public readonly double[] LentGbp;
    /// <summary>[region] private lenders' finance income on the loans made over the variant, £.</summary>
    public readonly double[] FinanceIncomeGbp;
    /// <summary>[region] the patient public fund's loans over the variant, £.</summary>
    public readonly double[] PatientLentGbp;

    /// <summary>No loans made yet (start of a variant).</summary>
    public void ClearTotals()
    {
        Array.Clear(LentGbp);
        Array.Clear(FinanceIncomeGbp);
        Array.Clear(PatientLentGbp);
    }

    /// <summary>[region] investors' required return on development finance this year.</summary>
    public readonly double[] RequiredReturnPerYear;
    /// <summary>[region] private development lending still available this year, £.</summary>
    public readonly double[] LendingLeftGbp;
    /// <summary>[region] the patient public fund's capital still available to the region this year, £.</summary>
    public readonly double[] PatientLeftGbp;
}
