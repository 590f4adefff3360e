using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Investors;

/// <summary>
/// Private lenders' rules: each lender of a region has its own hurdle rate (spread evenly around the base required
/// return, the most cautious lender the cheapest) and its own tolerance of risk (from
/// <see cref="DevelopmentParameters.CautiousLenderRiskTolerance"/> for the most cautious up to 1, so the most tolerant
/// never withdraws), lends up to an equal share of the region's lending (its exposure limit; a loan larger than one
/// lender's room is shared, cheapest first), and judges the place by
/// its track record: the risk it perceives moves each year towards what it observes, half the place's recent churn of
/// funding streams and half the share of its money the mayoralty has not delivered this term. Above its tolerance a
/// lender withdraws from the place. Interest on loans for homes a developer holds unsold, and losses on loans to a
/// developer that failed, are shared between a region's lenders in proportion to what each has lent.
/// </summary>
internal static class Lenders
{
    /// <summary>Lender <paramref name="lender"/>'s (0 = most cautious) hurdle rate: base ± half the spread, evenly between.</summary>
    public static double HurdlePerYear(int lender, int lenders, DevelopmentParameters d) =>
        d.BaseRequiredReturnPerYear + d.LenderHurdleSpreadPerYear * (lenders > 1 ? (double)lender / (lenders - 1) - 0.5 : 0);

    /// <summary>Lender <paramref name="lender"/>'s tolerance of perceived risk: the cautious lender's, rising evenly to 1 for the most tolerant.</summary>
    public static double RiskTolerance(int lender, int lenders, DevelopmentParameters d) =>
        lenders > 1 ? d.CautiousLenderRiskTolerance + (1 - d.CautiousLenderRiskTolerance) * lender / (lenders - 1) : 1;

    /// <summary>
    /// The risk a place's record shows this year, 0–1: its recent churn of funding streams (the share discontinued
    /// lately) with weight <paramref name="churnWeight"/>, and the share of the money the mayoralty received this term
    /// that it has not delivered with the rest.
    /// </summary>
    public static double ObservedRisk(double recentChurnShare, double spentThisTermGbp, double receivedThisTermGbp, double churnWeight)
    {
        double delivered = receivedThisTermGbp > 0 ? Math.Clamp(spentThisTermGbp / receivedThisTermGbp, 0, 1) : 1;
        double w = Math.Clamp(churnWeight, 0, 1);
        return Math.Clamp(w * Math.Clamp(recentChurnShare, 0, 1) + (1 - w) * (1 - delivered), 0, 1);
    }

    /// <summary>Start of a variant: every lender sees every place at the prior risk, and has lent nothing.</summary>
    public static void Start(FinanceState finance, int regions, DevelopmentParameters d)
    {
        finance.SizeLenders(regions, d.LendersPerRegion);
        Array.Fill(finance.LenderPerceivedRisk, d.LenderPriorRisk);
        Array.Clear(finance.LenderLentGbp);
        Array.Clear(finance.LenderIncomeGbp);
        Array.Clear(finance.LenderYearsWithdrawn);
        Array.Clear(finance.LenderLossGbp);
    }

    /// <summary>End of a year: each lender of region <paramref name="region"/> moves the risk it perceives a share of the way to what the record shows.</summary>
    public static void Observe(FinanceState finance, int region, double observedRisk, DevelopmentParameters d)
    {
        int lenders = finance.LendersPerRegion;
        for (int l = region * lenders; l < (region + 1) * lenders; l++)
            finance.LenderPerceivedRisk[l] += d.LenderRiskLearningPerYear * (observedRisk - finance.LenderPerceivedRisk[l]);
    }

    /// <summary>
    /// The rate a loan of <paramref name="loanGbp"/> costs in <paramref name="region"/> when it is spread over the trading
    /// lenders from the cheapest (a club deal: each lends what it has left, up to its limit, until the loan is covered):
    /// the tranches' rates weighted by their size; +∞ when the lenders together have not enough left.
    /// </summary>
    public static double BlendedRatePerYear(FinanceState finance, int region, double loanGbp)
    {
        var order = TradingOrder(finance, region);
        int trading = order.Length;
        double left = loanGbp, cost = 0;
        for (int k = 0; k < trading && left > 0; k++)
        {
            int l = order[k];
            double tranche = Math.Min(left, finance.LenderLeftGbp[l]);
            cost += tranche * finance.LenderRatePerYear[l];
            left -= tranche;
        }
        if (left > 0) return double.PositiveInfinity;
        return loanGbp > 0 ? cost / loanGbp : (trading > 0 ? finance.LenderRatePerYear[order[0]] : double.PositiveInfinity);
    }

    /// <summary>
    /// Lends <paramref name="loanGbp"/> in <paramref name="region"/> in tranches from the cheapest trading lender (as
    /// <see cref="BlendedRatePerYear"/> prices it; the lenders must have enough left): each lender's money left falls and
    /// its loans and finance income (its tranche × its rate × the build years × ½, as the pro forma counts finance) rise,
    /// and so do the region's totals; the region's money left is kept up to date.
    /// </summary>
    public static void Lend(FinanceState finance, int region, double loanGbp, int buildYears)
    {
        var order = TradingOrder(finance, region);
        int trading = order.Length;
        double left = loanGbp;
        for (int k = 0; k < trading && left > 0; k++)
        {
            int l = order[k];
            double tranche = Math.Min(left, finance.LenderLeftGbp[l]);
            double income = tranche * finance.LenderRatePerYear[l] * buildYears * 0.5;
            finance.LenderLeftGbp[l] -= tranche;
            finance.LenderLentGbp[l] += tranche;
            finance.LenderIncomeGbp[l] += income;
            finance.LentGbp[region] += tranche;
            finance.FinanceIncomeGbp[region] += income;
            left -= tranche;
        }
        double total = 0;
        for (int l = region * finance.LendersPerRegion; l < (region + 1) * finance.LendersPerRegion; l++) total += finance.LenderLeftGbp[l];
        finance.LendingLeftGbp[region] = total;
    }

    /// <summary>
    /// Interest a developer pays on a loan still owed on homes it holds unsold: the patient fund's is its own; a private
    /// loan's is shared between the region's lenders in proportion to what each has lent (loans are club deals).
    /// </summary>
    public static void ReceiveInterest(FinanceState finance, int region, double interestGbp, bool patientFund)
    {
        if (patientFund || interestGbp <= 0) return;
        finance.FinanceIncomeGbp[region] += interestGbp;
        ShareByLending(finance, region, interestGbp, finance.LenderIncomeGbp);
    }

    /// <summary>
    /// What a loan to a developer that failed loses when receivers have sold what secured it: the patient fund's loss is
    /// its own; a private loss is shared between the region's lenders in proportion to what each has lent.
    /// </summary>
    public static void BookLoss(FinanceState finance, int region, double lossGbp, bool patientFund)
    {
        if (lossGbp <= 0) return;
        if (patientFund) { finance.PatientLossesGbp[region] += lossGbp; return; }
        finance.LoanLossesGbp[region] += lossGbp;
        ShareByLending(finance, region, lossGbp, finance.LenderLossGbp);
    }

    /// <summary>Adds <paramref name="amountGbp"/> to <paramref name="byLender"/> of the region's lenders by their share of its lending (equally before any).</summary>
    private static void ShareByLending(FinanceState finance, int region, double amountGbp, double[] byLender)
    {
        int first = region * finance.LendersPerRegion, lenders = finance.LendersPerRegion;
        double lent = 0;
        for (int l = first; l < first + lenders; l++) lent += finance.LenderLentGbp[l];
        for (int l = first; l < first + lenders; l++)
            byLender[l] += amountGbp * (lent > 0 ? finance.LenderLentGbp[l] / lent : 1.0 / lenders);
    }

    /// <summary>The region's trading lenders this year, cheapest first (ties to the more cautious).</summary>
    private static ReadOnlySpan<int> TradingOrder(FinanceState finance, int region) =>
        finance.LenderOrder.AsSpan(region * finance.LendersPerRegion, finance.TradingLenders[region]);

    /// <summary>
    /// Ranks the region's trading lenders by this year's rates, cheapest first (ties to the more cautious), into
    /// <see cref="FinanceState.LenderOrder"/>: once a year, after the rates are set, since every loan of the year is
    /// priced and lent in that order.
    /// </summary>
    public static void RankByRate(FinanceState finance, int region)
    {
        var order = finance.LenderOrder.AsSpan(region * finance.LendersPerRegion, finance.LendersPerRegion);
        int n = 0;
        for (int l = region * finance.LendersPerRegion; l < (region + 1) * finance.LendersPerRegion; l++)
        {
            if (!double.IsFinite(finance.LenderRatePerYear[l])) continue;
            int j = n++;
            while (j > 0 && finance.LenderRatePerYear[order[j - 1]] > finance.LenderRatePerYear[l]) { order[j] = order[j - 1]; j--; }
            order[j] = l;
        }
        finance.TradingLenders[region] = n;
    }
}
