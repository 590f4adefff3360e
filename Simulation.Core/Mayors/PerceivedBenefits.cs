using UrbanSim.Core.Health;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Mayors;

/// <summary>
/// What a mayor believes each programme is worth per £ this year: non-health benefit weighted by (1 − mission
/// commitment), health value weighted by commitment × analytical capacity; the marginal health value falls as the
/// region's cumulative spend saturates the programme's response.
/// </summary>
internal static class PerceivedBenefits
{
    /// <summary>
    /// The benefit per £ a mayor perceives from a programme: non-health benefits weighted by
    /// (1 − mission commitment), health value weighted by commitment × analytical capacity.
    /// Without analytical capacity (0) health benefits are not counted at all; with full capacity
    /// they are counted in full (HAUS-like valuation).
    /// </summary>
    public static double PerGbp(double otherBenefitPerGbp, double healthValuePerGbp, double missionCommitment, double analyticalCapacity) =>
        (1 - missionCommitment) * otherBenefitPerGbp + missionCommitment * analyticalCapacity * healthValuePerGbp;

    /// <summary>
    /// Region <paramref name="region"/>'s perceived marginal benefit per £ of each programme at zero spend this year, the
    /// spend at which it has fallen by a factor e (saturation), and the most it can usefully spend this year (cap).
    /// Zonal programmes: slope of their saturating response at the region's cumulative spend per head × the
    /// appraised value of what they change, counted over the appraisal years (<paramref name="annuity"/>); cold home
    /// retrofit: the cold-home share a £ removes × its value, capped by the cold homes left; site remediation: no
    /// health value, capped by the remediation that would unlock sites; capacity: its non-health value falls as
    /// capacity approaches 1, halved where no money is won by competition.
    /// </summary>
    public static void Set(int region, double population, double annuity, bool awardsByCompetition, WorldState world,
        ProgrammeSettings settings, MayorState mayors, double remediationNeedGbp,
        Span<double> cumulativePerHead, Span<double> benefit, Span<double> saturation, Span<double> cap)
    {
        var catalogue = settings.Catalogue;
        int zones = world.ZoneCount;
        // Population-weighted cumulative spend per head already in place: marginal effects saturate.
        cumulativePerHead.Clear();
        double coldHomes = 0, dwellings = 0;
        foreach (int z in world.Regions.ZonesOf(region))
        {
            double people = world.Health.ZoneTotal[z];
            dwellings += world.Homes.Dwellings[z];
            for (int slot = 0; slot < catalogue.ZonalCount; slot++)
                cumulativePerHead[slot] += people * world.Programmes.EffectiveSpendPerHeadGbp[slot * zones + z];
            coldHomes += world.Homes.ColdHomes[z];
        }
        for (int slot = 0; slot < catalogue.ZonalCount; slot++) cumulativePerHead[slot] /= population;
        var exposureValue = mayors.ExposureValueGbp.AsSpan(region * ExposureCatalogue.Count, ExposureCatalogue.Count);
        double c = mayors.Commitment[region], a = mayors.AnalyticalCapacity[region];
        for (int p = 0; p < catalogue.Count; p++)
        {
            double scale = settings.ScaleGbpPerHead[p];
            double other = settings.OtherBenefitPerGbp[p];
            double health = 0;
            saturation[p] = double.PositiveInfinity;
            cap[p] = double.PositiveInfinity;
            switch (catalogue.All[p].Delivery)
            {
                case DeliveryKind.ZonalSaturating:
                {
                    int slot = catalogue.ZonalSlot(p);
                    double cumulative = cumulativePerHead[slot];
                    for (int e = 0; e < ExposureCatalogue.Count; e++)
                    {
                        double max = settings.MaxImprovement[slot * ExposureCatalogue.Count + e];
                        if (max != 0) health += max / scale * Math.Exp(-cumulative / scale) * exposureValue[e];
                    }
                    var incidence = catalogue.All[p].IncidenceEffects;
                    if (!incidence.IsEmpty)
                    {
                        double max = settings.MaxIncidenceReductionOf(slot, incidence[0].Diseases[0]);
                        health += max / scale * Math.Exp(-cumulative / scale) * mayors.ProgrammeIncidenceValueGbp[region * mayors.Programmes + p];
                    }
                    health *= annuity;
                    saturation[p] = scale * population;
                    break;
                }
                case DeliveryKind.ColdHomeRetrofit:
                {
                    double coldSharePerGbp = dwellings > 0 ? 1 / (settings.UnitCostGbp[p] * dwellings) : 0;
                    health = coldSharePerGbp * population * exposureValue[(int)Exposure.ColdHomes] * annuity;
                    cap[p] = coldHomes * settings.UnitCostGbp[p];
                    break;
                }
                case DeliveryKind.SiteRemediation:
                    cap[p] = remediationNeedGbp;
                    break;
                case DeliveryKind.MayoralCapacity:
                    // Capacity raises bid success (where money is won by competition) and analytical capacity; elsewhere only the latter.
                    other = other * (awardsByCompetition ? 1 : 0.5) * (1 - mayors.Capacity[region]);
                    saturation[p] = scale * population;
                    break;
            }
            benefit[p] = PerGbp(other, health, c, a);
        }
    }
}
