namespace UrbanSim.Core.Settlements;

/// <summary>
/// The money central government has given each region and not yet spent, clawed back or returned: tied grant pots
/// and single pot balances; the region's recent record of discontinued streams (what investors see); and the
/// theme shares of central funding.
/// </summary>
internal sealed class FundingState
{
    internal FundingState(int regions)
    {
        Tied = new TiedGrantPots(regions);
        Single = new SinglePot(regions);
        RecentChurn = new double[regions];
        DiscontinuedThisYear = new int[regions];
        Wins = new int[regions]; BidWeight = new double[regions]; AwardGbp = new double[regions];
        Discontinued = new bool[regions];
        FlexibilityFactor = new double[regions]; ReviewReceivedGbp = new double[regions]; ReviewSpentGbp = new double[regions];
    }

    /// <summary>Tied, ring-fenced pots by theme and vintage.</summary>
    public TiedGrantPots Tied { get; }
    /// <summary>Single pot balances: flexible and ring-fenced by theme.</summary>
    public SinglePot Single { get; }
    /// <summary>[region] exponentially weighted share of the region's funding streams discontinued per year.</summary>
    public readonly double[] RecentChurn;
    /// <summary>[region] streams discontinued this year.</summary>
    public readonly int[] DiscontinuedThisYear;
    /// <summary>[theme] each theme's share of central funding, summing to 1.</summary>
    public readonly double[] ThemeShares = new double[Themes.Count];

    /// <summary>[region] single pot: share of the flexibility the mayoralty keeps this period (1, or less after a missed outcomes review).</summary>
    public readonly double[] FlexibilityFactor;
    /// <summary>[region] single pot: money received this review period, £.</summary>
    public readonly double[] ReviewReceivedGbp;
    /// <summary>[region] single pot: money spent this review period, £.</summary>
    public readonly double[] ReviewSpentGbp;

    /// <summary>[region] scratch of a competitive round: successful bids, bid weights, awards and discontinued streams.</summary>
    internal readonly int[] Wins;
    internal readonly double[] BidWeight, AwardGbp;
    internal readonly bool[] Discontinued;

    /// <summary>Unspent money across all regions, £.</summary>
    public double TotalBalanceGbp() => Tied.TotalBalanceGbp() + Single.TotalBalanceGbp();

    /// <summary>Empties every pot and forgets the record (start of a variant).</summary>
    public void Clear()
    {
        Tied.Clear();
        Single.Clear();
        Array.Clear(RecentChurn);
        Array.Clear(DiscontinuedThisYear);
        Array.Fill(FlexibilityFactor, 1.0);
        Array.Clear(ReviewReceivedGbp);
        Array.Clear(ReviewSpentGbp);
    }
}
