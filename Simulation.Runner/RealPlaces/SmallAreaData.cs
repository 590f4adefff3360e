using UrbanSim.Core.World;

namespace UrbanSim.Runner.RealPlaces;

/// <summary>
/// Reads what is known of every 2021 LSOA: Census 2021 residents, the mid-2020 age structure, IMD 2025, the comparative
/// illness and disability ratio, fuel poverty, and the 2011-LSOA figures (particulates, park access, brownfield land)
/// carried to 2021 LSOAs through the ONS best-fit lookup: a 2011 LSOA's people and hectares are shared among the
/// 2021 LSOAs it became in proportion to their Census 2021 residents, and its rates are averaged weighted by those people.
/// </summary>
internal static class SmallAreaData
{
    public static bool Read(string folder, Geography g, ImportProblems problems)
    {
        var residents = OpenDataTable.Read(folder, OpenDataFiles.Residents.Path, OpenDataFiles.Residents.Columns, problems);
        var imd = OpenDataTable.Read(folder, OpenDataFiles.Deprivation.Path, OpenDataFiles.Deprivation.Columns, problems);
        var indicators = OpenDataTable.Read(folder, OpenDataFiles.DeprivationIndicators.Path, OpenDataFiles.DeprivationIndicators.Columns, problems);
        var fuel = OpenDataTable.Read(folder, OpenDataFiles.FuelPoverty.Path, OpenDataFiles.FuelPoverty.Columns, problems);
        var bridge = OpenDataTable.Read(folder, OpenDataFiles.Lsoa2011To2021.Path, OpenDataFiles.Lsoa2011To2021.Columns, problems);
        var ages = OpenDataTable.Read(folder, OpenDataFiles.Ages.Path, OpenDataFiles.Ages.Columns, problems);
        var air = OpenDataTable.Read(folder, OpenDataFiles.AirQuality.Path, OpenDataFiles.AirQuality.Columns, problems);
        var parks = OpenDataTable.Read(folder, OpenDataFiles.ParkAccess.Path, OpenDataFiles.ParkAccess.Columns, problems);
        var msoa11 = OpenDataTable.Read(folder, OpenDataFiles.Lsoa2011ToMsoa2011.Path, OpenDataFiles.Lsoa2011ToMsoa2011.Columns, problems);
        var brownfield = OpenDataTable.Read(folder, OpenDataFiles.Brownfield.Path, OpenDataFiles.Brownfield.Columns, problems);
        if (residents is null || imd is null || indicators is null || fuel is null || bridge is null || ages is null || air is null || parks is null
            || msoa11 is null || brownfield is null) return false;

        ByArea(g, residents, "lsoa21_code", problems, (a, r) => a.Population = residents.Number(r, residents.Column("total_residents"), problems) ?? 0);
        ByArea(g, imd, "lsoa21_code", problems, (a, r) =>
        {
            a.ImdScore = imd.Number(r, imd.Column("IMD_score"), problems) ?? 0;
            a.ImdRank = (int)(imd.Number(r, imd.Column("IMD_rank"), problems) ?? 0);
            a.ImdDecile = (int)(imd.Number(r, imd.Column("IMD_decile"), problems) ?? 0);
            if (a.ImdDecile is < 1 or > 10) imd.Problem(problems, r, imd.Column("IMD_decile"), $"decile {a.ImdDecile} is not 1–10", "download the file again");
        });
        ByArea(g, indicators, "lsoa21_code", problems, (a, r) => a.IllnessRatio = Positive(indicators, r, "comparative_illness_and_disability_ratio_indicator", problems));
        ByArea(g, fuel, "lsoa_code", problems, (a, r) =>
        {
            a.Households = fuel.Number(r, fuel.Column("households"), problems) ?? 0;
            a.FuelPoorHouseholds = fuel.Number(r, fuel.Column("fuel_poor_households"), problems) ?? 0;
        });
        if (problems.Any) return false;

        var shares = BridgeShares(g, bridge, problems);
        if (shares is null) return false;
        var pop2011 = CarryAges(g, ages, shares, problems);
        if (pop2011 is null) return false;
        CarryRate(g, air, "lsoa11_code", "particulates_component_of_air_quality_indicator", shares, pop2011, problems, (a, v) => a.Particulates = v);
        // The park-access extract leaves out about 0.6% of England's 2011 LSOAs: those take their council's mean.
        CarryRate(g, parks, "lsoa11cd", "average_distance", shares, pop2011, problems, (a, v) => a.ParkDistanceM = v, a => a.ParkDistanceM, MaxParkGapShare);
        CarryBrownfield(g, msoa11, brownfield, shares, pop2011, problems);
        return !problems.Any;
    }

    private static double Positive(OpenDataTable t, int r, string column, ImportProblems problems)
    {
        double? v = t.Number(r, t.Column(column), problems);
        if (v is > 0) return v.Value;
        if (v is not null) t.Problem(problems, r, t.Column(column), $"{v} is not a positive ratio", "download the file again");
        else t.Problem(problems, r, t.Column(column), "the value is missing", "download the file again");
        return 1;
    }

    /// <summary>Calls <paramref name="read"/> for the row of each small area in <paramref name="table"/>; reports the areas without one.</summary>
    private static void ByArea(Geography g, OpenDataTable table, string codeColumn, ImportProblems problems, Action<SmallArea, int> read)
    {
        var seen = new bool[g.Areas.Count];
        int code = table.Column(codeColumn);
        for (int r = 0; r < table.Rows.Count; r++)
        {
            if (!g.AreaIndex.TryGetValue(table.Rows[r][code], out int a) || seen[a]) continue;
            seen[a] = true;
            read(g.Areas[a], r);
        }
        g.MissingRows(seen, table.File, problems);
    }

    /// <summary>[2011 LSOA] → (2021 area, share of the 2011 LSOA that went to it), shares by Census 2021 residents.</summary>
    private static Dictionary<string, List<(int Area, double Share)>>? BridgeShares(Geography g, OpenDataTable bridge, ImportProblems problems)
    {
        var children = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new bool[g.Areas.Count];
        int from = bridge.Column("lsoa11_code"), to = bridge.Column("lsoa21_code");
        for (int r = 0; r < bridge.Rows.Count; r++)
        {
            if (!g.AreaIndex.TryGetValue(bridge.Rows[r][to], out int a)) continue;
            seen[a] = true;
            if (!children.TryGetValue(bridge.Rows[r][from], out var list)) children[bridge.Rows[r][from]] = list = [];
            if (!list.Contains(a)) list.Add(a);
        }
        g.MissingRows(seen, bridge.File, problems);
        if (problems.Any) return null;
        return children.ToDictionary(kv => kv.Key, kv =>
        {
            double total = kv.Value.Sum(a => g.Areas[a].Population);
            return kv.Value.Select(a => (a, total > 0 ? g.Areas[a].Population / total : 1.0 / kv.Value.Count)).ToList();
        }, StringComparer.Ordinal);
    }

    /// <summary>
    /// Each 2021 area's people by age band: its 2011 predecessors' mid-2020 single years of age, shared as above, in
    /// proportion scaled to its Census 2021 residents. Returns each 2011 LSOA's mid-2020 population.
    /// </summary>
    private static Dictionary<string, double>? CarryAges(Geography g, OpenDataTable ages, Dictionary<string, List<(int Area, double Share)>> shares, ImportProblems problems)
    {
        var pop2011 = new Dictionary<string, double>(StringComparer.Ordinal);
        var carried = new double[g.Areas.Count * AgeBands.Count];
        var seen = new bool[g.Areas.Count];
        int code = ages.Column("lsoa11_code");
        int[] ageColumns = [.. Enumerable.Range(0, 90).Select(a => ages.Column(a.ToString(System.Globalization.CultureInfo.InvariantCulture))), ages.Column("90+")];
        Span<double> bands = stackalloc double[AgeBands.Count];
        for (int r = 0; r < ages.Rows.Count; r++)
        {
            if (!shares.TryGetValue(ages.Rows[r][code], out var to)) continue;
            bands.Clear();
            double total = 0;
            for (int age = 0; age < ageColumns.Length; age++)
            {
                double people = ages.Number(r, ageColumns[age], problems) ?? 0;
                bands[AgeBands.BandOfAge(age)] += people;
                total += people;
            }
            pop2011[ages.Rows[r][code]] = total;
            foreach (var (a, share) in to)
            {
                seen[a] = true;
                for (int b = 0; b < AgeBands.Count; b++) carried[a * AgeBands.Count + b] += share * bands[b];
            }
        }
        g.MissingRows(seen, ages.File + " (through the 2011 to 2021 LSOA lookup)", problems);
        if (problems.Any) return null;
        for (int a = 0; a < g.Areas.Count; a++)
        {
            var area = g.Areas[a];
            double total = 0;
            for (int b = 0; b < AgeBands.Count; b++) total += carried[a * AgeBands.Count + b];
            for (int b = 0; b < AgeBands.Count; b++)
                area.PeopleByAgeBand[b] = total > 0 ? area.Population * carried[a * AgeBands.Count + b] / total : 0;
        }
        return pop2011;
    }

    /// <summary>Most small areas the park-access file may lack before the import refuses it (it lacks 0.6% of England's).</summary>
    public const double MaxParkGapShare = 0.02;

    /// <summary>
    /// A 2011-LSOA rate carried to 2021 areas: the mean of their predecessors' rates, weighted by the people shared. With
    /// <paramref name="maxGapShare"/> &gt; 0, up to that share of areas without a value take their council's mean (a note
    /// says how many); beyond it, or with 0, each is a problem.
    /// </summary>
    private static void CarryRate(Geography g, OpenDataTable table, string codeColumn, string valueColumn, Dictionary<string, List<(int Area, double Share)>> shares,
        Dictionary<string, double> pop2011, ImportProblems problems, Action<SmallArea, double> set, Func<SmallArea, double>? get = null, double maxGapShare = 0)
    {
        var sum = new double[g.Areas.Count];
        var weight = new double[g.Areas.Count];
        int code = table.Column(codeColumn), value = table.Column(valueColumn);
        for (int r = 0; r < table.Rows.Count; r++)
        {
            string lsoa11 = table.Rows[r][code];
            if (!shares.TryGetValue(lsoa11, out var to)) continue;
            if (table.Number(r, value, problems) is not double v) continue;
            double people = Math.Max(pop2011.GetValueOrDefault(lsoa11), 1);
            foreach (var (a, share) in to)
            {
                sum[a] += share * people * v;
                weight[a] += share * people;
            }
        }
        var seen = new bool[g.Areas.Count];
        for (int a = 0; a < g.Areas.Count; a++)
        {
            if (weight[a] <= 0) continue;
            seen[a] = true;
            set(g.Areas[a], sum[a] / weight[a]);
        }
        int missing = seen.Count(s => !s);
        if (missing == 0) return;
        if (get is null || missing > maxGapShare * g.Areas.Count)
        {
            g.MissingRows(seen, table.File + " (through the 2011 to 2021 LSOA lookup)", problems);
            return;
        }
        foreach (var council in g.Councils)
        {
            var known = council.Areas.Where(a => seen[a]).ToList();
            double people = known.Sum(a => g.Areas[a].Population);
            double mean = people > 0 ? known.Sum(a => g.Areas[a].Population * get(g.Areas[a])) / people : known.Count > 0 ? get(g.Areas[known[0]]) : 0;
            if (known.Count == 0)
            {
                problems.Add(table.File, 0, 0, codeColumn, $"no small area of {council.Name} has a value", "use the release listed in docs/places.md");
                continue;
            }
            foreach (int a in council.Areas.Where(a => !seen[a])) set(g.Areas[a], mean);
        }
        problems.Notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{missing} of England's {g.Areas.Count} 2021 LSOAs have no row in {table.File}: they take their council's population-weighted mean."));
    }

    /// <summary>
    /// Brownfield hectares: each 2011 MSOA's hectares shared among its 2011 LSOAs by mid-2020 population, then carried to
    /// 2021 areas. MSOAs the file does not list have no registered brownfield land.
    /// </summary>
    private static void CarryBrownfield(Geography g, OpenDataTable msoa11, OpenDataTable brownfield, Dictionary<string, List<(int Area, double Share)>> shares,
        Dictionary<string, double> pop2011, ImportProblems problems)
    {
        var hectares = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int r = 0; r < brownfield.Rows.Count; r++)
            if (brownfield.Number(r, brownfield.Column("brownfield area"), problems) is double ha) hectares[brownfield.Rows[r][brownfield.Column("msoa")]] = ha;
        var lsoasOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (int r = 0; r < msoa11.Rows.Count; r++)
        {
            string lsoa = msoa11.Rows[r][msoa11.Column("lsoa11_code")], msoa = msoa11.Rows[r][msoa11.Column("msoa11_code")];
            if (!shares.ContainsKey(lsoa)) continue;
            if (!lsoasOf.TryGetValue(msoa, out var list)) lsoasOf[msoa] = list = [];
            list.Add(lsoa);
        }
        foreach (var (msoa, ha) in hectares)
        {
            if (!lsoasOf.TryGetValue(msoa, out var lsoas)) continue;
            double total = lsoas.Sum(l => pop2011.GetValueOrDefault(l));
            foreach (string lsoa in lsoas)
            {
                double lsoaHa = total > 0 ? ha * pop2011.GetValueOrDefault(lsoa) / total : ha / lsoas.Count;
                foreach (var (a, share) in shares[lsoa]) g.Areas[a].BrownfieldHectares += share * lsoaHa;
            }
        }
    }
}
