using UrbanSim.Core.Health;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Mayors;

/// <summary>
/// What a mayor believes each programme is worth per £ this year: non-health benefit weighted by (1 − mission
/// commitment), the health value the mayoralty believes in (<see cref="MayorKnowledge"/>: what analytical capacity
/// lets it see) weighted by commitment; both fall as the programme's stock saturates its response.
/// </summary>
internal static class PerceivedBenefits
{
    /// <summary>
    /// The benefit per £ a mayor perceives from a programme: (1 − mission commitment) × non-health benefit +
    /// commitment × the health value it believes in. Analytical capacity acts through that belief (what is seen, how
    /// biased, how wrong), not as a weight, so it changes the choice even at full commitment, and a fully committed
    /// mayor without capacity still acts on what it can see.
    /// </summary>
    public static double PerGbp(double otherBenefitPerGbp, double believedHealthValuePerGbp, double missionCommitment) =>
        (1 - missionCommitment) * otherBenefitPerGbp + missionCommitment * believedHealthValuePerGbp;

    /// <summary>
    /// Region <paramref name="region"/>'s perceived marginal benefit per £ of each programme at zero spend this year, the
    /// spend at which it has fallen by a factor e (saturation), and the most it can usefully spend this year (cap).
    /// Area schemes: the next scheme's health value (the mayor's appraisal of the exposure changes it brings in its zone,
    /// counted over the appraisal years as its stock depreciates) and its non-health benefit (the first scheme's, scaled by
    /// how much response the next scheme still adds), per £ of its whole-life cost (capital plus upkeep); prevention: the
    /// slope of its response at the region's stock × the value of the incidence it cuts; cold home retrofit: the
    /// cold-home share a £ removes × its value, capped by the cold homes left and falling over half their cost; site
    /// remediation: no health value, capped by the remediation that would unlock sites and falling over half of it; capacity: its non-health value falls as capacity approaches 1,
    /// scaled by `politics.capacity_value_without_competition` where no money is won by competition. Caps include what the mayoralty can deliver in a year.
    /// </summary>
    public static void Set(in BenefitContext c, int region, double population, WorldState world, MayorState mayors,
        Span<double> benefit, Span<double> saturation, Span<double> cap)
    {
        var settings = c.Settings;
        var catalogue = settings.Catalogue;
        var zonesOf = world.Regions.ZonesOf(region);
        double coldHomes = 0, dwellings = 0;
        foreach (int z in zonesOf) { dwellings += world.Homes.Dwellings[z]; coldHomes += world.Homes.ColdHomes[z]; }
        var exposureValue = mayors.ExposureValueGbp.AsSpan(region * ExposureCatalogue.Count, ExposureCatalogue.Count);
        var diseaseValue = mayors.DiseaseIncidenceValueGbp.AsSpan(region * DiseaseCatalogue.Count, DiseaseCatalogue.Count);
        double commitment = mayors.Commitment[region], analytical = mayors.AnalyticalCapacity[region];
        var politics = c.Politics;
        double deliveryFactor = DeliveryFactor(mayors.Capacity[region], politics.DeliveryShareWithoutCapacity);
        double visibilityBias = politics.VisibilityBias;
        for (int p = 0; p < catalogue.Count; p++)
        {
            double other = settings.OtherBenefitPerGbp[p];
            double health = 0;
            saturation[p] = double.PositiveInfinity;
            cap[p] = settings.DeliveryGbpPerHeadPerYear[p] * deliveryFactor * population;
            int slot = catalogue.StockSlot(p);
            double years = settings.AppraisedHealthYears[p];
            switch (catalogue.All[p].Delivery)
            {
                case DeliveryKind.AreaSchemes:
                {
                    double dose = settings.DoseGbpPerHead[p];
                    int[] effects = settings.ExposureEffectsOf[p];
                    // The zone the next scheme would go to: the highest targeting weight × gain, as delivery chooses it.
                    var gain = c.ZoneGain.AsSpan(p * world.ZoneCount, world.ZoneCount);
                    var scheme = new SchemeContext(world, settings, zonesOf, mayors.ZoneTargetingWeight, catalogue.All[p].Targeting, exposureValue, gain);
                    if (c.Reference) foreach (int z in zonesOf) gain[z] = ProgrammeDelivery.WeightedGain(scheme, settings, effects, slot, z, dose);
                    else ProgrammeDelivery.SetWeightedGains(scheme, settings, effects, slot, dose);
                    int best = -1;
                    double bestPriority = 0;
                    foreach (int z in zonesOf)
                        if (gain[z] > bestPriority) { bestPriority = gain[z]; best = z; }
                    if (best < 0) { other = 0; break; }
                    // Health: the next scheme's appraised value per resident a year, over its years; per £ of dose.
                    double valued = 0, unvalued;
                    {
                        int z = best;
                        Span<double> added = stackalloc double[effects.Length];
                        ProgrammeDelivery.AddedResponses(settings, effects, world.Programmes.CommittedGbpPerHead(slot, z), dose, added);
                        for (int e = 0; e < effects.Length; e++)
                        {
                            var effect = settings.ExposureEffects[effects[e]];
                            valued += exposureValue[(int)effect.Exposure] * effect.FullChange(world.Exposures.StartOf(effect.Exposure)[z]) * added[e];
                        }
                        // Non-health benefit saturates with the same stock as the first effect's response.
                        double first = settings.FirstSchemeResponse[p];
                        unvalued = first > 0 ? added[0] / first : 0;
                    }
                    double wholeLifeCost = 1 + settings.UpkeepSharePerYear[p] * settings.AppraisedCostYears[p];
                    health = valued * years / dose / wholeLifeCost;
                    other *= unvalued / wholeLifeCost;
                    saturation[p] = dose * population;
                    break;
                }
                case DeliveryKind.PopulationService:
                {
                    // The region's committed stock per resident (population-weighted), and the slope of each effect there.
                    double stock = 0;
                    foreach (int z in zonesOf) stock += world.Programmes.Residents[z] * world.Programmes.CommittedGbpPerHead(slot, z);
                    stock /= population;
                    int[] effects = settings.IncidenceEffectsOf[p];
                    foreach (int i in effects)
                    {
                        var effect = settings.IncidenceEffects[i];
                        health += effect.MaxReduction * StockResponse.Slope(stock, effect.HalfResponseGbpPerHead, effect.Exponent) * diseaseValue[(int)effect.Disease];
                    }
                    health *= years;
                    var main = settings.IncidenceEffects[effects[0]];
                    double slopeAtZero = StockResponse.Slope(0, main.HalfResponseGbpPerHead, main.Exponent);
                    other *= slopeAtZero > 0 && double.IsFinite(slopeAtZero) ? StockResponse.Slope(stock, main.HalfResponseGbpPerHead, main.Exponent) / slopeAtZero : 1;
                    // The marginal value of a Michaelis–Menten response halves as stock rises by about (K + K½)/2 per resident.
                    saturation[p] = Math.Max(1e-9, (stock + main.HalfResponseGbpPerHead) / 2) * population;
                    break;
                }
                case DeliveryKind.ColdHomeRetrofit:
                {
                    double coldSharePerGbp = dwellings > 0 ? 1 / (settings.UnitCostGbp[p] * dwellings) : 0;
                    health = coldSharePerGbp * population * exposureValue[(int)Exposure.ColdHomes] * years;
                    cap[p] = Math.Min(cap[p], coldHomes * settings.UnitCostGbp[p]);
                    // The coldest, cheapest homes are reached first: the marginal benefit halves (as e-folds) over about
                    // a share (politics.remedy_saturation_share) of what remedying every cold home would cost, so spending shifts smoothly, not all-or-nothing.
                    saturation[p] = RemedySaturationGbp(coldHomes * settings.UnitCostGbp[p], politics.RemedySaturationShare);
                    break;
                }
                case DeliveryKind.SiteRemediation:
                    cap[p] = Math.Min(cap[p], c.RemediationNeedGbp);
                    // The sites that unlock most homes for their cost come first (the same smooth fall as warm homes).
                    saturation[p] = RemedySaturationGbp(c.RemediationNeedGbp, politics.RemedySaturationShare);
                    break;
                case DeliveryKind.MayoralCapacity:
                    // Capacity raises bid success (where money is won by competition) as well as delivery and analytical capacity;
                    // elsewhere the mayor sees only a share of that value.
                    other = CapacityOtherBenefitPerGbp(other, c.AwardsByCompetition, politics.CapacityValueWithoutCompetition, mayors.Capacity[region]);
                    saturation[p] = settings.ScaleGbpPerHead[p] * population;
                    break;
            }
            health *= MayorKnowledge.ProgrammeFactor(catalogue.All[p].Visibility, visibilityBias, analytical, mayors.BeliefError[region * catalogue.Count + p]);
            benefit[p] = PerGbp(other, health, commitment);
        }
    }

    /// <summary>
    /// The spend at which a remedy programme's (warm homes', site assembly's) perceived marginal benefit has fallen by a
    /// factor e: a share of what remedying all that is left would cost (the cheapest first), at least £1.
    /// </summary>
    public static double RemedySaturationGbp(double costOfRemedyingAllGbp, double saturationShare) =>
        Math.Max(1, costOfRemedyingAllGbp * saturationShare);

    /// <summary>
    /// Capacity spending's perceived non-health benefit per £: its full value where money is won by competition, a share
    /// <paramref name="valueWithoutCompetition"/> of it elsewhere, falling to 0 as capacity <paramref name="capacity"/> nears 1.
    /// </summary>
    public static double CapacityOtherBenefitPerGbp(double otherBenefitPerGbp, bool awardsByCompetition, double valueWithoutCompetition, double capacity) =>
        otherBenefitPerGbp * (awardsByCompetition ? 1 : valueWithoutCompetition) * (1 - capacity);

    /// <summary>
    /// Share of a programme's full delivery capacity a mayoralty of capacity <paramref name="capacity"/> (0–1) reaches:
    /// <paramref name="withoutCapacity"/> with no capacity, all of it with full capacity, linearly in between.
    /// </summary>
    public static double DeliveryFactor(double capacity, double withoutCapacity) => withoutCapacity + (1 - withoutCapacity) * Math.Clamp(capacity, 0, 1);
}

/// <summary>What the mayor's perceived benefits read besides the world and the mayors.</summary>
/// <param name="Settings">The replication's programme settings.</param>
/// <param name="AwardsByCompetition">Whether the settlement awards money by competition (capacity then raises bid success).</param>
/// <param name="RemediationNeedGbp">The region's remediation that would unlock sites this year, £.</param>
/// <param name="Politics">The mayors' parameters: the bias towards visible schemes, delivery without capacity, what capacity is worth
/// where money is not won by competition, and how fast remedy programmes saturate.</param>
/// <param name="ZoneGain">[programme * zones + zone] each zone's weighted gain of a further scheme of each area programme,
/// written here and read by delivery.</param>
/// <param name="Reference">Whether this is the plain reference kernel (each zone's gain computed on its own, as delivery's reference does).</param>
internal readonly record struct BenefitContext(ProgrammeSettings Settings, bool AwardsByCompetition, double RemediationNeedGbp,
    PoliticsParameters Politics, double[] ZoneGain, bool Reference = false);
