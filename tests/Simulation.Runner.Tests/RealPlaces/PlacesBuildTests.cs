using System.Globalization;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Health;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.RealPlaces;
using static UrbanSim.Runner.Tests.Commands.CliHarness;
using static UrbanSim.Runner.Tests.RealPlaces.OpenDataFixture;

namespace UrbanSim.Runner.Tests.RealPlaces;

/// <summary>
/// <c>urbansim places build</c> on a small made-up England in the official files' layout (<see cref="OpenDataFixture"/>):
/// what it builds, how it calibrates, and every kind of bad input it refuses. Runs on any machine.
/// </summary>
public sealed class PlacesBuildTests : IDisposable
{
    private readonly OpenDataFixture _data = new();
    public void Dispose() => _data.Dispose();

    private BuiltPlaces Build(PlaceLevel level, string? authorities = null)
    {
        var problems = new List<ValidationProblem>();
        var built = PlacesBuilder.Build(_data.Folder, level, authorities, problems);
        Assert.True(built is not null && problems.Count == 0, string.Join("\n", problems));
        return built!;
    }

    private static double Le(ZoneRecord z) => LocalHealth.ExpectanciesYears(z.MortalityRatio!.Value, z.IllHealthOddsRatio!.Value).LifeExpectancyYears;
    private static double Hle(ZoneRecord z) => LocalHealth.ExpectanciesYears(z.MortalityRatio!.Value, z.IllHealthOddsRatio!.Value).HealthyLifeExpectancyYears;
    private static double Weighted(IEnumerable<ZoneRecord> zones, Func<ZoneRecord, double> value) =>
        zones.Sum(z => z.Population * value(z)) / zones.Sum(z => z.Population);

    [Fact]
    public void DefaultAuthorities_AreTheMayoralCombinedAuthoritiesAndLondon_InOnsCodeOrder()
    {
        var built = Build(PlaceLevel.Lsoa);

        Assert.Equal(["Greater Manchester", "West Midlands", "Greater London Authority"], built.Checks.Select(c => c.Authority));
        Assert.Equal(["E47000001", "E47000007", "E61000001"], built.Checks.Select(c => c.Code));
        Assert.Equal([CapacityClass.Established, CapacityClass.Established, CapacityClass.Established], built.Checks.Select(c => c.Capacity));
        Assert.Equal(10 * AreasPerCouncil, built.Zones.Length);
        Assert.Equal(["Greater Manchester", "West Midlands", "Greater London Authority"], built.Zones.Select(z => z.Region).Distinct());
    }

    [Fact]
    public void ACouncilRecodedIn2025_IsFoundByNameInThe2024Lookup()
    {
        var built = Build(PlaceLevel.Lsoa);

        var alpha = built.Zones.Where(z => z.LocalAuthorityName == "Alpha").ToList();
        Assert.Equal(AreasPerCouncil, alpha.Count);
        Assert.All(alpha, z => Assert.Equal(("Greater Manchester", "E08000004"), (z.Region, z.LocalAuthorityCode)));
    }

    [Fact]
    public void EveryCouncil_KeepsItsOnsLeAndWithinCouncilGap_AndPublishedHle()
    {
        var built = Build(PlaceLevel.Lsoa, PlacesBuilder.AllOfEngland);

        foreach (var council in Councils)
        {
            var zones = built.Zones.Where(z => z.LocalAuthorityCode == council.Code).OrderBy(z => z.ZoneId).ToList();
            var hackney = Councils.Single(c => c.Name == "Hackney");
            var figures = council.Name == "City of London" ? hackney : council;   // ONS publishes them together
            Assert.Equal(figures.LeYears, Weighted(zones, Le), 0.005);
            if (council.Hle || council.Name == "City of London") Assert.Equal(figures.HleYears, Weighted(zones, Hle), 0.005);
            else Assert.InRange(Weighted(zones, Hle), 45, figures.LeYears - 5);
            // The slope of LE on the zones' ridit (ranked by IMD score, most deprived first) is the council's published gap.
            var ranked = zones.OrderByDescending(z => ImdScore(Array.IndexOf(Enumerable.Range(0, AreaCount).Select(Lsoa).ToArray(), z.ZoneId))).ToList();
            double total = ranked.Sum(z => z.Population), cumulative = 0;
            var ridit = new List<double>();
            foreach (var z in ranked) { ridit.Add((cumulative + z.Population / 2) / total); cumulative += z.Population; }
            double meanRidit = ranked.Select((z, i) => z.Population * ridit[i]).Sum() / total, meanLe = Weighted(ranked, Le);
            double cov = ranked.Select((z, i) => z.Population * (ridit[i] - meanRidit) * (Le(z) - meanLe)).Sum();
            double variance = ranked.Select((z, i) => z.Population * Math.Pow(ridit[i] - meanRidit, 2)).Sum();
            Assert.Equal(figures.LeGapYears, cov / variance, 0.02);
        }
    }

    [Fact]
    public void Checks_CompareEachAuthorityWithOns_OverTheCouncilsOnsPublishesHleFor()
    {
        var built = Build(PlaceLevel.Msoa, PlacesBuilder.AllOfEngland);

        var london = built.Checks.Single(c => c.Authority == "Greater London Authority");
        Assert.Equal(3, london.Councils);
        Assert.Equal(3, london.CouncilsWithHle);
        var east = built.Checks.Single(c => c.Authority == "East of England");
        Assert.Equal("E12000006", east.Code);
        Assert.Equal(0, east.CouncilsWithHle);
        Assert.Null(east.OnsHleYears);
        foreach (var check in built.Checks)
        {
            Assert.Equal(check.OnsLeYears, check.ModelLeYears, 0.005);
            if (check.OnsHleYears is double ons) Assert.Equal(ons, check.ModelHlePublishedCouncilsYears!.Value, 0.005);
        }
    }

    [Fact]
    public void MsoaZones_GroupTheirLsoas_AndKeepEachAuthoritysLe()
    {
        var lsoa = Build(PlaceLevel.Lsoa);
        var msoa = Build(PlaceLevel.Msoa);

        Assert.Equal(lsoa.Zones.Length / 2, msoa.Zones.Length);
        Assert.Equal(lsoa.Zones.Sum(z => z.Population), msoa.Zones.Sum(z => z.Population));
        var bolton = msoa.Zones.First(z => z.ZoneName == "Bolton 001");
        Assert.Equal(Msoa(0), bolton.ZoneId);
        Assert.Equal(Residents(0) + Residents(1), bolton.Population);
        foreach (string region in msoa.Zones.Select(z => z.Region).Distinct())
            Assert.Equal(Weighted(lsoa.Zones.Where(z => z.Region == region), Le), Weighted(msoa.Zones.Where(z => z.Region == region), Le), 0.005);
    }

    [Fact]
    public void DecileZones_AreOnePerAuthorityAndDecile_AndKeepEachAuthoritysLeAndHle()
    {
        var lsoa = Build(PlaceLevel.Lsoa);
        var deciles = Build(PlaceLevel.Decile);

        var expected = lsoa.Zones.Select(z => (z.Region, z.DeprivationDecile)).Distinct().Count();
        Assert.Equal(expected, deciles.Zones.Length);
        var first = deciles.Zones[0];
        Assert.Equal($"E47000001-D{first.DeprivationDecile:00}", first.ZoneId);
        Assert.Equal($"Greater Manchester, IMD decile {first.DeprivationDecile}", first.ZoneName);
        Assert.Null(first.LocalAuthorityCode);
        foreach (string region in deciles.Zones.Select(z => z.Region).Distinct())
        {
            Assert.Equal(Weighted(lsoa.Zones.Where(z => z.Region == region), Le), Weighted(deciles.Zones.Where(z => z.Region == region), Le), 0.005);
            Assert.Equal(Weighted(lsoa.Zones.Where(z => z.Region == region), Hle), Weighted(deciles.Zones.Where(z => z.Region == region), Hle), 0.005);
        }
    }

    [Fact]
    public void ZonesCarryAgesIcbsAndExposures_FromTheFiles()
    {
        var built = Build(PlaceLevel.Lsoa);

        var z = built.Zones.Single(x => x.ZoneId == Lsoa(0));
        Assert.Equal("Bolton 001A", z.ZoneName);
        Assert.Equal(("E54000057", "NHS Greater Manchester Integrated Care Board"), (z.IcbCode, z.IcbName));
        Assert.Equal(Residents(0), z.PeopleByAgeBand.Sum(), 0.5);
        Assert.Equal(AgeBands.Count, z.PeopleByAgeBand.Length);
        Assert.InRange(z.WalkingMinutesPerWeek, 40, 130);
        Assert.InRange(z.Pm25MicrogramsPerM3, 4, 15);
        Assert.InRange(z.ColdHomeShare, 0, 0.2);
        // Brownfield hectares × 40 homes a hectare, the 2011 MSOA's hectares shared between its two LSOAs by mid-2020 population.
        Assert.Equal(Math.Round(1.5 * ExposureModel.HomesPerBrownfieldHectare * Residents2020(0) / (Residents2020(0) + Residents2020(1))), z.SiteCapacityHomes);
        // The mid-2020 age structure, scaled to the Census 2021 count: band 1–4 holds ages 1 to 4.
        Assert.Equal(Residents(0) * Enumerable.Range(1, 4).Sum(age => People2020(0, age)) / Residents2020(0), z.PeopleByAgeBand[1], 0.05);
    }

    [Fact]
    public void ASmallGapInParkAccess_IsFilledFromTheCouncil_AndNoted()
    {
        var built = Build(PlaceLevel.Lsoa);

        Assert.Contains(built.Comments, c => c.StartsWith("1 of England's 60 2021 LSOAs have no row in exposures/ons_os_park_access_lsoa11_2020.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void BuiltFile_IsAZonesFileTheModelRuns_AndItsStartYearIsTheChecks()
    {
        string outFile = Path.Combine(_data.Folder, "out", "zones.csv");
        var (code, stdout, stderr) = Cli("places", "build", "--from", _data.Folder, "--level", "msoa", "--out", outFile, "--checks", Path.Combine(_data.Folder, "out", "checks.csv"));
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("Built 20 zones (msoa) of 3 authorities", stdout);

        var (zones, problems) = Places.ReadZones(File.ReadAllLines(outFile), outFile);
        Assert.Empty(problems);
        var scenario = new Scenario { Name = "fixture", HorizonYears = 1, World = new WorldSpec { Zones = zones }, Variants = [new PolicyVariant("tied", new PolicyLevers())] };
        var result = ReplicationResult.For(scenario);
        new ReplicationRunner(scenario).Run(0, result);
        var checks = File.ReadAllLines(Path.Combine(_data.Folder, "out", "checks.csv")).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(3, checks.Count);
        for (int r = 0; r < checks.Count; r++)
        {
            Assert.Equal(double.Parse(checks[r][9], CultureInfo.InvariantCulture), result.RegionBaseline[r * RegionOutcomes.BaselineCount + RegionOutcomes.BaselineLeYears], 0.01);
            Assert.Equal(double.Parse(checks[r][12], CultureInfo.InvariantCulture), result.RegionBaseline[r * RegionOutcomes.BaselineCount + RegionOutcomes.BaselineHleYears], 0.01);
        }
    }

    [Fact]
    public void SameFiles_GiveTheSameBytes()
    {
        string a = Path.Combine(_data.Folder, "a.csv"), b = Path.Combine(_data.Folder, "b.csv");
        Assert.Equal(ExitCodes.Ok, Cli("places", "build", "--from", _data.Folder, "--level", "decile", "--out", a).Code);
        Assert.Equal(ExitCodes.Ok, Cli("places", "build", "--from", _data.Folder, "--level", "decile", "--out", b).Code);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    /// <summary>Runs the build expecting it refused: exit 2, no stack trace, the output not written; returns stderr.</summary>
    private string Refused(params string[] extra)
    {
        string outFile = Path.Combine(_data.Folder, "refused", "zones.csv");
        var (code, stdout, stderr) = Cli(["places", "build", "--from", _data.Folder, "--out", outFile, .. extra]);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("", stdout);
        AssertNoStackTrace(stderr);
        Assert.Contains("nothing was written", stderr);
        Assert.False(File.Exists(outFile));
        return stderr;
    }

    [Fact]
    public void AMissingFile_IsNamed_WithWhereToGetIt()
    {
        File.Delete(Path.Combine(_data.Folder, "exposures", "desnz_subregional_fuel_poverty_2022_lsoa.csv"));

        string err = Refused();

        Assert.StartsWith($"exposures/desnz_subregional_fuel_poverty_2022_lsoa.csv: missing from {_data.Folder}. Fix: download it (see docs/places.md, 'Input files')", err);
    }

    [Fact]
    public void AFileOfTheWrongShape_NamesTheColumnItLacks()
    {
        _data.Edit("deprivation/imd2025_england_lsoa21.csv", "IMD_score", "IMD_scor");

        string err = Refused();

        Assert.StartsWith("deprivation/imd2025_england_lsoa21.csv:1:1: IMD_score: the header has no column 'IMD_score'; it has lsoa21_code, IMD_decile, IMD_rank, IMD_scor. Fix:", err);
    }

    [Fact]
    public void ACodeThatDoesNotJoin_IsLocatedWhereItIsListed_AndNamesTheFileLackingIt()
    {
        _data.Edit("population/census2021_usual_residents_lsoa21.csv", Lsoa(6), "E01999999");

        string err = Refused();

        int line = _data.LineOf("lookups/lookup_lsoa21_ward24_ltla24.csv", Lsoa(6));
        Assert.StartsWith($"lookups/lookup_lsoa21_ward24_ltla24.csv:{line}:2: lsoa21_code: LSOA {Lsoa(6)} (Bury) has no row in population/census2021_usual_residents_lsoa21.csv. Fix:", err);
    }

    [Fact]
    public void AValueThatIsNotANumber_IsLocatedByFileLineAndColumn()
    {
        _data.Edit("population/census2021_usual_residents_lsoa21.csv", $"{Lsoa(3)},", $"{Lsoa(3)},many");

        string err = Refused();

        int line = _data.LineOf("population/census2021_usual_residents_lsoa21.csv", Lsoa(3));
        Assert.Contains($"population/census2021_usual_residents_lsoa21.csv:{line}:2: total_residents: 'many", err);
    }

    [Fact]
    public void ACombinedAuthorityTheFrameworkDoesNotKnow_IsRefusedAtItsLookupLine()
    {
        _data.Edit("lookups/LAD25_CAUTH25_EN_LU.csv", "E47000007,West Midlands", "E47000099,Somewhere New");

        string err = Refused();

        Assert.StartsWith($"lookups/LAD25_CAUTH25_EN_LU.csv:{_data.LineOf("lookups/LAD25_CAUTH25_EN_LU.csv", "Somewhere New")}:3: CAUTH25CD: combined authority E47000099 (Somewhere New) is not in UrbanSim's devolution framework table", err);
    }

    [Fact]
    public void AnUnknownAuthority_GetsTheNearestName()
    {
        string err = Refused("--authorities", "Greater Manchster");

        Assert.StartsWith("--authorities: 'Greater Manchster' is not an authority of the lookups. Fix: did you mean 'Greater Manchester'?", err);
    }

    [Fact]
    public void AMissingFolder_IsSaidPlainly()
    {
        string missing = Path.Combine(_data.Folder, "nowhere");
        var (code, _, stderr) = Cli("places", "build", "--from", missing, "--out", Path.Combine(_data.Folder, "z.csv"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.StartsWith($"{missing}: --from: folder not found.", stderr);
    }

    [Fact]
    public void AFailedWrite_Exits74_AndLeavesNoFile()
    {
        string blocker = Path.Combine(_data.Folder, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var (code, _, stderr) = Cli("places", "build", "--from", _data.Folder, "--out", Path.Combine(blocker, "zones.csv"));

        Assert.Equal(ExitCodes.WriteFailed, code);
        Assert.Contains("cannot write", stderr);
        AssertNoStackTrace(stderr);
        Assert.Equal("not a folder", File.ReadAllText(blocker));
    }
}

/// <summary>The README lists every official file the importer reads, with where to download it.</summary>
public sealed class OpenDataFilesDocumentationTests
{
    [Fact]
    public void Readme_ListsEveryOfficialFileTheImporterReads_WithADownloadPage()
    {
        string[] readme = File.ReadAllLines(RepositoryRoot.File("README.md"));

        Assert.Equal(OpenDataFiles.All.Length, OpenDataFiles.All.Select(f => f.Path).Distinct().Count());
        foreach (var file in OpenDataFiles.All)
        {
            string? row = readme.FirstOrDefault(l => l.StartsWith($"| `{file.Path}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"README.md's 'Real places' table has no row for {file.Path}");
            Assert.Matches(@"\|[^|]+\|[^|]+\| .*\S.* \|$", row);
            Assert.StartsWith("https://", file.Page);
        }
    }
}
