using System.Runtime.Intrinsics;
using UrbanSim.Core.Health;
using UrbanSim.Core.Numerics;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Exposures;

/// <summary>
/// Step 6 of a year: each stock programme's stock ages (depreciation, faster where its upkeep went unpaid) and the
/// stock whose lag is over comes into use; remedied homes whose measures have aged become cold again; each zone's
/// exposures are recomputed from its start exposures, each programme's Hill response to its stock and its healthy
/// homes, and the cold-home share from its housing stock; the prevention stock sets this year's incidence factors; the
/// year's exposures enter the 5-year history whose mean health responds to. <see cref="Update"/> works four zones at a
/// time; <see cref="UpdateReference"/> is the same, zone by zone.
/// </summary>
internal static class ExposureUpdate
{
    /// <summary>Scratch of the exposure update: each exposure effect's response and each zone's healthy share.</summary>
    public sealed class Workspace(int zones, int exposureEffects)
    {
        /// <summary>[effect * zones + zone] this year's response to the stock.</summary>
        internal readonly double[] Response = new double[exposureEffects * zones];
        /// <summary>[zone] share of dwellings of the healthy design.</summary>
        internal readonly double[] HealthyShare = new double[zones];
    }

    /// <summary>The effect on <paramref name="exposure"/> of a neighbourhood whose whole stock is of the healthy design, in its unit.</summary>
    public static double HealthyHomesEffect(Exposure exposure, DevelopmentParameters d) => exposure switch
    {
        Exposure.Walking => d.HealthyHomesWalkingMinutesPerWeek,
        Exposure.GreenSpace => d.HealthyHomesGreenNdvi,
        _ => 0,
    };

    /// <summary>The fast update (four zones at a time, vector exponentials).</summary>
    public static void Update(int year, WorldState world, ProgrammeSettings settings, DevelopmentParameters d, Workspace work)
    {
        AgeStocks(year, world, settings, fourAtATime: true);
        int zones = world.ZoneCount;
        for (int i = 0; i < settings.ExposureEffects.Length; i++)
        {
            var effect = settings.ExposureEffects[i];
            var stock = world.Programmes.StockOf(effect.Slot);
            var response = work.Response.AsSpan(i * zones, zones);
            // Clean air's NO₂ and PM2.5 respond alike to the same stock: the second takes the first's responses.
            if (settings.SharesResponseWithPrevious[i]) { work.Response.AsSpan((i - 1) * zones, zones).CopyTo(response); continue; }
            int k = 0;
            for (; k + 4 <= zones; k += 4)
                Lanes.Store(StockResponse.Hill(Lanes.Load(stock, k), effect.HalfResponseGbpPerHead, effect.Exponent), response, k);
            for (; k < zones; k++) response[k] = StockResponse.Hill(stock[k], effect.HalfResponseGbpPerHead, effect.Exponent);
        }
        var homes = world.Homes;
        var exposures = world.Exposures;
        int z = 0;
        var zero = Vector256<double>.Zero;
        for (; z + 4 <= zones; z += 4)
        {
            var dwellings = Lanes.Load(homes.Dwellings, z);
            var hasHomes = Vector256.GreaterThan(dwellings, zero);
            Lanes.Store(Vector256.ConditionalSelect(hasHomes, Lanes.Load(homes.HealthyHomes, z) / dwellings, zero), work.HealthyShare, z);
            Lanes.Store(Vector256.ConditionalSelect(hasHomes, Lanes.Load(homes.ColdHomes, z) / dwellings, zero), exposures.LevelOf(Exposure.ColdHomes), z);
        }
        for (; z < zones; z++) MeasureHomes(homes, work, exposures, z);
        foreach (var exposure in ExposureCatalogue.All)
        {
            if (exposure.Id == Exposure.ColdHomes) continue;
            var start = exposures.StartOf(exposure.Id);
            var level = exposures.LevelOf(exposure.Id);
            double homesEffect = HealthyHomesEffect(exposure.Id, d);
            int[] effects = settings.EffectsOn[(int)exposure.Id];
            var lower = Vector256.Create(exposure.MinimumLevel);
            var upper = Vector256.Create(exposure.MaximumLevel);
            var sign = Vector256.Create(exposure.HealthierSign);
            z = 0;
            for (; z + 4 <= zones; z += 4)
            {
                var s = Lanes.Load(start, z);
                var change = Vector256<double>.Zero;
                foreach (int i in effects) change += settings.ExposureEffects[i].FullChange(s) * Lanes.Load(work.Response, i * zones + z);
                var v = s + sign * change;
                if (homesEffect != 0) v += Vector256.Create(homesEffect) * Lanes.Load(work.HealthyShare, z);
                Lanes.Store(Vector256.Min(upper, Vector256.Max(lower, v)), level, z);
            }
            for (; z < zones; z++) level[z] = Level(exposure, start[z], z, zones, settings, work, homesEffect);
        }
        IncidenceFactors(year, world, settings, reference: false);
        RememberThisYear(year, exposures);
    }

    /// <summary>The plain reference of <see cref="Update"/>: the same formulas, zone by zone, with scalar powers.</summary>
    public static void UpdateReference(int year, WorldState world, ProgrammeSettings settings, DevelopmentParameters d, Workspace work)
    {
        AgeStocks(year, world, settings, fourAtATime: false);
        int zones = world.ZoneCount;
        for (int i = 0; i < settings.ExposureEffects.Length; i++)
        {
            var effect = settings.ExposureEffects[i];
            var stock = world.Programmes.StockOf(effect.Slot);
            for (int z = 0; z < zones; z++) work.Response[i * zones + z] = StockResponse.Hill(stock[z], effect.HalfResponseGbpPerHead, effect.Exponent);
        }
        for (int z = 0; z < zones; z++)
        {
            MeasureHomes(world.Homes, work, world.Exposures, z);
            foreach (var exposure in ExposureCatalogue.All)
            {
                if (exposure.Id == Exposure.ColdHomes) continue;
                world.Exposures.LevelOf(exposure.Id)[z] = Level(exposure, world.Exposures.StartOf(exposure.Id)[z], z, zones, settings, work, HealthyHomesEffect(exposure.Id, d));
            }
        }
        IncidenceFactors(year, world, settings, reference: true);
        RememberThisYear(year, world.Exposures);
    }

    /// <summary>
    /// The stock programmes' stocks age: each zone loses the programme's depreciation, and where its region paid only a
    /// share f of this year's upkeep, a further (1 − f) × the unmaintained decay; then the stock due this year comes
    /// into use. Remedied homes revert to cold at the warm homes programme's depreciation.
    /// </summary>
    private static void AgeStocks(int year, WorldState world, ProgrammeSettings settings, bool fourAtATime)
    {
        var programmes = world.Programmes;
        var catalogue = settings.Catalogue;
        int zones = world.ZoneCount, regions = world.RegionCount;
        var region = world.Zones.Region;
        Span<double> keptInRegion = regions <= 64 ? stackalloc double[regions] : new double[regions];
        for (int slot = 0; slot < programmes.StockCount; slot++)
        {
            int p = catalogue.StockProgramme(slot);
            double depreciation = settings.DepreciationPerYear[p], unmaintained = settings.UnmaintainedDecayPerYear[p];
            var stock = programmes.StockOf(slot);
            var due = programmes.PendingOf(slot, year);
            var pending = programmes.PendingTotalOf(slot);
            // The share of each region's stock kept this year.
            for (int r = 0; r < regions; r++)
                keptInRegion[r] = Math.Max(0, 1 - depreciation - (1 - programmes.UpkeepPaidShare[slot * regions + r]) * unmaintained);
            // Four zones of one region at a time (the same arithmetic as one by one; the reference takes every zone alone).
            int z = 0;
            for (; fourAtATime && z + 4 <= zones; z += 4)
            {
                int r = region[z];
                if (region[z + 1] != r || region[z + 2] != r || region[z + 3] != r)
                {
                    for (int k = z; k < z + 4; k++) AgeStock(stock, due, pending, keptInRegion[region[k]], k);
                    continue;
                }
                var arriving = Lanes.Load(due, z);
                Lanes.Store(Lanes.Load(stock, z) * Vector256.Create(keptInRegion[r]) + arriving, stock, z);
                Lanes.Store(Vector256.Max(Vector256<double>.Zero, Lanes.Load(pending, z) - arriving), pending, z);
            }
            for (; z < zones; z++) AgeStock(stock, due, pending, keptInRegion[region[z]], z);
            due.Clear();
        }
        int retrofit = catalogue.IndexOf(DeliveryKind.ColdHomeRetrofit);
        if (retrofit < 0) return;
        double reverting = settings.DepreciationPerYear[retrofit];
        if (reverting <= 0) return;
        var homes = world.Homes;
        int h = 0;
        for (; fourAtATime && h + 4 <= zones; h += 4)
        {
            var back = Lanes.Load(homes.RetrofittedHomes, h) * Vector256.Create(reverting);
            Lanes.Store(Lanes.Load(homes.RetrofittedHomes, h) - back, homes.RetrofittedHomes, h);
            Lanes.Store(Lanes.Load(homes.ColdHomes, h) + back, homes.ColdHomes, h);
        }
        for (int z = h; z < zones; z++)
        {
            double back = homes.RetrofittedHomes[z] * reverting;
            homes.RetrofittedHomes[z] -= back;
            homes.ColdHomes[z] += back;
        }
    }

    /// <summary>Zone <paramref name="z"/>'s stock keeps a share <paramref name="kept"/> and receives what is due; what is being built falls by as much.</summary>
    private static void AgeStock(Span<double> stock, ReadOnlySpan<double> due, Span<double> pending, double kept, int z)
    {
        stock[z] = stock[z] * kept + due[z];
        pending[z] = Math.Max(0, pending[z] - due[z]);
    }

    /// <summary>
    /// One zone's exposure: its start level, plus each effect's full change × its response (in the healthier
    /// direction), plus the healthy homes' effect × their share of the stock, kept within the exposure's range.
    /// </summary>
    private static double Level(ExposureDefinition exposure, double start, int z, int zones, ProgrammeSettings settings, Workspace work, double homesEffect)
    {
        double change = 0;
        foreach (int i in settings.EffectsOn[(int)exposure.Id]) change += settings.ExposureEffects[i].FullChange(start) * work.Response[i * zones + z];
        double v = start + exposure.HealthierSign * change;
        if (homesEffect != 0) v += homesEffect * work.HealthyShare[z];
        return Math.Min(exposure.MaximumLevel, Math.Max(exposure.MinimumLevel, v));
    }

    /// <summary>
    /// This year's factor on each zone's incidence of each disease from the prevention stock: the product over the
    /// effects on the disease of (1 − most reduction × response to the stock); it acts on incidence at once, and enters
    /// the five-year history whose mean sets prevention's effect on mortality.
    /// </summary>
    private static void IncidenceFactors(int year, WorldState world, ProgrammeSettings settings, bool reference)
    {
        var programmes = world.Programmes;
        int zones = world.ZoneCount;
        for (int d = 0; d < DiseaseCatalogue.Count; d++)
        {
            var factor = programmes.IncidenceFactor.AsSpan(d * zones, zones);
            factor.Fill(1);
            foreach (int i in settings.ReductionsOf[d])
            {
                var effect = settings.IncidenceEffects[i];
                var stock = programmes.StockOf(effect.Slot);
                int z = 0;
                if (!reference)
                    for (; z + 4 <= zones; z += 4)
                    {
                        var r = StockResponse.Hill(Lanes.Load(stock, z), effect.HalfResponseGbpPerHead, effect.Exponent);
                        Lanes.Store(Lanes.Load(factor, z) * (Vector256.Create(1.0) - Vector256.Create(effect.MaxReduction) * r), factor, z);
                    }
                for (; z < zones; z++) factor[z] *= 1 - effect.MaxReduction * StockResponse.Hill(stock[z], effect.HalfResponseGbpPerHead, effect.Exponent);
            }
            var old = programmes.IncidenceFactorHistory.AsSpan(((year % ExposureState.BuildUpYears) * DiseaseCatalogue.Count + d) * zones, zones);
            var sum = programmes.IncidenceFactorSum.AsSpan(d * zones, zones);
            int k = 0;
            for (; !reference && k + 4 <= zones; k += 4)
            {
                var f = Lanes.Load(factor, k);
                Lanes.Store(Lanes.Load(sum, k) + (f - Lanes.Load(old, k)), sum, k);
                Lanes.Store(f, old, k);
            }
            for (int z = k; z < zones; z++)
            {
                sum[z] += factor[z] - old[z];
                old[z] = factor[z];
            }
        }
    }

    /// <summary>A zone's healthy share of dwellings, and its cold-home share (the cold-home exposure), from its housing stock.</summary>
    private static void MeasureHomes(HousingStock homes, Workspace work, ExposureState exposures, int z)
    {
        double dwellings = homes.Dwellings[z];
        work.HealthyShare[z] = dwellings > 0 ? homes.HealthyHomes[z] / dwellings : 0;
        exposures.LevelOf(Exposure.ColdHomes)[z] = dwellings > 0 ? homes.ColdHomes[z] / dwellings : 0;
    }

    /// <summary>Puts this year's exposures of every zone in the 5-year history, keeping the running sums.</summary>
    private static void RememberThisYear(int year, ExposureState exposures)
    {
        int zones = exposures.ZoneCount, slot = year % ExposureState.BuildUpYears;
        for (int e = 0; e < ExposureCatalogue.Count; e++)
        {
            var value = exposures.Level.AsSpan(e * zones, zones);
            var old = exposures.History.AsSpan((slot * ExposureCatalogue.Count + e) * zones, zones);
            var sum = exposures.Sum.AsSpan(e * zones, zones);
            int z = 0;
            for (; z + 4 <= zones; z += 4)
            {
                var v = Lanes.Load(value, z);
                Lanes.Store(Lanes.Load(sum, z) + (v - Lanes.Load(old, z)), sum, z);
                Lanes.Store(v, old, z);
            }
            for (; z < zones; z++)
            {
                sum[z] += value[z] - old[z];
                old[z] = value[z];
            }
        }
    }
}
