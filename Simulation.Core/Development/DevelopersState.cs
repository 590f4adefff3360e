namespace UrbanSim.Core.Development;

/// <summary>
/// What each region's developers, as a group, have done over a variant: schemes and homes started and the profit they
/// expect on them (profit share of GDV × their type's multiplier, at the prices when they started). Developers are not
/// yet firms with their own capital (docs/model.md §10): these are the region's totals.
/// </summary>
internal sealed class DevelopersState
{
    internal DevelopersState(int regions)
    {
        SchemesStarted = new double[regions];
        HomesStarted = new double[regions];
        ExpectedProfitGbp = new double[regions];
    }

    /// <summary>[region] schemes started over the variant.</summary>
    public readonly double[] SchemesStarted;
    /// <summary>[region] homes in the schemes started over the variant.</summary>
    public readonly double[] HomesStarted;
    /// <summary>[region] developers' expected profit on the schemes started, £.</summary>
    public readonly double[] ExpectedProfitGbp;

    /// <summary>Nothing started yet (start of a variant).</summary>
    public void Clear()
    {
        Array.Clear(SchemesStarted);
        Array.Clear(HomesStarted);
        Array.Clear(ExpectedProfitGbp);
    }
}
