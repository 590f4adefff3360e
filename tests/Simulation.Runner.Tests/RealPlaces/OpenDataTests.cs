using System.Collections.Immutable;
using System.Globalization;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.RealPlaces;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.RealPlaces;

/// <summary>
/// The official open data (Open Government Licence v3.0), found at URBANSIM_ENGLAND_DATA or ../shared/data/england
/// beside the repository. CI has it; scripts/test.sh runs every other test, and says so, where it is missing.
/// </summary>
public static class OpenData
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("URBANSIM_ENGLAND_DATA") is { Length: > 0 } set
        ? set : Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "data", "england"));

    /// <summary>The folder, or a failure saying where the data was looked for.</summary>
    public static string Require()
    {
        Assert.True(Directory.Exists(Folder), $"The official open data is not at {Folder}: set URBANSIM_ENGLAND_DATA, or run scripts/test.sh, which leaves out Category=OpenData without it.");
        return Folder;
    }

    /// <summary>ONS figures of 2021–23 by council code, persons (the mean of males and females), from a Fingertips file.</summary>
    public static Dictionary<string, double> Persons(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Require(), file));
        string[] header = lines[0].Split(',');
        int code = Array.IndexOf(header, "area_code"), period = Array.IndexOf(header, "period"), value = Array.IndexOf(header, "value"), sex = Array.IndexOf(header, "inequality");
        return lines.Skip(1).Select(l => l.Split(','))
            .Where(c => c.Length == header.Length && c[period] == "2021 - 23" && c[sex] is "Male" or "Female" && c[value] != "NA")
            .GroupBy(c => c[code]).ToDictionary(g => g.Key, g => g.Average(c => double.Parse(c[value], CultureInfo.InvariantCulture)));
    }
}

/// <summary>Worlds built once from the official files and shared by the tests below (each build takes 10–20 s).</summary>
public sealed class OpenDataWorlds
{
    private readonly Dictionary<(PlaceLevel, string?), Lazy<BuiltPlaces>> _built = [];

    internal BuiltPlaces Get(PlaceLevel level, string? authorities = null)
    {
        lock (_built)
        {
            if (!_built.TryGetValue((level, authorities), out var lazy))
                _built[(level, authorities)] = lazy = new Lazy<BuiltPlaces>(() =>
                {
                    var problems = new List<ValidationProblem>();
                    var built = PlacesBuilder.Build(OpenData.Require(), level, authorities, problems);
                    Assert.True(built is not null && problems.Count == 0, string.Join("\n", problems));
                    return built!;
                });
            return lazy.Value;
        }
    }
}

/// <summary>
/// The mayoralties built from the official files: their zones, a start year that reproduces ONS's LE and HLE
/// (2021–23) mayoralty by mayoralty, England inside the EVIDENCE.md bands, the LSOA world running, and the shipped
/// compact table being exactly what the importer derives.
/// </summary>
[Trait("Category", "OpenData")]
public sealed class OpenDataTests(OpenDataWorlds worlds) : IClassFixture<OpenDataWorlds>
{
    private static readonly string[] Mayoralties =
    [
        "Greater Manchester", "South Yorkshire", "West Yorkshire", "Liverpool City Region", "Tees Valley", "West Midlands",
        "Cambridgeshire and Peterborough", "West of England", "York and North Yorkshire", "East Midlands", "North East",
        "Hull and East Yorkshire", "Greater Lincolnshire", "Greater London Authority",
    ];

    private static (Scenario Scenario, ReplicationResult Result) StartYear(ImmutableArray<ZoneRecord> zones, int horizonYears = 1, int variants = 1, int replication = 0)
    {
        var scenario = new Scenario
        {
            Name = "open-data", HorizonYears = horizonYears, Seed = 20261122, World = new WorldSpec { Zones = zones },
            Variants = [.. new[] { "tied_grants", "single_pot" }.Take(variants).Select(v => new PolicyVariant(v, new PolicyLevers { Settlement = SettlementOf(v) }))],
        };
        var result = ReplicationResult.For(scenario);
        new ReplicationRunner(scenario).Run(replication, result);
        return (scenario, result);
    }

    private static Core.Settlements.Settlement SettlementOf(string name) => Core.Settlements.SettlementCatalogue.Find(name)!;

    [Fact]
    public void MsoaWorld_IsTheMayoraltiesAbout3500Msoas_And29MillionResidents()
    {
        var built = worlds.Get(PlaceLevel.Msoa);

        Assert.InRange(built.Zones.Length, 3_400, 3_600);
        Assert.InRange(built.Zones.Sum(z => z.Population), 28.5e6, 29.5e6);
        Assert.Equal(Mayoralties, built.Zones.Select(z => z.Region).Distinct());
        Assert.All(built.Zones, z => Assert.Matches("^E02[0-9]{6}$", z.ZoneId));
        Assert.Contains(built.Zones, z => z.ZoneName == "Bolton 001" && z.LocalAuthorityName == "Bolton" && z.Region == "Greater Manchester");
    }

    [Fact]
    public void MsoaWorld_StartYear_ReproducesOnsLeAndHle_MayoraltyByMayoralty()
    {
        var built = worlds.Get(PlaceLevel.Msoa);
        var (_, result) = StartYear(built.Zones);
        var le = OpenData.Persons("health/fingertips_life_expectancy.csv");
        var hle = OpenData.Persons("health/fingertips_healthy_life_expectancy.csv");

        foreach (string mayoralty in Mayoralties)
        {
            var zones = Enumerable.Range(0, built.Zones.Length).Where(z => built.Zones[z].Region == mayoralty).ToList();
            // ONS: the councils' figures weighted by their residents; the model: its zones' start year, the same weights.
            (double Ons, double Model) Compare(Dictionary<string, double> ons, int field)
            {
                var published = zones.Where(z => ons.ContainsKey(built.Zones[z].LocalAuthorityCode!)).ToList();
                double people = published.Sum(z => built.Zones[z].Population);
                return (published.Sum(z => built.Zones[z].Population * ons[built.Zones[z].LocalAuthorityCode!]) / people,
                    published.Sum(z => built.Zones[z].Population * result.ZoneBaseline[z * 2 + field]) / people);
            }
            var (onsLe, modelLe) = Compare(le, 1);
            Assert.True(Math.Abs(modelLe - onsLe) <= 0.5, $"{mayoralty}: LE {modelLe:0.00}, ONS {onsLe:0.00}");
            var (onsHle, modelHle) = Compare(hle, 0);
            Assert.True(Math.Abs(modelHle - onsHle) <= 1.5, $"{mayoralty}: HLE {modelHle:0.00}, ONS {onsHle:0.00} (councils with a published HLE)");
        }
        Assert.InRange(result.BaselineValues[Baseline.HleGapYears], 17, 21);
        Assert.InRange(result.BaselineValues[Baseline.LeGapYears], 7, 11);
        Assert.InRange(result.BaselineValues[Baseline.NcdDeathShare], 0.85, 0.90);
    }

    [Theory]
    [InlineData("Lsoa")]
    [InlineData("Msoa")]
    public void England_StartYear_IsInsideTheEvidenceBands(string levelName)
    {
        var level = Enum.Parse<PlaceLevel>(levelName);
        var built = worlds.Get(level, PlacesBuilder.AllOfEngland);
        var (_, result) = StartYear(built.Zones);

        Assert.InRange(built.Zones.Sum(z => z.Population), 56e6, 57e6);
        Assert.InRange(result.BaselineValues[Baseline.HleYears], 61.5, 63.5);
        Assert.InRange(result.BaselineValues[Baseline.HleGapYears], 17, 21);
        Assert.InRange(result.BaselineValues[Baseline.LeGapYears], 7, 11);
        Assert.InRange(result.BaselineValues[Baseline.NcdDeathShare], 0.85, 0.90);
    }

    [Fact]
    public void LsoaWorld_About17000Zones_RunsBothVariantsOverTheHorizon()
    {
        var built = worlds.Get(PlaceLevel.Lsoa);
        var (_, result) = StartYear(built.Zones, horizonYears: 25, variants: 2, replication: 7);

        Assert.InRange(built.Zones.Length, 16_500, 17_800);
        Assert.Equal(Mayoralties.Length, result.Regions);
        for (int v = 0; v < 2; v++)
        {
            Assert.InRange(result.Get(v, StandardOutcomes.HleYears), 55, 70);
            Assert.True(result.Get(v, StandardOutcomes.HomesBuilt) > 0);
            for (int r = 0; r < result.Regions; r++) Assert.All(result.RegionOutcomesOf(v, r).ToArray(), x => Assert.True(double.IsFinite(x)));
        }
        var checks = built.Checks.ToDictionary(c => c.Authority);
        for (int r = 0; r < Mayoralties.Length; r++)
            Assert.Equal(checks[Mayoralties[r]].ModelLeYears, result.RegionBaseline[r * RegionOutcomes.BaselineCount + RegionOutcomes.BaselineLeYears], 0.01);
    }

    [Fact]
    public void ShippedCompactTable_IsExactlyWhatTheImporterDerivesFromTheFiles()
    {
        using var temp = new TempFolder("shipped");
        string zones = Path.Combine(temp.Path, "england_mcas.csv"), checks = Path.Combine(temp.Path, "england_mcas.checks.csv");
        var (code, _, stderr) = Cli("places", "build", "--from", OpenData.Require(), "--level", "decile", "--out", zones, "--checks", checks);

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Equal(File.ReadAllText(RepositoryRoot.File("places", "england_mcas.csv")), File.ReadAllText(zones));
        Assert.Equal(File.ReadAllText(RepositoryRoot.File("places", "england_mcas.checks.csv")), File.ReadAllText(checks));
    }
}
