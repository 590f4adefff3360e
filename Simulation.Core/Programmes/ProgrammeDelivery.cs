using System.Runtime.Intrinsics;
using UrbanSim.Core.Numerics;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Programmes;

/// <summary>What area schemes read: the world, the programme settings, the region's zones, and the mayor's targeting and valuation.</summary>
/// <param name="World">The working world (stocks are queued in its programme state).</param>
/// <param name="Settings">The replication's programme settings.</param>
/// <param name="Zones">The region's zones.</param>
/// <param name="TargetingWeight">[zone] the mayor's targeting weight.</param>
/// <param name="Targeting">The programme's targeting.</param>
/// <param name="ExposureValue">[exposure] the mayor's value of a unit improvement per resident a year.</param>
/// <param name="ZoneGain">Scratch, one per zone of the world: each zone's weighted gain of a further scheme.</param>
/// <param name="Ranking">Scratch for delivery: the zones of the region ranked by gain as schemes change it (not needed to appraise).</param>
/// <param name="RankScratch">Scratch for delivery, at least one per zone of the region.</param>
internal readonly ref struct SchemeContext(WorldState World, ProgrammeSettings Settings, ReadOnlySpan<int> Zones,
    ReadOnlySpan<double> TargetingWeight, Targeting Targeting, ReadOnlySpan<double> ExposureValue, Span<double> ZoneGain,
    Numerics.MaxTree? Ranking = null, Span<double> RankScratch = default)
{
    public WorldState World { get; } = World;
    public ProgrammeSettings Settings { get; } = Settings;
    public ReadOnlySpan<int> Zones { get; } = Zones;
    public ReadOnlySpan<double> TargetingWeight { get; } = TargetingWeight;
    public Targeting Targeting { get; } = Targeting;
    public ReadOnlySpan<double> ExposureValue { get; } = ExposureValue;
    public Span<double> ZoneGain { get; } = ZoneGain;
    public Numerics.MaxTree? Ranking { get; } = Ranking;
    public Span<double> RankScratch { get; } = RankScratch;
}

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
    /// A population service's money spread over the region's zones (shares from <see cref="SetSpreadPerResident"/>) as
    /// stock in use in <paramref name="year"/>; returns what was spent (all of it, or nothing when no zone can receive it).
    /// </summary>
    public static double SpreadAcrossZones(ProgrammeState programmes, ReadOnlySpan<int> zonesOfRegion, ReadOnlySpan<double> spreadPerResident,
        bool spreadPossible, int slot, double amountGbp, int year)
    {
        if (!spreadPossible) return 0;
        var due = programmes.PendingOf(slot, year);
        var pendingTotal = programmes.PendingTotalOf(slot);
        foreach (int z in zonesOfRegion)
        {
            double perHead = amountGbp * spreadPerResident[z];
            due[z] += perHead;
            pendingTotal[z] += perHead;
        }
        return amountGbp;
    }

    /// <summary>
    /// Area schemes: the money, less a share (the programme's spillover), is delivered as schemes of the programme's
    /// dose per resident, one zone at a time, each in the zone where the next scheme gains most: its targeting weight ×
    /// the health value of the response it adds, Σ over the programme's effects of value per unit × full change ×
    /// (R(K + dose) − R(K)) at the zone's committed stock K (in use and being built). A scheme under way is finished
    /// first; the last scheme may be partial. Then the spillover builds stock spread over every resident of the region
    /// (the low-dose areas around the schemes). Stock is in use in <paramref name="year"/>. The zones' gains are in
    /// <see cref="SchemeContext.ZoneGain"/> already when <paramref name="gainsAreCurrent"/> (the mayor's appraisal of
    /// benefits computed them, and nothing has changed this programme's stock since); otherwise they are computed here,
    /// zone by zone. Returns what was spent (less than the money when no zone gains).
    /// </summary>
    public static double DeliverSchemes(in SchemeContext c, int slot, int programme, double amountGbp, int year, bool gainsAreCurrent = false)
    {
        var world = c.World;
        var programmes = world.Programmes;
        var settings = c.Settings;
        double dose = settings.DoseGbpPerHead[programme];
        var residents = programmes.Residents;
        double regionPeople = 0;
        foreach (int z in c.Zones) regionPeople += residents[z];
        if (regionPeople <= 0 || amountGbp <= 0) return 0;
        double spill = amountGbp * settings.SpilloverShare[programme];
        double left = amountGbp - spill, spent = 0;
        int[] effects = settings.ExposureEffectsOf[programme];
        var progress = programmes.SchemeProgressGbpPerHead.AsSpan(slot * programmes.ZoneCount, programmes.ZoneCount);
        // Each zone's targeting weight × gain of a further scheme. Delivering a scheme changes only its own zone's
        // committed stock, so the gains are known once and computed again only where a scheme went: the same choices
        // as computing every zone afresh before each scheme (the reference kernel does that; a test compares them).
        var gain = c.ZoneGain;
        var zones = c.Zones;
        // A region's zones are usually numbered one after another: then passes over them go four zones at a time.
        bool contiguous = zones[^1] - zones[0] == zones.Length - 1;
        if (!gainsAreCurrent) foreach (int z in zones) gain[z] = WeightedGain(c, settings, effects, slot, z, dose);
        // 1. Schemes under way are finished first, the highest gain first (even one that gains nothing more). A call
        //    leaves at most one scheme part-built, so this only ever shrinks the set.
        while (left > 1e-6 && (!contiguous || AnyPositive(progress.Slice(zones[0], zones.Length))))
        {
            int best = -1;
            foreach (int z in zones)
                if (residents[z] > 0 && progress[z] > 0 && (best < 0 || gain[z] > gain[best])) best = z;
            if (best < 0) break;
            BuildScheme(programmes, slot, best, year, dose, residents[best], progress, ref left, ref spent);
            gain[best] = WeightedGain(c, settings, effects, slot, best, dose);
        }
        // 2. Then new schemes, each where the gain is highest (and positive), ties to the first zone: a region of a few
        //    dozen zones is scanned before each scheme (four at a time), a larger one is ranked once in a tree and
        //    re-ranked only where a scheme went; both make the same choices as a plain scan.
        if (left > 1e-6)
        {
            var rank = c.RankScratch[..zones.Length];
            if (contiguous) RankByGain(residents.AsSpan(zones[0], zones.Length), gain.Slice(zones[0], zones.Length), rank);
            else for (int i = 0; i < zones.Length; i++) rank[i] = residents[zones[i]] > 0 ? gain[zones[i]] : double.NegativeInfinity;
            if (zones.Length <= Numerics.FirstLargest.ScanAtMost)
            {
                int position = Numerics.FirstLargest.Of(rank, out double largest);
                while (left > 1e-6 && largest > 0)
                {
                    int z = zones[position];
                    BuildScheme(programmes, slot, z, year, dose, residents[z], progress, ref left, ref spent);
                    gain[z] = WeightedGain(c, settings, effects, slot, z, dose);
                    rank[position] = gain[z];
                    position = Numerics.FirstLargest.Of(rank, out largest);
                }
            }
            else
            {
                var ranking = c.Ranking ?? throw new InvalidOperationException("Delivering schemes needs a ranking of the zones.");
                ranking.Fill(rank);
                while (left > 1e-6 && ranking.Largest > 0)
                {
                    int position = ranking.PositionOfLargest, z = zones[position];
                    BuildScheme(programmes, slot, z, year, dose, residents[z], progress, ref left, ref spent);
                    gain[z] = WeightedGain(c, settings, effects, slot, z, dose);
                    ranking.Set(position, gain[z]);
                }
            }
        }
        // The spillover: spread over every resident of the region.
        var due = programmes.PendingOf(slot, year);
        var pendingTotal = programmes.PendingTotalOf(slot);
        double spillPerHead = spill / regionPeople;
        if (contiguous)
        {
            AddToEach(due.Slice(zones[0], zones.Length), spillPerHead);
            AddToEach(pendingTotal.Slice(zones[0], zones.Length), spillPerHead);
        }
        else
            foreach (int z in zones)
            {
                due[z] += spillPerHead;
                pendingTotal[z] += spillPerHead;
            }
        return spent + spill;
    }

    /// <summary>Whether any of <paramref name="values"/> is positive (four at a time).</summary>
    private static bool AnyPositive(ReadOnlySpan<double> values)
    {
        int i = 0;
        for (; i + 4 <= values.Length; i += 4)
            if (Vector256.GreaterThanAny(Lanes.Load(values, i), Vector256<double>.Zero)) return true;
        for (; i < values.Length; i++) if (values[i] > 0) return true;
        return false;
    }

    /// <summary>Each zone's gain where it has residents, −∞ where it has none (four at a time).</summary>
    private static void RankByGain(ReadOnlySpan<double> residents, ReadOnlySpan<double> gain, Span<double> rank)
    {
        var none = Vector256.Create(double.NegativeInfinity);
        int i = 0;
        for (; i + 4 <= rank.Length; i += 4)
            Lanes.Store(Vector256.ConditionalSelect(Vector256.GreaterThan(Lanes.Load(residents, i), Vector256<double>.Zero), Lanes.Load(gain, i), none), rank, i);
        for (; i < rank.Length; i++) rank[i] = residents[i] > 0 ? gain[i] : double.NegativeInfinity;
    }

    /// <summary>Adds <paramref name="amount"/> to each of <paramref name="values"/> (four at a time: each sum is the same as alone).</summary>
    private static void AddToEach(Span<double> values, double amount)
    {
        var lanes = Vector256.Create(amount);
        int i = 0;
        for (; i + 4 <= values.Length; i += 4) Lanes.Store(Lanes.Load(values, i) + lanes, values, i);
        for (; i < values.Length; i++) values[i] += amount;
    }

    /// <summary>
    /// One scheme in <paramref name="zone"/>: what is left of its dose (or of the money), queued as stock; the scheme is
    /// complete (its progress back to 0) when the dose is in.
    /// </summary>
    private static void BuildScheme(ProgrammeState programmes, int slot, int zone, int year, double dose, double people, Span<double> progress,
        ref double left, ref double spent)
    {
        double cost = Math.Min(left, (dose - progress[zone]) * people);
        programmes.Queue(slot, zone, year, cost / people);
        progress[zone] += cost / people;
        if (progress[zone] >= dose * (1 - 1e-9)) progress[zone] = 0;
        left -= cost;
        spent += cost;
    }

    /// <summary>Zone <paramref name="zone"/>'s targeting weight × the health value of a further scheme there.</summary>
    public static double WeightedGain(in SchemeContext c, ProgrammeSettings settings, int[] effects, int slot, int zone, double dose) =>
        Weight(c.TargetingWeight, c.Targeting, zone) * SchemeGain(c.World, settings, effects, c.ExposureValue, slot, zone, dose);

    /// <summary>
    /// <see cref="WeightedGain"/> of every zone of the region into <see cref="SchemeContext.ZoneGain"/>, four zones at a
    /// time: the same arithmetic in the same order as zone by zone (a zone's responses are its lane of the four-zone
    /// <see cref="StockResponse.Hill(Vector256{double}, double, double)"/>, which the one-zone response is too), so the
    /// same bits; the zones left over are taken one by one.
    /// </summary>
    public static void SetWeightedGains(in SchemeContext c, ProgrammeSettings settings, int[] effects, int slot, double dose)
    {
        var world = c.World;
        int zoneCount = world.ZoneCount;
        var stock = world.Programmes.StockGbpPerHead.AsSpan(slot * zoneCount, zoneCount);
        var pending = world.Programmes.PendingTotalGbpPerHead.AsSpan(slot * zoneCount, zoneCount);
        bool valued = Valued(settings, effects, c.ExposureValue);
        bool weighted = c.Targeting == Targeting.ProportionateUniversalism;
        var gain = c.ZoneGain;
        var zones = c.Zones;
        var doseLanes = Vector256.Create(dose);
        // A region's zones are usually numbered one after another: then four zones' values are loaded as they lie.
        bool contiguous = zones.Length > 0 && zones[^1] - zones[0] == zones.Length - 1;
        int i = 0;
        for (; i + 4 <= zones.Length; i += 4)
        {
            int z0 = zones[i];
            var committed = contiguous ? Lanes.Load(stock, z0) + Lanes.Load(pending, z0) : Gather(stock, zones, i) + Gather(pending, zones, i);
            var sum = Vector256<double>.Zero;
            var added = Vector256<double>.Zero;
            for (int e = 0; e < effects.Length; e++)
            {
                var effect = settings.ExposureEffects[effects[e]];
                if (!SharesResponseWithPrevious(settings, effects, e))
                    added = StockResponse.Hill(committed + doseLanes, effect.HalfResponseGbpPerHead, effect.Exponent)
                            - StockResponse.Hill(committed, effect.HalfResponseGbpPerHead, effect.Exponent);
                var start = world.Exposures.StartOf(effect.Exposure);
                var fullChange = effect.FullChange(contiguous ? Lanes.Load(start, z0) : Gather(start, zones, i));
                sum += Vector256.Create(valued ? c.ExposureValue[(int)effect.Exposure] : 1) * fullChange * added;
            }
            if (weighted) sum = (contiguous ? Lanes.Load(c.TargetingWeight, z0) : Gather(c.TargetingWeight, zones, i)) * sum;
            if (contiguous) Lanes.Store(sum, gain, z0);
            else { gain[z0] = sum.GetElement(0); gain[zones[i + 1]] = sum.GetElement(1); gain[zones[i + 2]] = sum.GetElement(2); gain[zones[i + 3]] = sum.GetElement(3); }
        }
        for (; i < zones.Length; i++) gain[zones[i]] = WeightedGain(c, settings, effects, slot, zones[i], dose);
    }

    /// <summary>The values of zones <paramref name="zones"/>[i..i+4] in four lanes.</summary>
    private static Vector256<double> Gather(ReadOnlySpan<double> values, ReadOnlySpan<int> zones, int i) =>
        Vector256.Create(values[zones[i]], values[zones[i + 1]], values[zones[i + 2]], values[zones[i + 3]]);

    /// <summary>Whether effect <paramref name="e"/> of a programme has the same response as the one before it (clean air's NO₂ and PM2.5).</summary>
    private static bool SharesResponseWithPrevious(ProgrammeSettings settings, int[] effects, int e) => settings.SharesResponseWithPrevious[effects[e]];

    /// <summary>
    /// R(K + dose) − R(K) of each effect at committed stock <paramref name="committed"/>: the responses of up to two
    /// effects in one four-lane evaluation (lanes K + dose and K of each; <see cref="ProgrammeSettings.SchemeHalfLanes"/>),
    /// each lane the bits a zone's own evaluation gives; an effect with the same response as the one before it (clean
    /// air's NO₂ and PM2.5) takes that one's.
    /// </summary>
    public static void AddedResponses(ProgrammeSettings settings, int[] effects, double committed, double dose, Span<double> added)
    {
        var stock = Vector256.Create(committed + dose, committed, committed + dose, committed);
        for (int e = 0; e < effects.Length; e++)
        {
            int i = effects[e];
            if (settings.SharesResponseWithPrevious[i]) { added[e] = added[e - 1]; continue; }
            var r = StockResponse.Hill(stock, settings.SchemeHalfLanes[i], settings.SchemeExponentLanes[i]);
            added[e] = r.GetElement(0) - r.GetElement(1);
            if (settings.PairsWithNext[i]) added[++e] = r.GetElement(2) - r.GetElement(3);
        }
    }

    /// <summary>Whether the mayor's valuation values any of the programme's effects (if none, gains are unweighted).</summary>
    private static bool Valued(ProgrammeSettings settings, int[] effects, ReadOnlySpan<double> exposureValue)
    {
        bool valued = false;
        foreach (int i in effects) valued |= exposureValue[(int)settings.ExposureEffects[i].Exposure] > 0;
        return valued;
    }

    /// <summary>
    /// The health value per resident a year (in the mayor's valuation <paramref name="exposureValue"/>; unweighted when
    /// it values nothing) of a further scheme of <paramref name="dose"/> in zone <paramref name="zone"/>.
    /// </summary>
    public static double SchemeGain(WorldState world, ProgrammeSettings settings, int[] effects, ReadOnlySpan<double> exposureValue, int slot, int zone, double dose)
    {
        bool valued = Valued(settings, effects, exposureValue);
        Span<double> added = stackalloc double[effects.Length];
        AddedResponses(settings, effects, world.Programmes.CommittedGbpPerHead(slot, zone), dose, added);
        double gain = 0;
        for (int e = 0; e < effects.Length; e++)
        {
            var effect = settings.ExposureEffects[effects[e]];
            gain += (valued ? exposureValue[(int)effect.Exposure] : 1) * effect.FullChange(world.Exposures.StartOf(effect.Exposure)[zone]) * added[e];
        }
        return gain;
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
            homes.RetrofittedHomes[z] += retrofitted;
            spent += retrofitted * costPerHomeGbp;
        }
        return spent;
    }

    /// <summary>
    /// Capacity spending closes a share 1 − e^(−spend per head / scale) of the gap of delivery capacity to 1, and a share
    /// <paramref name="analyticalShare"/> of that share of analytical capacity's gap; returns what was spent (all of it).
    /// </summary>
    public static double ImproveCapacity(ref double capacity, ref double analyticalCapacity, double amountGbp, double regionPopulation, double scaleGbpPerHead,
        double analyticalShare)
    {
        double gain = 1 - Math.Exp(-amountGbp / regionPopulation / scaleGbpPerHead);
        capacity += (1 - capacity) * gain;
        analyticalCapacity += (1 - analyticalCapacity) * analyticalShare * gain;
        return amountGbp;
    }
}
