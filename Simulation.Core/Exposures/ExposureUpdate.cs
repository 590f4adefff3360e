using System.Runtime.Intrinsics;
using UrbanSim.Core.Health;
using UrbanSim.Core.Numerics;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Exposures;

/// <summary>
/// Step 6 of a year: queued programme spend due this year becomes effective; each zone's exposures are recomputed
/// from its start exposures, the zonal programmes' saturating responses and its healthy homes, and the cold-home
/// share from its housing stock; the year's exposures enter the 5-year history whose mean health responds to.
/// <see cref="Update"/> works four zones at a time; <see cref="UpdateReference"/> is the same, zone by zone.
/// </summary>
internal static class ExposureUpdate
{
    /// <summary>Scratch of the exposure update: each zonal programme's response and each zone's healthy and cold shares.</summary>
    public sealed class Workspace(int zones, int zonalProgrammes)
    {
        /// <summary>[slot * zones + zone] this year's response 1 − e^(−spend / scale).</summary>
        internal readonly double[] Response = new double[zonalProgrammes * zones];
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
        MakeDueSpendEffective(year, world.Programmes);
        int zones = world.ZoneCount;
        var catalogue = settings.Catalogue;
        for (int slot = 0; slot < catalogue.ZonalCount; slot++)
            if (settings.ChangesExposure[slot]) SaturatingResponse(world.Programmes.EffectiveOf(slot), settings.ScaleGbpPerHead[catalogue.ZonalProgramme(slot)], work.Response.AsSpan(slot * zones, zones));
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
            int e = (int)exposure.Id;
            var start = exposures.StartOf(exposure.Id);
            var level = exposures.LevelOf(exposure.Id);
            double homesEffect = HealthyHomesEffect(exposure.Id, d);
            int[] slots = settings.SlotsChanging[e];
            double[] changes = settings.SignedChange[e];
            var lower = Vector256.Create(exposure.MinimumLevel);
            var upper = Vector256.Create(exposure.MaximumLevel);
            z = 0;
            for (; z + 4 <= zones; z += 4)
            {
                var v = Lanes.Load(start, z);
                for (int k = 0; k < slots.Length; k++) v += Vector256.Create(changes[k]) * Lanes.Load(work.Response, slots[k] * zones + z);
                if (homesEffect != 0) v += Vector256.Create(homesEffect) * Lanes.Load(work.HealthyShare, z);
                Lanes.Store(Vector256.Min(upper, Vector256.Max(lower, v)), level, z);
            }
            for (; z < zones; z++) level[z] = Level(exposure, start[z], z, zones, settings, work, homesEffect);
        }
        RememberThisYear(year, exposures);
    }

    /// <summary>The plain reference of <see cref="Update"/>: the same formulas, zone by zone, with scalar exponentials.</summary>
    public static void UpdateReference(int year, WorldState world, ProgrammeSettings settings, DevelopmentParameters d, Workspace work)
    {
        MakeDueSpendEffective(year, world.Programmes);
        int zones = world.ZoneCount;
        var catalogue = settings.Catalogue;
        for (int slot = 0; slot < catalogue.ZonalCount; slot++)
        {
            double scale = settings.ScaleGbpPerHead[catalogue.ZonalProgramme(slot)];
            var spend = world.Programmes.EffectiveOf(slot);
            for (int z = 0; z < zones; z++) work.Response[slot * zones + z] = 1 - Math.Exp(-spend[z] / scale);
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
        RememberThisYear(year, world.Exposures);
    }

    /// <summary>
    /// One zone's exposure: its start level, plus each zonal programme's most improvement × its response (in the
    /// healthier direction), plus the healthy homes' effect × their share of the stock, kept within the exposure's range.
    /// </summary>
    private static double Level(ExposureDefinition exposure, double start, int z, int zones, ProgrammeSettings settings, Workspace work, double homesEffect)
    {
        double v = start;
        int[] slots = settings.SlotsChanging[(int)exposure.Id];
        double[] changes = settings.SignedChange[(int)exposure.Id];
        for (int k = 0; k < slots.Length; k++) v += changes[k] * work.Response[slots[k] * zones + z];
        if (homesEffect != 0) v += homesEffect * work.HealthyShare[z];
        return Math.Min(exposure.MaximumLevel, Math.Max(exposure.MinimumLevel, v));
    }

    /// <summary>A zone's healthy share of dwellings, and its cold-home share (the cold-home exposure), from its housing stock.</summary>
    private static void MeasureHomes(HousingStock homes, Workspace work, ExposureState exposures, int z)
    {
        double dwellings = homes.Dwellings[z];
        work.HealthyShare[z] = dwellings > 0 ? homes.HealthyHomes[z] / dwellings : 0;
        exposures.LevelOf(Exposure.ColdHomes)[z] = dwellings > 0 ? homes.ColdHomes[z] / dwellings : 0;
    }

    /// <summary>Adds the spend queued for <paramref name="year"/> to the cumulative effective spend and empties its slot.</summary>
    private static void MakeDueSpendEffective(int year, ProgrammeState programmes)
    {
        var spend = programmes.EffectiveSpendPerHeadGbp.AsSpan();
        var due = programmes.PendingIn(year);
        int i = 0;
        for (; i + 4 <= spend.Length; i += 4) Lanes.Store(Lanes.Load(spend, i) + Lanes.Load(due, i), spend, i);
        for (; i < spend.Length; i++) spend[i] += due[i];
        due.Clear();
    }

    /// <summary>
    /// The saturating response 1 − e^(−spend / scale) of each zone, four zones at a time; the last zones go through a
    /// padded vector, so every zone takes the same arithmetic.
    /// </summary>
    private static void SaturatingResponse(ReadOnlySpan<double> spendPerHeadGbp, double scaleGbpPerHead, Span<double> response)
    {
        var one = Vector256.Create(1.0);
        var inverseScale = Vector256.Create(-1 / scaleGbpPerHead);
        int z = 0;
        for (; z + 4 <= spendPerHeadGbp.Length; z += 4)
            Lanes.Store(one - Vector256.Exp(Lanes.Load(spendPerHeadGbp, z) * inverseScale), response, z);
        if (z == spendPerHeadGbp.Length) return;
        Span<double> tail = stackalloc double[4];
        tail.Clear();
        spendPerHeadGbp[z..].CopyTo(tail);
        Lanes.Store(one - Vector256.Exp(Lanes.Load(tail, 0) * inverseScale), tail, 0);
        tail[..(spendPerHeadGbp.Length - z)].CopyTo(response[z..]);
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
