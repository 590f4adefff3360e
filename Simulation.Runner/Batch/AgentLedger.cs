using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// Where costs and savings land: each agent type's money position in a variant, from its outcomes, so that
/// the change against the first variant shows who gains and who pays (positive = gain).
/// <list type="bullet">
/// <item>ICB: minus NHS treatment costs (discounted 3.5%) minus money it pooled with the mayor.</item>
/// <item>Mayor: minus money lost to competitive bids and to clawback of unspent tied grants.</item>
/// <item>Developers: expected profit on the schemes they started.</item>
/// <item>Investors: private lenders' finance income on those schemes.</item>
/// </list>
/// </summary>
internal static class AgentLedger
{
    public static readonly string[] Agents = ["ICB", "Mayor", "Developers", "Investors"];
    public static readonly string[] SnakeNames = ["icb", "mayor", "developers", "investors"];
    public static int Count => Agents.Length;

    /// <summary>Agent <paramref name="agent"/>'s money position, £, from one variant's outcomes.</summary>
    public static double PositionGbp(int agent, ReadOnlySpan<double> outcomes) => agent switch
    {
        0 => -outcomes[StandardOutcomes.NhsCostGbp] - outcomes[StandardOutcomes.IcbPooledGbp],
        1 => -outcomes[StandardOutcomes.BiddingCostGbp] - outcomes[StandardOutcomes.ClawbackGbp],
        2 => outcomes[StandardOutcomes.DeveloperProfitGbp],
        3 => outcomes[StandardOutcomes.InvestorReturnGbp],
        _ => throw new ArgumentOutOfRangeException(nameof(agent)),
    };
}
