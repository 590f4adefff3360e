namespace UrbanSim.Core.Investors;

/// <summary>
/// Development finance in each region: its private lenders (each with a hurdle rate, a tolerance of risk, a share of the
/// region's lending as its exposure limit, and the risk it perceives in the place from its track record), what each
/// offers this year and has lent; the best rate on offer and what the lenders have left together (for the quick tests);
/// and the patient public fund's money left to the region. Lender l of region r is [r * <see cref="LendersPerRegion"/> + l],
/// lenders ordered from the most cautious (the cheapest, the first to withdraw) to the most tolerant. Rules:
/// <see cref="RequiredReturns"/> and <see cref="Lenders"/>.
/// </summary>
internal sealed class FinanceState
{
    /// <summary>Private lenders in each region.</summary>
    public int LendersPerRegion { get; private set; }
    /// <summary>[lender] its required return this year (NaN when it has withdrawn from the region).</summary>
    public double[] LenderRatePerYear = [];
    /// <summary>[lender] money it has left to lend in the region this year, £ (0 when withdrawn).</summary>
    public double[] LenderLeftGbp = [];
    /// <summary>[lender] the risk it perceives in the region, 0–1, from the place's track record.</summary>
    public double[] LenderPerceivedRisk = [];
    /// <summary>[lender] loans it made over the variant, £.</summary>
    public double[] LenderLentGbp = [];
    /// <summary>[lender] finance income on those loans, £.</summary>
    public double[] LenderIncomeGbp = [];
    /// <summary>[lender] years of the variant it stayed out of the region (risk above its tolerance).</summary>
    public double[] LenderYearsWithdrawn = [];
    /// <summary>[lender] what it lost on loans to developers that failed, £.</summary>
    public double[] LenderLossGbp = [];
    /// <summary>
    /// [region * LendersPerRegion + k] the region's trading lenders, cheapest first (ties to the more cautious), the first
    /// <see cref="TradingLenders"/> of each region's block: set with the year's rates (<see cref="Lenders.RankByRate"/>),
    /// which do not change until next year.
    /// </summary>
    public int[] LenderOrder = [];

    /// <summary>Sizes the lenders' arrays for <paramref name="regions"/> regions of <paramref name="lenders"/> lenders.</summary>
    public void SizeLenders(int regions, int lenders)
    {
        LendersPerRegion = lenders;
        int n = regions * lenders;
        if (LenderRatePerYear.Length == n) return;
        LenderRatePerYear = new double[n]; LenderLeftGbp = new double[n]; LenderPerceivedRisk = new double[n];
        LenderLentGbp = new double[n]; LenderIncomeGbp = new double[n]; LenderYearsWithdrawn = new double[n]; LenderLossGbp = new double[n];
        LenderOrder = new int[n];
    }

    internal FinanceState(int regions)
    {
        RequiredReturnPerYear = new double[regions];
        LendingLeftGbp = new double[regions];
        PatientLeftGbp = new double[regions];
        LentGbp = new double[regions];
        FinanceIncomeGbp = new double[regions];
        PatientLentGbp = new double[regions];
        LoanLossesGbp = new double[regions];
        PatientLossesGbp = new double[regions];
        TradingLenders = new int[regions];
    }

    /// <summary>[region] private development loans made over the variant, £.</summary>
    public readonly double[] LentGbp;
    /// <summary>[region] private lenders' finance income on the loans made over the variant, £.</summary>
    public readonly double[] FinanceIncomeGbp;
    /// <summary>[region] the patient public fund's loans over the variant, £.</summary>
    public readonly double[] PatientLentGbp;
    /// <summary>[region] how many of its lenders trade this year (the first of its block of <see cref="LenderOrder"/>).</summary>
    public readonly int[] TradingLenders;
    /// <summary>[region] private lenders' losses on loans to developers that failed, over the variant, £.</summary>
    public readonly double[] LoanLossesGbp;
    /// <summary>[region] the patient public fund's losses on loans to developers that failed, over the variant, £.</summary>
    public readonly double[] PatientLossesGbp;

    /// <summary>No loans made yet (start of a variant).</summary>
    public void ClearTotals()
    {
        Array.Clear(LentGbp);
        Array.Clear(FinanceIncomeGbp);
        Array.Clear(PatientLentGbp);
        Array.Clear(LoanLossesGbp);
        Array.Clear(PatientLossesGbp);
    }

    /// <summary>[region] the lowest required return any trading lender offers this year (NaN when every lender has withdrawn).</summary>
    public readonly double[] RequiredReturnPerYear;
    /// <summary>[region] what the trading lenders have left to lend this year, together, £.</summary>
    public readonly double[] LendingLeftGbp;
    /// <summary>[region] the patient public fund's capital still available to the region this year, £.</summary>
    public readonly double[] PatientLeftGbp;
}
