using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Mayors;

/// <summary>
/// The mayoralty's state over a variant: how it starts, how capacity built above the class level erodes, which
/// zones a mayor targets, and how much of a planning standard the mayor can impose.
/// </summary>
internal static class Mayoralty
{
    /// <summary>Capacity of a mayoralty of <paramref name="capacityClass"/>.</summary>
    public static double ClassCapacity(CapacityClass capacityClass, PoliticsParameters politics) => capacityClass switch
    {
        CapacityClass.Established => politics.EstablishedCapacity,
        CapacityClass.Developing => politics.DevelopingCapacity,
        _ => politics.NewCapacity,
    };

    /// <summary>
    /// Start of a variant: capacity at the class level, commitment as the lever, the start political capital, analytical
    /// capacity as the settlement sets it from the lever, an empty delivery record, and each zone's targeting weight.
    /// </summary>
    public static void Start(MayorState mayors, RegionState regions, ZoneState zones, PolicyLevers levers, ISettlement settlement, PoliticsParameters politics)
    {
        for (int r = 0; r < mayors.Count; r++)
        {
            mayors.Capacity[r] = ClassCapacity(regions.CapacityClass[r], politics);
            mayors.Commitment[r] = levers.MissionCommitment;
            mayors.PoliticalCapital[r] = politics.StartPoliticalCapital;
            mayors.AnalyticalCapacity[r] = settlement.StartAnalyticalCapacity(levers.AnalyticalCapacity, politics);
            mayors.StandardApplied[r] = 0;
            mayors.HomesThisTerm[r] = mayors.SpentThisTermGbp[r] = mayors.ReceivedThisTermGbp[r] = mayors.ReceivedTotalGbp[r] = 0;
            mayors.MayorsElected[r] = 0;
            SetTargeting(mayors, regions, zones, r, politics.TargetingTilt);
        }
    }

    /// <summary>
    /// Weight on a zone when a mayor targets spending: proportional to population, tilted towards deprived zones
    /// by mission commitment (proportionate universalism): population × e^(tilt × commitment × deprivation score).
    /// </summary>
    public static double TargetingWeight(double population, double deprivationScore, double missionCommitment, double tilt) =>
        population * Math.Exp(tilt * missionCommitment * deprivationScore);

    /// <summary>Sets the targeting weight per resident of each zone of <paramref name="region"/> from its mayor's commitment.</summary>
    public static void SetTargeting(MayorState mayors, RegionState regions, ZoneState zones, int region, double tilt)
    {
        foreach (int z in regions.ZonesOf(region))
            mayors.ZoneTargetingWeight[z] = TargetingWeight(1, DiseaseBaseline.DeprivationScore(zones.Decile[z]), mayors.Commitment[region], tilt);
    }

    /// <summary>
    /// The planning health standard actually imposed: what the mayor seeks, limited by planning powers
    /// and scaled by political capital: a mayor with none can enforce a share <paramref name="withoutCapital"/> of it, one
    /// with full capital all of it, linearly in between.
    /// </summary>
    public static double AppliedPlanningStandard(double sought, double planningPowers, double politicalCapital, double withoutCapital) =>
        Math.Min(sought, planningPowers) * (withoutCapital + (1 - withoutCapital) * Math.Clamp(politicalCapital, 0, 1));

    /// <summary>Each mayor applies this year's planning standard and spends political capital on it.</summary>
    public static void ApplyPlanningStandards(MayorState mayors, double soughtStandard, PoliticsParameters politics)
    {
        for (int r = 0; r < mayors.Count; r++)
        {
            mayors.StandardApplied[r] = AppliedPlanningStandard(soughtStandard, politics.PlanningPowers, mayors.PoliticalCapital[r], politics.StandardAppliedWithoutCapital);
            mayors.PoliticalCapital[r] = Math.Clamp(mayors.PoliticalCapital[r] - politics.StandardPoliticalCostPerYear * mayors.StandardApplied[r], 0, 1);
        }
    }

    /// <summary>End of a year: capacity built above the mayoralty's class level erodes without reinvestment (staff turnover).</summary>
    public static void DecayCapacity(MayorState mayors, RegionState regions, ModelParameters parameters)
    {
        double decay = parameters.Programmes.CapacityDecayPerYear;
        for (int r = 0; r < mayors.Count; r++)
        {
            double floor = ClassCapacity(regions.CapacityClass[r], parameters.Politics);
            if (mayors.Capacity[r] > floor) mayors.Capacity[r] = floor + (mayors.Capacity[r] - floor) * (1 - decay);
        }
    }
}
