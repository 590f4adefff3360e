using System.Globalization;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Runner.Web;

/// <summary>Whether moving a lever can change anything under a setting, and why not.</summary>
/// <param name="Lever">The lever's snake_case name.</param>
/// <param name="Active">False when no value the slider can take changes any result under this setting.</param>
/// <param name="Note">Why it has no effect, or where only part of its range matters; empty when it simply works.</param>
internal sealed record LeverEffect(string Lever, bool Active, string Note);

/// <summary>
/// Which levers do nothing under a setting, read from the model's own rules rather than guessed: the levers only other
/// settlements read (<see cref="Settlement.OwnLevers"/>), a settlement's floor on analytical capacity
/// (<see cref="Settlement.StartAnalyticalCapacity"/>), and the ICB's pooling rule (a settlement that pools prevention
/// money whatever the partnership; otherwise a ramp around the partnership threshold). A test checks every
/// claim of "no effect" against simulations.
/// </summary>
internal static class LeverEffects
{
    public static IReadOnlyList<LeverEffect> For(PolicyLevers levers, ModelParameters parameters)
    {
        var settlement = levers.Settlement;
        var effects = new List<LeverEffect>();
        foreach (var lever in LeverPaths.Numeric)
        {
            var owners = SettlementCatalogue.All.Where(s => s.OwnLevers.Contains(lever.Name)).ToList();
            if (owners.Count > 0 && !owners.Contains(settlement))
            {
                effects.Add(new LeverEffect(lever.Name, false,
                    $"No effect under {settlement.Label.ToLowerInvariant()}: only {string.Join(" and ", owners.Select(o => o.Label.ToLowerInvariant()))} read{(owners.Count == 1 ? "s" : "")} it."));
                continue;
            }
            effects.Add(lever.Name switch
            {
                "analytical_capacity" => AnalyticalCapacity(levers, parameters),
                "icb_partnership" => Partnership(levers, parameters),
                _ => new LeverEffect(lever.Name, true, ""),
            });
        }
        return effects;
    }

    private static LeverEffect AnalyticalCapacity(PolicyLevers levers, ModelParameters parameters)
    {
        var settlement = levers.Settlement;
        double floor = settlement.StartAnalyticalCapacity(0, parameters.Politics);
        if (floor <= 0) return new LeverEffect("analytical_capacity", true, "");
        string text = floor.ToString("0.##", CultureInfo.InvariantCulture);
        return levers.AnalyticalCapacity <= floor
            ? new LeverEffect("analytical_capacity", false, $"No effect at {levers.AnalyticalCapacity.ToString("0.##", CultureInfo.InvariantCulture)}: {settlement.Label.ToLowerInvariant()} brings analytical capacity of at least {text}, so every value up to {text} gives {text}.")
            : new LeverEffect("analytical_capacity", true, $"Values up to {text} have no effect: {settlement.Label.ToLowerInvariant()} brings at least {text}.");
    }

    private static LeverEffect Partnership(PolicyLevers levers, ModelParameters parameters)
    {
        const string counted = "the partnership is also the share of NHS savings a mayor with analytical capacity counts as its business, and it grows with joint work";
        if (levers.Settlement.PoolsIcbPrevention)
            return new LeverEffect("icb_partnership", true,
                $"Under {levers.Settlement.Label.ToLowerInvariant()} the ICB pools its prevention money with the mayor whatever the partnership; {counted}.");
        var icb = parameters.Icb;
        string low = (icb.PartnershipPoolingThreshold - icb.PoolingRampWidth / 2).ToString("0.##", CultureInfo.InvariantCulture);
        string high = (icb.PartnershipPoolingThreshold + icb.PoolingRampWidth / 2).ToString("0.##", CultureInfo.InvariantCulture);
        string share = (icb.PartnershipPooledPreventionShare * 100).ToString("0", CultureInfo.InvariantCulture);
        return new LeverEffect("icb_partnership", true,
            $"The ICB pools nothing with the mayor below {low} and {share}% of its prevention budget from {high}, rising in between; {counted}.");
    }
}
