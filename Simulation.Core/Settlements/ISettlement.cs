using System.Collections.Immutable;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Settlements;

/// <summary>
/// A devolution settlement: the rules by which central government gives mayors money. One type per settlement,
/// registered in <see cref="SettlementCatalogue"/>; a variant chooses one with the <c>settlement</c> lever.
/// The settlement is behaviour only: the money it has paid and not yet seen spent is in <see cref="FundingState"/>.
/// </summary>
internal interface ISettlement
{
    /// <summary>snake_case name, as in scenario files and outputs.</summary>
    string Name { get; }

    /// <summary>What it is, in a sentence.</summary>
    string Description { get; }

    /// <summary>Plain-English label for charts and pages.</summary>
    string Label { get; }

    /// <summary>The levers (snake_case names of <see cref="PolicyLevers"/>) only this kind of settlement reads; others ignore them.</summary>
    ImmutableArray<string> OwnLevers { get; }

    /// <summary>How money arrives: pays this year's money into the pots, records it in the ledger and in what each region <paramref name="received"/>.</summary>
    void Pay(in FundingYear year, FundingState state, ref MoneyLedger ledger, ReceivedMoney received);

    /// <summary>
    /// What may move between themes, and what may wait: the money region <paramref name="region"/> may spend in year
    /// <paramref name="year"/> restricted to each theme (<paramref name="themeMoneyGbp"/> [theme]), the part of it that
    /// is due this year and cannot be held for later (<paramref name="dueThemeMoneyGbp"/> [theme]), and the money free
    /// to go to any programme.
    /// </summary>
    void SpendableThisYear(FundingState state, int region, int year, FundingParameters funding, Span<double> themeMoneyGbp,
        Span<double> dueThemeMoneyGbp, out double flexibleMoneyGbp);

    /// <summary>Money region <paramref name="region"/> holds in its pots, unspent, £.</summary>
    double HeldGbp(FundingState state, int region);

    /// <summary>Debits theme money spent on a programme of <paramref name="theme"/>.</summary>
    void SpendFromTheme(FundingState state, int region, Theme theme, double amountGbp);

    /// <summary>Debits flexible money spent, at most the region's flexible balance.</summary>
    void SpendFlexible(FundingState state, int region, double amountGbp);

    /// <summary>
    /// The settlement's end-of-year rules for region <paramref name="region"/>: deadlines (forfeiture and extensions),
    /// and reviews against an outcomes framework, recorded in the ledger.
    /// </summary>
    void EndOfYear(FundingState state, int region, int year, FundingParameters funding, ref MoneyLedger ledger);

    /// <summary>Whether part of the money is won by competitive bids (then capacity also raises bid success).</summary>
    bool AwardsByCompetition { get; }

    /// <summary>The ICB's share of its whole allocation pooled with the mayor each year.</summary>
    double IcbAllocationPooledShare(PolicyLevers levers);

    /// <summary>Whether the ICB pools part of its prevention budget whatever the partnership.</summary>
    bool PoolsIcbPrevention { get; }

    /// <summary>The mayor's analytical capacity at the start of a variant, given the lever.</summary>
    double StartAnalyticalCapacity(double lever, PoliticsParameters politics);
}

/// <summary>What a settlement needs to pay one year's money.</summary>
/// <param name="Year">Simulated year (0 = first).</param>
/// <param name="FundingFactor">1, or 1 − the cut in a funding-cut year.</param>
/// <param name="Levers">The variant's levers.</param>
/// <param name="Parameters">The replication's parameters.</param>
/// <param name="RegionPopulation">[region] residents at the start.</param>
/// <param name="Capacity">[region] the mayoralty's capacity this year.</param>
/// <param name="Random">The replication's random streams (Bids, Churn).</param>
internal readonly ref struct FundingYear(int Year, double FundingFactor, PolicyLevers Levers, ModelParameters Parameters,
    ReadOnlySpan<double> RegionPopulation, ReadOnlySpan<double> Capacity, ReplicationRandom Random)
{
    /// <summary>Simulated year (0 = first).</summary>
    public int Year { get; } = Year;
    /// <summary>1, or 1 − the cut in a funding-cut year.</summary>
    public double FundingFactor { get; } = FundingFactor;
    /// <summary>The variant's levers.</summary>
    public PolicyLevers Levers { get; } = Levers;
    /// <summary>The replication's parameters.</summary>
    public ModelParameters Parameters { get; } = Parameters;
    /// <summary>[region] residents at the start.</summary>
    public ReadOnlySpan<double> RegionPopulation { get; } = RegionPopulation;
    /// <summary>[region] the mayoralty's capacity this year.</summary>
    public ReadOnlySpan<double> Capacity { get; } = Capacity;
    /// <summary>The replication's random streams.</summary>
    public ReplicationRandom Random { get; } = Random;

    /// <summary>Region <paramref name="region"/>'s notional money of theme share <paramref name="themeShare"/> this year, £.</summary>
    public double NotionalGbp(int region, double themeShare) => Levers.FundingPerHeadGbp * RegionPopulation[region] * FundingFactor * themeShare;
}

/// <summary>Where a settlement records what each region received: the mayor's term record and the variant's total.</summary>
/// <param name="ThisTermGbp">[region] received this term for programmes, £: what the mayor's spending is judged against at elections.</param>
/// <param name="TotalGbp">[region] received over the variant, all of it, £.</param>
internal readonly ref struct ReceivedMoney(Span<double> ThisTermGbp, Span<double> TotalGbp)
{
    private readonly Span<double> _thisTerm = ThisTermGbp, _total = TotalGbp;

    /// <summary>
    /// Records <paramref name="amountGbp"/> received by <paramref name="region"/>, of which <paramref name="forProgrammesGbp"/>
    /// is for the mayor's programmes (the rest, the non-health share, is spent on skills and buses as it arrives).
    /// </summary>
    public void Add(int region, double amountGbp, double forProgrammesGbp)
    {
        _thisTerm[region] += forProgrammesGbp;
        _total[region] += amountGbp;
    }
}

/// <summary>
/// A devolution settlement as scenarios, levers and outputs name it: its snake_case name, what it is, and the levers
/// only it reads. Its rules (how money arrives, what may move, what is clawed back, what investors perceive) are the
/// model's, behind it; the settlements are the entries of <see cref="SettlementCatalogue"/>.
/// </summary>
public sealed class Settlement
{
    internal Settlement(ISettlement rules) => Rules = rules;

    /// <summary>snake_case name, as in scenario files and outputs.</summary>
    public string Name => Rules.Name;

    /// <summary>What it is, in a sentence.</summary>
    public string Description => Rules.Description;

    /// <summary>Plain-English label for charts and pages ("Single pot").</summary>
    public string Label => Rules.Label;

    /// <summary>The levers (snake_case names of <see cref="PolicyLevers"/>) only this kind of settlement reads; others ignore them.</summary>
    public ImmutableArray<string> OwnLevers => Rules.OwnLevers;

    /// <summary>True when the ICB pools its prevention money under this settlement whatever the mayor–ICB partnership.</summary>
    internal bool PoolsIcbPrevention => Rules.PoolsIcbPrevention;

    /// <summary>The mayor's analytical capacity at the start under this settlement, from the lever's value (a settlement may set a floor).</summary>
    internal double StartAnalyticalCapacity(double lever, Scenarios.PoliticsParameters politics) => Rules.StartAnalyticalCapacity(lever, politics);

    /// <summary>The rules the engine applies.</summary>
    internal ISettlement Rules { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>The settlements a variant may choose, by name.</summary>
public static class SettlementCatalogue
{
    /// <summary>Today's tied, ring-fenced, competitively bid grants.</summary>
    public static readonly Settlement TiedGrants = new(new TiedGrants());

    /// <summary>One multi-year budget, flexible across themes up to the flexibility share.</summary>
    public static readonly Settlement SinglePot = new(new SinglePotSettlement());

    /// <summary>A single pot plus a share of the ICB's allocation pooled with the mayor (Greater Manchester-like).</summary>
    public static readonly Settlement HealthDevolution = new(new HealthDevolution());

    /// <summary>Every settlement, in the order scenario files and pages list them.</summary>
    public static readonly ImmutableArray<Settlement> All = [TiedGrants, SinglePot, HealthDevolution];

    /// <summary>The names, in order.</summary>
    public static readonly ImmutableArray<string> Names = [.. All.Select(s => s.Name)];

    /// <summary>The settlement named <paramref name="name"/>, or null.</summary>
    public static Settlement? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
