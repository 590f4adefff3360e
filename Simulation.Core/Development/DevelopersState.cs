namespace UrbanSim.Core.Development;

/// <summary>
/// What each region's developers, as a group, have done over a variant: schemes and homes started and the profit they
/// expected on them (profit share of GDV × their type's multiplier, at the prices they expected when they started), the
/// profit they made on the schemes they completed, and the firms that failed. Each firm's own state is in
/// <see cref="DeveloperFirmState"/>.
/// </summary>
internal sealed class DevelopersState
{
    internal DevelopersState(int regions)
    {
        SchemesStarted = new double[regions];
        HomesStarted = new double[regions];
        ExpectedProfitGbp = new double[regions];
        RealisedProfitGbp = new double[regions];
        Failures = new double[regions];
    }

    /// <summary>[region] profit the developers made on the schemes they completed, at the prices when they completed, £.</summary>
    public readonly double[] RealisedProfitGbp;
    /// <summary>[region] developer firms that failed over the variant.</summary>
    public readonly double[] Failures;

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
        Array.Clear(RealisedProfitGbp);
        Array.Clear(Failures);
    }
}
