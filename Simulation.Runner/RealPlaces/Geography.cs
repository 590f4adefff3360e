using UrbanSim.Core.World;

namespace UrbanSim.Runner.RealPlaces;

/// <summary>A council (2024 local authority district): its authority, its small areas and, once read, its official figures and calibration.</summary>
internal sealed class Council(string code, string name, Authority authority)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public Authority Authority { get; } = authority;
    /// <summary>Indices of its small areas in <see cref="Geography.Areas"/>, in code order.</summary>
    public List<int> Areas { get; } = [];
    /// <summary>Census 2021 residents.</summary>
    public double Population { get; set; }
    /// <summary>ONS figures and exposures (<see cref="CouncilFigures"/>).</summary>
    public CouncilFigures Figures { get; set; } = null!;
    /// <summary>Mortality and ill-health calibration (<see cref="HealthCalibration"/>).</summary>
    public CouncilCalibration Calibration { get; set; }
}

/// <summary>One 2021 LSOA (lower layer super output area, about 1,600 residents) and everything read about it.</summary>
internal sealed class SmallArea(string code, string name, int council, int line)
{
    public string Code { get; } = code;
    /// <summary>Its line in the LSOA lookup, where problems about it are located.</summary>
    public int Line { get; } = line;
    public string Name { get; } = name;
    public int Council { get; } = council;
    public string MsoaCode { get; set; } = "";
    public string MsoaName { get; set; } = "";
    public string IcbCode { get; set; } = "";
    public string IcbName { get; set; } = "";
    public bool Rural { get; set; }
    /// <summary>Census 2021 usual residents.</summary>
    public double Population { get; set; }
    /// <summary>Residents by model age band (mid-2020 age structure, scaled to the Census 2021 count).</summary>
    public double[] PeopleByAgeBand { get; } = new double[AgeBands.Count];
    public double ImdScore { get; set; }
    /// <summary>IMD 2025 rank, 1 = most deprived of England's 33,755 LSOAs.</summary>
    public int ImdRank { get; set; }
    public int ImdDecile { get; set; }
    /// <summary>Comparative illness and disability ratio (IoD 2025), 100 = England.</summary>
    public double IllnessRatio { get; set; }
    public double Households { get; set; }
    public double FuelPoorHouseholds { get; set; }
    /// <summary>IoD 2019 particulates component (ratio to the limit value), carried to 2021 LSOAs.</summary>
    public double Particulates { get; set; }
    /// <summary>Average distance to the nearest public park or playing field, m, carried to 2021 LSOAs.</summary>
    public double ParkDistanceM { get; set; }
    /// <summary>Hectares on brownfield land registers, shared from the 2011 MSOA by population.</summary>
    public double BrownfieldHectares { get; set; }
    /// <summary>Position in its council's population ranked by IMD 2025 score, most deprived first (0–1).</summary>
    public double Ridit { get; set; }
    /// <summary>Start-year LE and HLE after calibration, years.</summary>
    public double LeYears { get; set; }
    public double HleYears { get; set; }
}

/// <summary>
/// England's councils and small areas, and the authority each council belongs to: the May 2025 combined authorities,
/// the Greater London Authority (London's boroughs), and for councils outside both, their ONS region.
/// </summary>
internal sealed class Geography
{
    public List<Authority> Authorities { get; } = [];
    public List<Council> Councils { get; } = [];
    public Dictionary<string, int> CouncilIndex { get; } = new(StringComparer.Ordinal);
    public List<SmallArea> Areas { get; } = [];
    public Dictionary<string, int> AreaIndex { get; } = new(StringComparer.Ordinal);
    /// <summary>1-based column of the LSOA code in the LSOA lookup.</summary>
    public int AreaCodeColumn { get; private set; }

    /// <summary>
    /// The same councils with 2021 MSOAs as their small areas: each MSOA's people, households, land and counts are its
    /// LSOAs' sums, its IMD score, illness ratio, particulates and park distance their population-weighted means, and its
    /// council, ICB and rural or urban class those of most of its residents. Its IMD decile and rank are among England's
    /// MSOAs, ranked by that score and cut into ten groups of equal numbers, as IMD cuts LSOAs.
    /// </summary>
    public Geography ToMsoas()
    {
        var msoas = new Geography();
        msoas.Authorities.AddRange(Authorities);
        msoas.AreaCodeColumn = AreaCodeColumn;
        foreach (var c in Councils)
        {
            msoas.CouncilIndex[c.Code] = msoas.Councils.Count;
            msoas.Councils.Add(new Council(c.Code, c.Name, c.Authority) { Figures = c.Figures });
        }
        var groups = Areas.GroupBy(a => a.MsoaCode).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        foreach (var group in groups)
        {
            var members = group.ToList();
            double people = members.Sum(a => a.Population);
            double Mean(Func<SmallArea, double> value) => people > 0 ? members.Sum(a => a.Population * value(a)) / people : members.Average(value);
            T Most<T>(Func<SmallArea, T> key) where T : notnull =>
                members.GroupBy(key).OrderByDescending(k => k.Sum(a => a.Population)).ThenBy(k => k.Key.ToString(), StringComparer.Ordinal).First().Key;
            int council = Most(a => a.Council);
            var first = members[0];
            var msoa = new SmallArea(group.Key, first.MsoaName, council, first.Line)
            {
                MsoaCode = group.Key, MsoaName = first.MsoaName, IcbCode = Most(a => a.IcbCode), Rural = Most(a => a.Rural),
                Population = people, ImdScore = Mean(a => a.ImdScore), IllnessRatio = Mean(a => a.IllnessRatio),
                Households = members.Sum(a => a.Households), FuelPoorHouseholds = members.Sum(a => a.FuelPoorHouseholds),
                Particulates = Mean(a => a.Particulates), ParkDistanceM = Mean(a => a.ParkDistanceM), BrownfieldHectares = members.Sum(a => a.BrownfieldHectares),
            };
            msoa.IcbName = members.First(a => a.IcbCode == msoa.IcbCode).IcbName;
            for (int b = 0; b < AgeBands.Count; b++) msoa.PeopleByAgeBand[b] = members.Sum(a => a.PeopleByAgeBand[b]);
            msoas.AreaIndex[msoa.Code] = msoas.Areas.Count;
            msoas.Councils[council].Areas.Add(msoas.Areas.Count);
            msoas.Areas.Add(msoa);
        }
        var ranked = Enumerable.Range(0, msoas.Areas.Count).OrderByDescending(a => msoas.Areas[a].ImdScore).ThenBy(a => msoas.Areas[a].Code, StringComparer.Ordinal).ToList();
        for (int i = 0; i < ranked.Count; i++)
        {
            msoas.Areas[ranked[i]].ImdRank = i + 1;
            msoas.Areas[ranked[i]].ImdDecile = i * 10 / ranked.Count + 1;
        }
        foreach (var council in msoas.Councils) council.Population = council.Areas.Sum(a => msoas.Areas[a].Population);
        return msoas;
    }

    /// <summary>Reads the lookups; null (problems added) when a file is missing or wrong, or codes do not join.</summary>
    public static Geography? Read(string folder, ImportProblems problems)
    {
        var regions = OpenDataTable.Read(folder, OpenDataFiles.Regions.Path, OpenDataFiles.Regions.Columns, problems);
        var areas = OpenDataTable.Read(folder, OpenDataFiles.SmallAreas.Path, OpenDataFiles.SmallAreas.Columns, problems);
        var authorities = OpenDataTable.Read(folder, OpenDataFiles.Authorities.Path, OpenDataFiles.Authorities.Columns, problems);
        var authorities2024 = OpenDataTable.Read(folder, OpenDataFiles.Authorities2024.Path, OpenDataFiles.Authorities2024.Columns, problems);
        var msoas = OpenDataTable.Read(folder, OpenDataFiles.MsoaNames.Path, OpenDataFiles.MsoaNames.Columns, problems);
        var icbs = OpenDataTable.Read(folder, OpenDataFiles.Icbs.Path, OpenDataFiles.Icbs.Columns, problems);
        var rural = OpenDataTable.Read(folder, OpenDataFiles.RuralUrban.Path, OpenDataFiles.RuralUrban.Columns, problems);
        if (regions is null || areas is null || authorities is null || authorities2024 is null || msoas is null || icbs is null || rural is null) return null;

        var geography = new Geography();
        var authorityOf = geography.AuthorityOfCouncil(regions, authorities, authorities2024, areas, problems);
        if (authorityOf is null) return null;
        int code = areas.Column("lsoa21_code"), name = areas.Column("lsoa21_name"), lad = areas.Column("ltla24_code"), ladName = areas.Column("ltla24_name");
        var order = Enumerable.Range(0, areas.Rows.Count).Where(r => areas.Rows[r][code].StartsWith('E')).OrderBy(r => areas.Rows[r][code], StringComparer.Ordinal);
        foreach (int r in order)
        {
            string councilCode = areas.Rows[r][lad];
            if (!geography.CouncilIndex.TryGetValue(councilCode, out int c))
            {
                if (!authorityOf.TryGetValue(councilCode, out var authority))
                {
                    areas.Problem(problems, r, lad, $"council {councilCode} is not in {OpenDataFiles.Regions.Path}", "use lookups of the same year (2024 local authorities)");
                    continue;
                }
                c = geography.Councils.Count;
                geography.Councils.Add(new Council(councilCode, areas.Rows[r][ladName], authority));
                geography.CouncilIndex[councilCode] = c;
            }
            if (geography.AreaIndex.ContainsKey(areas.Rows[r][code]))
            {
                areas.Problem(problems, r, code, $"LSOA {areas.Rows[r][code]} appears twice", "download the lookup again");
                continue;
            }
            geography.AreaIndex[areas.Rows[r][code]] = geography.Areas.Count;
            geography.Councils[c].Areas.Add(geography.Areas.Count);
            geography.Areas.Add(new SmallArea(areas.Rows[r][code], areas.Rows[r][name], c, areas.Lines[r]));
        }
        if (problems.Any) return null;
        geography.AreaCodeColumn = areas.ColumnNumber(code);
        geography.JoinMsoas(areas, msoas, problems);
        geography.JoinIcbs(icbs, rural, problems);
        geography.Authorities.AddRange(geography.Councils.Select(c => c.Authority).DistinctBy(a => a.Code).OrderBy(a => a.Code, StringComparer.Ordinal));
        return problems.Any ? null : geography;
    }

    /// <summary>
    /// Each 2024 council's authority. A May 2025 council code that no 2024 lookup knows (a boundary change gave it a new
    /// code) is matched by name within the same combined authority in the May 2024 lookup.
    /// </summary>
    private Dictionary<string, Authority>? AuthorityOfCouncil(OpenDataTable regions, OpenDataTable authorities, OpenDataTable authorities2024,
        OpenDataTable areas, ImportProblems problems)
    {
        var councils2024 = new HashSet<string>(areas.Rows.Select(r => r[areas.Column("ltla24_code")]), StringComparer.Ordinal);
        var result = new Dictionary<string, Authority>(StringComparer.Ordinal);
        int lad = authorities.Column("LAD25CD"), ladName = authorities.Column("LAD25NM"), ca = authorities.Column("CAUTH25CD"), caName = authorities.Column("CAUTH25NM");
        for (int r = 0; r < authorities.Rows.Count; r++)
        {
            var row = authorities.Rows[r];
            var authority = DevolutionFramework.Of(row[ca], row[caName]);
            if (authority is null)
            {
                authorities.Problem(problems, r, ca, $"combined authority {row[ca]} ({row[caName]}) is not in UrbanSim's devolution framework table",
                    "add its capacity class to Simulation.Runner/RealPlaces/DevolutionFramework.cs (docs/places.md explains the classes)");
                continue;
            }
            string code = row[lad];
            if (!councils2024.Contains(code))
            {
                int match = authorities2024.Rows.FindIndex(x => x[authorities2024.Column("LAD24NM")] == row[ladName] && x[authorities2024.Column("CAUTH24CD")] == row[ca]);
                if (match < 0 || !councils2024.Contains(authorities2024.Rows[match][authorities2024.Column("LAD24CD")]))
                {
                    authorities.Problem(problems, r, lad, $"council {code} ({row[ladName]}) is in no 2024 small-area lookup, and {OpenDataFiles.Authorities2024.Path} has no council of that name in {row[caName]}",
                        "use the lookups listed in docs/places.md, of the years given there");
                    continue;
                }
                code = authorities2024.Rows[match][authorities2024.Column("LAD24CD")];
            }
            result[code] = authority;
        }
        int rc = regions.Column("ltla24_code"), region = regions.Column("region24_name"), regionCode = regions.Column("region24_code");
        var london = DevolutionFramework.Of(DevolutionFramework.GreaterLondonCode, DevolutionFramework.GreaterLondonName)!;
        for (int r = 0; r < regions.Rows.Count; r++)
        {
            var row = regions.Rows[r];
            if (result.ContainsKey(row[rc])) continue;
            result[row[rc]] = row[region] == DevolutionFramework.LondonRegion ? london : DevolutionFramework.OutsideAuthorities(row[regionCode], row[region]);
        }
        return problems.Any ? null : result;
    }

    /// <summary>Each LSOA's 2021 MSOA: ONS names an LSOA after the MSOA it lies in, plus a letter ("Bolton 001A" in "Bolton 001").</summary>
    private void JoinMsoas(OpenDataTable areas, OpenDataTable msoas, ImportProblems problems)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int r = 0; r < msoas.Rows.Count; r++) byName.TryAdd(msoas.Rows[r][msoas.Column("msoa21_name")], msoas.Rows[r][msoas.Column("msoa21_code")]);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < areas.Rows.Count; r++) lineOf[areas.Rows[r][areas.Column("lsoa21_code")]] = r;
        foreach (var area in Areas)
        {
            string msoaName = area.Name.Length > 1 && char.IsAsciiLetterUpper(area.Name[^1]) ? area.Name[..^1] : "";
            if (!byName.TryGetValue(msoaName, out string? msoa))
            {
                areas.Problem(problems, lineOf[area.Code], areas.Column("lsoa21_name"), $"LSOA {area.Code} '{area.Name}' names no MSOA in {OpenDataFiles.MsoaNames.Path}",
                    "use 2021 LSOA and MSOA files of the same release");
                continue;
            }
            area.MsoaCode = msoa;
            area.MsoaName = msoaName;
        }
    }

    private void JoinIcbs(OpenDataTable icbs, OpenDataTable rural, ImportProblems problems)
    {
        var seen = new bool[Areas.Count];
        for (int r = 0; r < icbs.Rows.Count; r++)
        {
            if (!AreaIndex.TryGetValue(icbs.Rows[r][icbs.Column("lsoa21_code")], out int a)) continue;
            Areas[a].IcbCode = icbs.Rows[r][icbs.Column("icb24_code")];
            Areas[a].IcbName = icbs.Rows[r][icbs.Column("icb24_name")];
            seen[a] = true;
        }
        MissingRows(seen, OpenDataFiles.Icbs.Path, problems);
        Array.Clear(seen);
        for (int r = 0; r < rural.Rows.Count; r++)
        {
            if (!AreaIndex.TryGetValue(rural.Rows[r][rural.Column("lsoa21_code")], out int a)) continue;
            Areas[a].Rural = rural.Rows[r][rural.Column("ruc")].Trim().Equals("Rural", StringComparison.OrdinalIgnoreCase);
            seen[a] = true;
        }
        MissingRows(seen, OpenDataFiles.RuralUrban.Path, problems);
    }

    /// <summary>Reports the small areas a file has no row for (at the lookup that lists them).</summary>
    public void MissingRows(bool[] seen, string file, ImportProblems problems)
    {
        for (int a = 0; a < Areas.Count; a++)
            if (!seen[a])
                problems.Add(OpenDataFiles.SmallAreas.Path, Areas[a].Line, AreaCodeColumn, "lsoa21_code", $"LSOA {Areas[a].Code} ({Councils[Areas[a].Council].Name}) has no row in {file}",
                    $"use {file} for 2021 LSOAs, of the release listed in docs/places.md");
    }
}
