using System.Collections.Immutable;
using UrbanSim.Core.Health;
using UrbanSim.Core.World;

namespace UrbanSim.Runner.RealPlaces;

/// <summary>The zone level of a built world.</summary>
internal enum PlaceLevel
{
    /// <summary>One zone per 2021 MSOA (middle layer super output area, about 8,000 residents).</summary>
    Msoa,
    /// <summary>One zone per 2021 LSOA (lower layer super output area, about 1,600 residents).</summary>
    Lsoa,
    /// <summary>One zone per authority and IMD 2025 decile: the compact table shipped as <c>places/england_mcas.csv</c>.</summary>
    Decile,
}

/// <summary>
/// Groups calibrated small areas into zones: each 2021 LSOA, each 2021 MSOA, or each authority's LSOAs of one IMD
/// decile. A zone's people and land are its areas' sums, its exposures their population-weighted means (cold homes by
/// households), and its mortality and ill-health ratios those that give the population-weighted mean of its areas' LE
/// and HLE, so that every group of zones keeps the LE and HLE of the areas it holds.
/// </summary>
internal static class ZoneBuilder
{
    public static ImmutableArray<ZoneRecord> Build(Geography g, ExposureModel exposures, IReadOnlyCollection<Authority> selected, PlaceLevel level)
    {
        var codes = selected.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var areas = Enumerable.Range(0, g.Areas.Count).Where(a => codes.Contains(g.Councils[g.Areas[a].Council].Authority.Code)).ToList();
        // An MSOA world's small areas are MSOAs already (Geography.ToMsoas): one zone each, as for LSOAs.
        var groups = level == PlaceLevel.Decile
            ? areas.GroupBy(a => $"{g.Councils[g.Areas[a].Council].Authority.Code}-D{g.Areas[a].ImdDecile:00}")
            : areas.GroupBy(a => g.Areas[a].Code);
        // Zones in authority order (ONS codes), then by zone id: the world's regions follow the authorities' order.
        var ordered = groups.OrderBy(z => g.Councils[g.Areas[z.First()].Council].Authority.Code, StringComparer.Ordinal).ThenBy(z => z.Key, StringComparer.Ordinal);
        var zones = ImmutableArray.CreateBuilder<ZoneRecord>();
        foreach (var group in ordered)
        {
            var members = group.ToList();
            var first = g.Areas[members[0]];
            var authority = g.Councils[first.Council].Authority;
            int decile = first.ImdDecile;
            string name = level == PlaceLevel.Decile ? $"{authority.Name}, IMD decile {decile}" : first.Name;
            zones.Add(Zone(g, exposures, members, group.Key, name, authority, decile, level));
        }
        return zones.ToImmutable();
    }

    private static ZoneRecord Zone(Geography g, ExposureModel model, List<int> members, string id, string name, Authority authority, int decile, PlaceLevel level)
    {
        double people = 0, households = 0, walking = 0, cycling = 0, pm25 = 0, ndvi = 0, cold = 0, price = 0, sites = 0, le = 0, hle = 0;
        var ages = new double[AgeBands.Count];
        var councilPeople = new Dictionary<int, double>();
        var icbPeople = new Dictionary<(string Code, string Name), double>();
        foreach (int a in members)
        {
            var area = g.Areas[a];
            var e = model.Of(a);
            double p = area.Population;
            people += p; households += area.Households;
            walking += p * e.WalkingMinutesPerWeek; cycling += p * e.CyclingMinutesPerWeek; pm25 += p * e.Pm25MicrogramsPerM3; ndvi += p * e.GreenSpaceNdvi;
            cold += area.Households * e.ColdHomeShare; price += p * e.HousePriceGbpPerM2; sites += e.SiteCapacityHomes;
            le += p * area.LeYears; hle += p * area.HleYears;
            for (int b = 0; b < AgeBands.Count; b++) ages[b] += area.PeopleByAgeBand[b];
            councilPeople[area.Council] = councilPeople.GetValueOrDefault(area.Council) + p;
            icbPeople[(area.IcbCode, area.IcbName)] = icbPeople.GetValueOrDefault((area.IcbCode, area.IcbName)) + p;
        }
        double mortality, illHealth;
        if (members.Count == 1)
        {
            var council = g.Councils[g.Areas[members[0]].Council];
            mortality = HealthCalibration.MortalityRatio(g, council, members[0]);
            illHealth = HealthCalibration.IllHealthOddsRatio(council, g.Areas[members[0]]);
        }
        else
        {
            mortality = LocalHealth.MortalityRatioFor(le / people) ?? throw new InvalidOperationException($"zone {id}: no mortality ratio for LE {le / people}");
            illHealth = LocalHealth.IllHealthOddsRatioFor(hle / people, mortality) ?? throw new InvalidOperationException($"zone {id}: no ill-health ratio for HLE {hle / people}");
        }
        var icbs = icbPeople.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Code, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        var mainCouncil = level == PlaceLevel.Decile ? null : g.Councils[councilPeople.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key];
        return new ZoneRecord
        {
            ZoneId = id, ZoneName = name, Region = authority.Name, RegionCapacity = authority.Capacity, DeprivationDecile = decile,
            Population = people, PeopleByAgeBand = [.. ages],
            WalkingMinutesPerWeek = walking / people, CyclingMinutesPerWeek = cycling / people, Pm25MicrogramsPerM3 = pm25 / people,
            GreenSpaceNdvi = ndvi / people, ColdHomeShare = households > 0 ? cold / households : 0, HousePriceGbpPerM2 = price / people,
            SiteCapacityHomes = sites, RemediationCostGbpPerHome = ExposureModel.RemediationGbpPerHome,
            LocalAuthorityCode = mainCouncil?.Code, LocalAuthorityName = mainCouncil?.Name,
            IcbCode = string.Join("; ", icbs.Select(i => i.Code)), IcbName = string.Join("; ", icbs.Select(i => i.Name)),
            MortalityRatio = mortality, IllHealthOddsRatio = illHealth,
        };
    }
}
