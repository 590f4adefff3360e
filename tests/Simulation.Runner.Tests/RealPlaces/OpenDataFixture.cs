using System.Globalization;
using System.Text;

namespace UrbanSim.Runner.Tests.RealPlaces;

/// <summary>
/// A small, made-up England in the layout of the official open-data folder, so the importer's logic and its messages
/// can be tested on any machine: 15 councils of four LSOAs each (two LSOAs to an MSOA). Greater Manchester has four
/// councils, one of them listed in the May 2025 lookup under a new code ("Alpha", E08000038 for the 2024 code
/// E08000004); the West Midlands three; London three, the City of London without health figures of its own (it takes
/// Hackney's); three unitary councils in the North East outside any combined authority; and two district councils in the
/// South East without a published HLE. Every number is a simple function of the council and LSOA index.
/// </summary>
internal sealed class OpenDataFixture : IDisposable
{
    private readonly TempFolder _temp = new("opendata");

    public string Folder => _temp.Path;

    /// <summary>A council of the fixture: 2024 code, name, region, combined authority (code, name) or null, whether ONS publishes its HLE.</summary>
    public sealed record FixtureCouncil(string Code, string Name, string Region, string RegionCode, string? AuthorityCode, string? AuthorityName, bool Hle,
        double LeYears, double LeGapYears, double HleYears, string IcbCode, string IcbName);

    public static readonly FixtureCouncil[] Councils = BuildCouncils();

    public const int AreasPerCouncil = 4;

    private static FixtureCouncil[] BuildCouncils()
    {
        var list = new List<FixtureCouncil>();
        void Add(string code, string name, string region, string regionCode, string? ca, string? caName, bool hle, string icb, string icbName)
        {
            int i = list.Count;
            double le = 77 + (i * 7 % 11) * 0.5, gap = 6 + i % 5, healthy = le - 18 - (i % 4);
            list.Add(new FixtureCouncil(code, name, region, regionCode, ca, caName, hle, le, gap, healthy, icb, icbName));
        }
        const string gm = "NHS Greater Manchester Integrated Care Board", bsol = "NHS Birmingham and Solihull Integrated Care Board";
        Add("E08000001", "Bolton", "North West", "E12000002", "E47000001", "Greater Manchester", true, "E54000057", gm);
        Add("E08000002", "Bury", "North West", "E12000002", "E47000001", "Greater Manchester", true, "E54000057", gm);
        Add("E08000003", "Manchester", "North West", "E12000002", "E47000001", "Greater Manchester", true, "E54000057", gm);
        Add("E08000004", "Alpha", "North West", "E12000002", "E47000001", "Greater Manchester", true, "E54000057", gm);
        Add("E08000025", "Birmingham", "West Midlands", "E12000005", "E47000007", "West Midlands", true, "E54000055", bsol);
        Add("E08000026", "Coventry", "West Midlands", "E12000005", "E47000007", "West Midlands", true, "E54000055", bsol);
        Add("E08000029", "Solihull", "West Midlands", "E12000005", "E47000007", "West Midlands", true, "E54000055", bsol);
        Add("E09000001", "City of London", "London", "E12000007", null, null, false, "E54000027", "NHS North East London Integrated Care Board");
        Add("E09000012", "Hackney", "London", "E12000007", null, null, true, "E54000027", "NHS North East London Integrated Care Board");
        Add("E09000002", "Barking and Dagenham", "London", "E12000007", null, null, true, "E54000027", "NHS North East London Integrated Care Board");
        Add("E06000001", "Hartlepool", "North East", "E12000001", null, null, true, "E54000050", "NHS North East and North Cumbria Integrated Care Board");
        Add("E06000002", "Middlesbrough", "North East", "E12000001", null, null, true, "E54000050", "NHS North East and North Cumbria Integrated Care Board");
        Add("E06000023", "Bristol, City of", "South West", "E12000009", null, null, true, "E54000039", "NHS Bristol, North Somerset and South Gloucestershire Integrated Care Board");
        Add("E07000008", "Cambridge", "East of England", "E12000006", null, null, false, "E54000056", "NHS Cambridgeshire and Peterborough Integrated Care Board");
        Add("E07000009", "East Cambridgeshire", "East of England", "E12000006", null, null, false, "E54000056", "NHS Cambridgeshire and Peterborough Integrated Care Board");
        return [.. list];
    }

    /// <summary>The LSOA code of area <paramref name="a"/> (0-based over the fixture).</summary>
    public static string Lsoa(int a) => $"E01{a + 1:D6}";
    public static string Msoa(int a) => $"E02{a / 2 + 1:D6}";
    public static string LsoaName(int a) => $"{Councils[a / AreasPerCouncil].Name} {a % AreasPerCouncil / 2 + 1:D3}{(char)('A' + a % 2)}";
    public static string MsoaName(int a) => $"{Councils[a / AreasPerCouncil].Name} {a % AreasPerCouncil / 2 + 1:D3}";
    public static int AreaCount => Councils.Length * AreasPerCouncil;
    public static double Residents(int a) => 1_500 + 37 * (a % 9);
    /// <summary>Mid-2020 residents of single year of age <paramref name="age"/> (90 = 90 and over) in area <paramref name="a"/>.</summary>
    public static double People2020(int a, int age) => age < 90 ? 20 - age / 10.0 + a % 3 : 5;
    public static double Residents2020(int a) => Enumerable.Range(0, 91).Sum(age => People2020(a, age));
    /// <summary>IMD score: higher is more deprived, varying within and between councils.</summary>
    public static double ImdScore(int a) => 8 + (a * 13 % 47) + (a % AreasPerCouncil) * 3.5;

    public OpenDataFixture()
    {
        var c = CultureInfo.InvariantCulture;
        string N(double x) => x.ToString("R", c);
        string Q(string s) => s.Contains(',') ? $"\"{s}\"" : s;
        var areas = Enumerable.Range(0, AreaCount).ToArray();
        var ranked = areas.OrderByDescending(ImdScore).ThenBy(a => a).ToArray();
        int Rank(int a) => Array.IndexOf(ranked, a) + 1;

        Write("lookups/LAD25_CAUTH25_EN_LU.csv", "LAD25CD,LAD25NM,CAUTH25CD,CAUTH25NM,ObjectId",
            Councils.Where(x => x.AuthorityCode is not null).Select((x, i) => $"{(x.Name == "Alpha" ? "E08000038" : x.Code)},{x.Name},{x.AuthorityCode},{x.AuthorityName},{i + 1}"));
        Write("lookups/LAD24_CAUTH24_EN_LU.csv", "LAD24CD,LAD24NM,CAUTH24CD,CAUTH24NM,ObjectId",
            Councils.Where(x => x.AuthorityCode is not null).Select((x, i) => $"{x.Code},{x.Name},{x.AuthorityCode},{x.AuthorityName},{i + 1}"));
        Write("lookups/lookup_ltla24_region24.csv", "ltla24_name,ltla24_code,region24_name,region24_code",
            Councils.Select(x => $"{Q(x.Name)},{x.Code},{x.Region},{x.RegionCode}"));
        Write("lookups/lookup_lsoa21_ward24_ltla24.csv", "lsoa21_name,lsoa21_code,ward24_name,ward24_code,ltla24_name,ltla24_code",
            areas.Select(a => $"{Q(LsoaName(a))},{Lsoa(a)},Ward,E05000001,{Q(Councils[a / AreasPerCouncil].Name)},{Councils[a / AreasPerCouncil].Code}")
                .Append("Cardiff 001A,W01001000,Ward,W05000001,Cardiff,W06000015"));
        Write("lookups/msoa21_names_from_boundaries.csv", "msoa21_name,msoa21_code",
            areas.Where(a => a % 2 == 0).Select(a => $"{Q(MsoaName(a))},{Msoa(a)}"));
        Write("lookups/lookup_lsoa21_icb24.csv", "lsoa21_name,lsoa21_code,icb24_name,icb24_code",
            areas.Select(a => $"{Q(LsoaName(a))},{Lsoa(a)},{Q(Councils[a / AreasPerCouncil].IcbName)},{Councils[a / AreasPerCouncil].IcbCode}"));
        Write("lookups/lookup_lsoa11_lsoa21_ltla22.csv", "lsoa11_code,change_code,lsoa21_code", areas.Select(a => $"{Lsoa(a)},U,{Lsoa(a)}"));
        Write("lookups/lookup_lsoa11_msoa11.csv", "lsoa11_code,msoa11_code", areas.Select(a => $"{Lsoa(a)},{Msoa(a)}"));
        Write("lookups/lookup_ltla_ltla.csv", "ltla21_code,ltla21_name,ltla24_code,ltla24_name", Councils.Select(x => $"{x.Code},{Q(x.Name)},{x.Code},{Q(x.Name)}"));
        Write("lookups/ruc21_lsoa21.csv", "lsoa21_code,ruc", areas.Select(a => $"{Lsoa(a)},{(a % 7 == 3 ? "Rural" : "Urban")}"));
        Write("population/census2021_usual_residents_lsoa21.csv", "lsoa21_code,total_residents", areas.Select(a => $"{Lsoa(a)},{N(Residents(a))}"));
        string ages = string.Join(",", Enumerable.Range(0, 90).Select(x => x.ToString(c)).Append("90+"));
        Write("population/population20_lsoa11.csv", $"lsoa11_name,lsoa11_code,total_population,{ages}",
            areas.Select(a => $"{Q(LsoaName(a))},{Lsoa(a)},{N(Residents2020(a))},{string.Join(",", Enumerable.Range(0, 91).Select(y => N(People2020(a, y))))}"));
        Write("population/population20_ltla21.csv", "ltla21_code,ltla21_name,total_population", Councils.Select((x, i) => $"{x.Code},{Q(x.Name)},{6_000 + i}"));
        Write("deprivation/imd2025_england_lsoa21.csv", "lsoa21_code,IMD_decile,IMD_rank,IMD_score",
            areas.Select(a => $"{Lsoa(a)},{(Rank(a) - 1) * 10 / AreaCount + 1},{Rank(a)},{N(ImdScore(a))}"));
        Write("deprivation/imd2025_england_lsoa21_indicators.csv", "lsoa21_code,comparative_illness_and_disability_ratio_indicator",
            areas.Select(a => $"{Lsoa(a)},{N(60 + ImdScore(a) * 1.5)}"));
        Write("deprivation/imd2019_england_lsoa11_indicators.csv", "lsoa11_code,particulates_component_of_air_quality_indicator",
            areas.Select(a => $"{Lsoa(a)},{N(0.4 + (a % 5) * 0.05)}"));
        string Persons(FixtureCouncil x, double value, bool published) =>
            published ? $"{x.Code},{Q(x.Name)},2021 - 23,{N(value - 2)},Male\n{x.Code},{Q(x.Name)},2021 - 23,{N(value + 2)},Female\n{x.Code},{Q(x.Name)},2018 - 20,{N(value + 9)},Male"
                      : $"{x.Code},{Q(x.Name)},2021 - 23,NA,Male\n{x.Code},{Q(x.Name)},2021 - 23,NA,Female";
        bool Published(FixtureCouncil x) => x.Name != "City of London";
        Write("health/fingertips_life_expectancy.csv", "area_code,area_name,period,value,inequality",
            Councils.Select(x => Persons(x, x.LeYears, Published(x))).Prepend("E92000001,England,2021 - 23,79.1,Male\nE92000001,England,2021 - 23,83.1,Female"));
        Write("health/fingertips_healthy_life_expectancy.csv", "area_code,area_name,period,value,inequality",
            Councils.Where(x => x.Code.StartsWith("E06") || x.Code.StartsWith("E08") || x.Code.StartsWith("E09")).Select(x => Persons(x, x.HleYears, Published(x) && x.Hle)));
        Write("health/fingertips_inequality_life_expectancy.csv", "area_code,area_name,period,value,inequality",
            Councils.Select(x => Persons(x, x.LeGapYears, Published(x))));
        Write("health/fingertips_active_adults.csv", "area_code,period,value",
            Councils.Select((x, i) => $"{x.Code},2021/22,{N(60 + i)}").Prepend("E92000001,2021/22,67.3"));
        Write("health/england_health_index_indicators.csv", "ltla21_code,year,indicator,value",
            Councils.Where(x => x.Name != "City of London").SelectMany((x, i) => new[] { $"{x.Code},2019,Air pollution,{N(8 + i * 0.25)}", $"{x.Code},2019,Smoking,{N(12.5)}" }));
        Write("exposures/desnz_subregional_fuel_poverty_2022_lsoa.csv", "lsoa_code,households,fuel_poor_households",
            areas.Select(a => $"{Lsoa(a)},{N(Residents(a) / 2.3)},{N(Math.Round(Residents(a) / 2.3 * (0.08 + a % 6 * 0.02)))}"));
        Write("exposures/cw0302_cycling_by_la_tidy.csv", "area_code,area_name,mode,purpose,frequency,year,percent",
            Councils.Select((x, i) => $"{x.Code},{Q(x.Name)},Cycling,Any,At least once per week,2021,{N(6 + i * 0.5)}")
                .Append("E92000001,England,Cycling,Any,At least once per week,2021,9.1").Append("E92000001,England,Cycling,Any,At least once per month,2021,13.1"));
        Write("exposures/cw0305_walk_cycle_by_deprivation_quartile_tidy.csv", "Demographic category,Demographic,Mode,Purpose,Frequency,year,percent",
            new[] { "1 - Least deprived quartile", "2 - Second least deprived quartile", "3 - Second most deprived quartile", "4 - Most deprived quartile" }
                .SelectMany((d, q) => new[] { $"Level of deprivation,{d},Walking,Any,At least once per week,2021,{N(76 - 5 * q)}", $"Level of deprivation,{d},Cycling,Any,At least once per week,2021,{N(10.4 - q)}" }));
        Write("exposures/ons_os_park_access_lsoa11_2020.csv", "lsoa11cd,lsoa11nm,average_distance",
            areas.Where(a => a != 5).Select(a => $"{Lsoa(a)},{Q(LsoaName(a))},{N(250 + a * 11 % 400)}"));
        Write("exposures/brownfield-areas.csv", "msoa,brownfield area", areas.Where(a => a % 6 != 1 && a % 2 == 0).Select(a => $"{Msoa(a)},{N(1.5 + a % 4)}"));
        Write("exposures/ukhpi_la_2021-03.csv", "Local authorities,March 2021,March 2020,Difference",
            Councils.Select((x, i) => $"{Q(x.Name == "Bristol, City of" ? "City of Bristol" : x.Name)},{N(180_000 + 9_000 * i)},1,1").Append("England,274615,249121,10.2"));
    }

    /// <summary>Writes a fixture file (header and rows, "\n" line ends).</summary>
    public void Write(string relative, string header, IEnumerable<string> rows)
    {
        string path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder(header).Append('\n');
        foreach (string row in rows) text.Append(row).Append('\n');
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Replaces the first occurrence of <paramref name="from"/> in a fixture file.</summary>
    public void Edit(string relative, string from, string to)
    {
        string path = Path.Combine(Folder, relative);
        string text = File.ReadAllText(path);
        int at = text.IndexOf(from, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{from}' is not in {relative}");
        File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..]);
    }

    /// <summary>The 1-based line of the first line of <paramref name="relative"/> containing <paramref name="text"/>.</summary>
    public int LineOf(string relative, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(Folder, relative)), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public void Dispose() => _temp.Dispose();
}
