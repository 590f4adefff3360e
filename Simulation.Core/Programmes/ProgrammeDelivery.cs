using UrbanSim.Core.World;

namespace UrbanSim.Core.Programmes;

/// <summary>How each kind of programme (<see cref="DeliveryKind"/>) turns money into change in a region's zones.</summary>
internal static class ProgrammeDelivery
{
    /// <summary>
    /// Each zone's share of a region's zonal programme money, per resident: the zone gets population × weight /
    /// Σ (population × weight) of the money, so per resident that is weight / Σ. Weights are the mayor's targeting
    /// weights (proportionate universalism) or 1 (universal). Returns false when no zone can receive money.
    /// </summary>
    public static bool SetSpreadPerResident(ReadOnlySpan<int> zonesOfRegion, ReadOnlySpan<double> zonePopulation,
        ReadOnlySpan<double> targetingWeight, Targeting targeting, Span<double> spreadPerResident)
    {
        double total = 0;
        foreach (int z in zonesOfRegion) total += zonePopulation[z] * Weight(targetingWeight, targeting, z);
        foreach (int z in zonesOfRegion)
        {
            double w = Weight(targetingWeight, targeting, z);
            spreadPerResident[z] = total > 0 && zonePopulation[z] > 0 && w > 0 ? w / total : 0;
        }
        return total > 0;
    }

    private static double Weight(ReadOnlySpan<double> targetingWeight, Targeting targeting, int zone) =>
        targeting == Targeting.ProportionateUniversalism ? targetingWeight[zone] : 1;

    /// <summary>
    /// Queues a zonal programme's spend in the region's zones (shares from <see cref="SetSpreadPerResident"/>) for the
    /// year it takes effect; returns what was spent (all of it, or nothing when no zone can receive it).
    /// </summary>
    public static double SpreadAcrossZones(ProgrammeState programmes, ReadOnlySpan<int> zonesOfRegion, ReadOnlySpan<double> spreadPerResident,
        bool spreadPossible, int slot, double amountGbp, int effectiveYear)
    {
        if (!spreadPossible) return 0;
        var pending = programmes.PendingOf(slot, effectiveYear);
        foreach (int z in zonesOfRegion) pending[z] += amountGbp * spreadPerResident[z];
        return amountGbp;
    }

    /// <summary>
    /// Retrofits cold homes: the money is shared between zones by cold homes × targeting weight, and buys homes at the
    /// unit cost, at most the zone's cold homes. Takes effect at once; returns what was spent.
    /// </summary>
    public static double RetrofitColdHomes(HousingStock homes, ReadOnlySpan<int> zonesOfRegion, ReadOnlySpan<double> targetingWeight,
        Targeting targeting, double costPerHomeGbp, double amountGbp, Span<double> zoneWeight)
    {
        double total = 0;
        foreach (int z in zonesOfRegion)
        {
            zoneWeight[z] = homes.ColdHomes[z] * Weight(targetingWeight, targeting, z);
            total += zoneWeight[z];
        }
        if (total <= 0) return 0;
        double spent = 0;
        foreach (int z in zonesOfRegion)
        {
            if (zoneWeight[z] <= 0) continue;
            double retrofitted = Math.Min(homes.ColdHomes[z], amountGbp * zoneWeight[z] / total / costPerHomeGbp);
            homes.ColdHomes[z] -= retrofitted;
            spent += retrofitted * costPerHomeGbp;
        }
        return spent;
    }

    /// <summary>
    /// Capacity spending closes a share 1 − e^(−spend per head / scale) of the gap of delivery capacity to 1, and half
    /// that share of analytical capacity's gap; returns what was spent (all of it).
    /// </summary>
    public static double ImproveCapacity(ref double capacity, ref double analyticalCapacity, double amountGbp, double regionPopulation, double scaleGbpPerHead)
    {
        double gain = 1 - Math.Exp(-amountGbp / regionPopulation / scaleGbpPerHead);
        capacity += (1 - capacity) * gain;
        analyticalCapacity += (1 - analyticalCapacity) * 0.5 * gain;
        return amountGbp;
    }
}
