using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// Where costs and savings land: each agent type's money position in a variant, from its outcomes, so that
/// the change against the first variant shows who gains and who pays (positive = gain).
/// <list type="bullet">
/// <item>ICB: minus NHS treatment costs (discounted 3.5%) minus money it pooled with the mayor.</item>
/// <item>Mayor: minus money lost to competitive bids and to clawback of unspent tied grants.</item>
/// <item>Developers: the firms' realised profit on the schemes whose homes they sold, at the prices when they sold, less
/// their overheads and the equity failed firms lost (<c>developers_realised_profit_gbp</c> summed over regions): a
/// recession's losses are theirs.</item>
/// <item>Lenders: private lenders' finance income on the schemes started, less their losses on loans to firms that
/// failed (<c>lenders_losses_gbp</c> summed over regions).</item>
/// </list>
/// </summary>
internal static class AgentLedger
{
    public static readonly string[] Agents = ["ICB", "Mayor", "Developers", "Lenders"];
    public static readonly string[] SnakeNames = ["icb", "mayor", "developers", "lenders"];
    public static int Count => Agents.Length;

    /// <summary>
    /// Agent <paramref name="agent"/>'s money position, £, from one variant's outcomes and its region outcomes
    /// ([region * <see cref="RegionOutcomes.Count"/> + quantity], every region).
    /// </summary>
    public static double PositionGbp(int agent, ReadOnlySpan<double> outcomes, ReadOnlySpan<double> regionOutcomes) => agent switch
    {
        0 => -outcomes[StandardOutcomes.NhsCostGbp] - outcomes[StandardOutcomes.IcbPooledGbp],
        1 => -outcomes[StandardOutcomes.BiddingCostGbp] - outcomes[StandardOutcomes.ClawbackGbp],
        2 => SumOverRegions(regionOutcomes, RegionOutcomes.DevelopersRealisedProfitGbp),
        3 => outcomes[StandardOutcomes.InvestorReturnGbp] - SumOverRegions(regionOutcomes, RegionOutcomes.LendersLossesGbp),
        _ => throw new ArgumentOutOfRangeException(nameof(agent)),
    };

    private static double SumOverRegions(ReadOnlySpan<double> regionOutcomes, int quantity)
    {
        double sum = 0;
        for (int at = quantity; at < regionOutcomes.Length; at += RegionOutcomes.Count) sum += regionOutcomes[at];
        return sum;
    }
}
