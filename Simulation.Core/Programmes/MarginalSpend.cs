namespace UrbanSim.Core.Programmes;

/// <summary>
/// Extra money for one programme in one region, every year, paid by central government on top of the settlement and
/// spent through the programme's delivery rule after the mayor's own allocation: the probe of a marginal
/// cost-effectiveness analysis (<c>urbansim programmes</c>). The mayor's own decisions respond to it as they would to
/// any change in the world (a scheme already built is not built again).
/// </summary>
/// <param name="Region">Region index, in the order of the world's regions; <see cref="EveryRegion"/> for all of them.</param>
/// <param name="Programme">Programme index in the scenario's catalogue.</param>
/// <param name="GbpPerHeadPerYear">Extra money per resident of the region per year, £.</param>
internal sealed record MarginalSpend(int Region, int Programme, double GbpPerHeadPerYear)
{
    /// <summary>The <see cref="Region"/> that means every region.</summary>
    public const int EveryRegion = -1;

    /// <summary>Whether the extra money goes to region <paramref name="region"/>.</summary>
    public bool Reaches(int region) => Region == EveryRegion || Region == region;
}
