using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Tests.World;

/// <summary>Bad zones CSV input gets a message with the file, line, column, column name and a fix; valid files load.</summary>
public sealed class ZoneCsvTests
{
    public const string Header =
        "zone_id,region,region_capacity,deprivation_decile,population,walking_minutes_per_week,cycling_minutes_per_week," +
        "pm25_micrograms_per_m3,green_space_ndvi,cold_home_share,house_price_gbp_per_m2,site_capacity_homes,remediation_cost_gbp_per_home";

    private const string Row1 = "Z1,North,established,1,42000,75,4.5,11.2,0.28,0.09,1800,600,20000";
    private const string Row2 = "Z2,North,established,9,38000,88,7,8.4,0.41,0.04,3900,450,0";
    private const string Row3 = "Z3,\"South, coast\",new,5,30500,81,5.5,8,0.36,0.06,2900,300,12000";
    private const string File = "zones.csv";

    private static ZoneCsvResult Parse(params string[] lines) => ZoneCsv.Parse(lines, File);

    private static ValidationProblem Single(params string[] lines)
    {
        var result = Parse(lines);
        Assert.True(result.Zones.IsEmpty);
        return Assert.Single(result.Problems);
    }

    private static void AssertLocated(ValidationProblem p, int line, int column, string columnName)
    {
        Assert.Equal(File, p.File);
        Assert.Equal(line, p.Line);
        Assert.Equal(column, p.Column);
        Assert.Equal(columnName, p.JsonPath);
        Assert.False(string.IsNullOrWhiteSpace(p.Fix));
        Assert.StartsWith($"{File}:{line}:{column}: ", p.ToString());
    }

    /// <summary>1-based column where the <paramref name="field"/>-th (0-based) comma-separated field of an unquoted line starts.</summary>
    private static int ColumnOfField(string line, int field)
    {
        int column = 1;
        for (int i = 0, commas = 0; commas < field; i++)
            if (line[i] == ',') { commas++; column = i + 2; }
        return column;
    }

    [Fact]
    public void ValidFile_Loads()
    {
        var result = Parse(Header, Row1, Row2, "", Row3);

        Assert.Empty(result.Problems);
        Assert.Equal(3, result.Zones.Length);
        var z = result.Zones[0];
        Assert.Equal("Z1", z.ZoneId);
        Assert.Equal("North", z.Region);
        Assert.Equal(CapacityClass.Established, z.RegionCapacity);
        Assert.Equal(1, z.DeprivationDecile);
        Assert.Equal(42000, z.Population);
        Assert.Equal(75, z.WalkingMinutesPerWeek);
        Assert.Equal(4.5, z.CyclingMinutesPerWeek);
        Assert.Equal(11.2, z.Pm25MicrogramsPerM3);
        Assert.Equal(0.28, z.GreenSpaceNdvi);
        Assert.Equal(0.09, z.ColdHomeShare);
        Assert.Equal(1800, z.HousePriceGbpPerM2);
        Assert.Equal(600, z.SiteCapacityHomes);
        Assert.Equal(20000, z.RemediationCostGbpPerHome);
        Assert.Equal("South, coast", result.Zones[2].Region);
        Assert.Equal(CapacityClass.New, result.Zones[2].RegionCapacity);
    }

    [Fact]
    public void RegionCapacityColumn_IsOptionalAndColumnsMayComeInAnyOrder()
    {
        string header = "region,zone_id,deprivation_decile,population,walking_minutes_per_week,cycling_minutes_per_week," +
                        "pm25_micrograms_per_m3,green_space_ndvi,cold_home_share,house_price_gbp_per_m2,site_capacity_homes,remediation_cost_gbp_per_home";
        var result = Parse(header, "East,E1,3,25000,70,3,10,0.3,0.08,2200,500,0");

        Assert.Empty(result.Problems);
        var z = Assert.Single(result.Zones);
        Assert.Equal("E1", z.ZoneId);
        Assert.Equal("East", z.Region);
        Assert.Equal(CapacityClass.Developing, z.RegionCapacity);
    }

    [Fact]
    public void ExampleZonesFile_Loads()
    {
        var result = ZoneCsv.Load(RepositoryRoot.File("examples", "zones-example.csv"));

        Assert.Empty(result.Problems);
        Assert.InRange(result.Zones.Length, 35, 45);
        Assert.Equal(3, result.Zones.Select(z => z.Region).Distinct().Count());
        Assert.Equal(result.Zones.Length, result.Zones.Select(z => z.ZoneId).Distinct().Count());
    }

    [Fact]
    public void MissingColumn_IsReportedOnTheHeader()
    {
        string header = Header.Replace(",population", "");
        var p = Single(header, "Z1,North,established,1,75,4.5,11.2,0.28,0.09,1800,600,20000");

        AssertLocated(p, 1, 1, "population");
        Assert.Equal("missing column 'population'", p.Message);
        Assert.Equal("add a 'population' column to the header", p.Fix);
    }

    [Fact]
    public void UnknownColumn_SuggestsNearestName()
    {
        string header = Header.Replace("pm25_micrograms_per_m3", "pm25_microgram_per_m3");
        var result = Parse(header, Row1);

        Assert.True(result.Zones.IsEmpty);
        Assert.Equal(2, result.Problems.Count);
        var unknown = result.Problems[0];
        AssertLocated(unknown, 1, header.IndexOf("pm25_", StringComparison.Ordinal) + 1, "pm25_microgram_per_m3");
        Assert.Equal("unknown column 'pm25_microgram_per_m3'", unknown.Message);
        Assert.Equal("did you mean 'pm25_micrograms_per_m3'?", unknown.Fix);
        Assert.Equal("missing column 'pm25_micrograms_per_m3'", result.Problems[1].Message);
    }

    [Fact]
    public void NonNumericValue_GivesLineAndColumn()
    {
        string row = "Z2,North,established,9,38000,88,7,high,0.41,0.04,3900,450,0";
        var p = Single(Header, Row1, row);

        AssertLocated(p, 3, ColumnOfField(row, 7), "pm25_micrograms_per_m3");
        Assert.Equal(35, p.Column);
        Assert.Equal("'high' is not a number", p.Message);
        Assert.Contains("'.' as the decimal point", p.Fix);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("0")]
    [InlineData("2.5")]
    public void OutOfRangeDecile_SaysTheAllowedRange(string decile)
    {
        string row = $"Z1,North,established,{decile},42000,75,4.5,11.2,0.28,0.09,1800,600,20000";
        var p = Single(Header, row);

        AssertLocated(p, 2, ColumnOfField(row, 3), "deprivation_decile");
        Assert.Equal($"{decile} is out of range", p.Message);
        Assert.StartsWith("use a value from 1 to 10", p.Fix);
    }

    [Fact]
    public void OutOfRangeShare_SaysTheAllowedRange()
    {
        string row = "Z1,North,established,1,42000,75,4.5,11.2,0.28,1.4,1800,600,20000";
        var p = Single(Header, row);

        AssertLocated(p, 2, ColumnOfField(row, 9), "cold_home_share");
        Assert.Equal("1.4 is out of range", p.Message);
        Assert.StartsWith("use a value from 0 to 1", p.Fix);
    }

    [Fact]
    public void DuplicateZoneId_IsReportedAtTheSecond()
    {
        var p = Single(Header, Row1, Row2, Row1.Replace(",1,42000,", ",2,41000,"));

        AssertLocated(p, 4, 1, "zone_id");
        Assert.Equal("zone_id 'Z1' appears twice", p.Message);
        Assert.Equal("make zone identifiers unique", p.Fix);
    }

    [Fact]
    public void WrongFieldCount_SaysHowManyFields()
    {
        var p = Single(Header, Row1, "Z2,North,established,9,38000,88,7,8.4,0.41,0.04,3900,450");

        AssertLocated(p, 3, 1, "");
        Assert.Equal("12 fields where the header has 13", p.Message);
        Assert.Contains("one value per column", p.Fix);
    }

    [Fact]
    public void EmptyFile_IsReported()
    {
        var p = Single();

        AssertLocated(p, 1, 1, "");
        Assert.Equal("the file is empty", p.Message);
        Assert.Contains("zone_id,region", p.Fix);
    }

    [Fact]
    public void EmptyFileOnDisk_IsReported()
    {
        string path = Path.Combine(Path.GetTempPath(), "urbansim-empty-" + Guid.NewGuid().ToString("N") + ".csv");
        System.IO.File.WriteAllText(path, "");
        try
        {
            var result = ZoneCsv.Load(path);
            var p = Assert.Single(result.Problems);
            Assert.Equal(path, p.File);
            Assert.Equal("the file is empty", p.Message);
        }
        finally { System.IO.File.Delete(path); }
    }

    [Fact]
    public void HeaderWithoutRows_IsReported()
    {
        var p = Single(Header);

        Assert.Equal(2, p.Line);
        Assert.Equal("no zone rows", p.Message);
    }

    [Fact]
    public void MissingFile_IsReported()
    {
        string path = Path.Combine(Path.GetTempPath(), "urbansim-absent-" + Guid.NewGuid().ToString("N") + ".csv");
        var result = ZoneCsv.Load(path);

        var p = Assert.Single(result.Problems);
        Assert.Equal(path, p.File);
        Assert.Contains("not found", p.Message);
    }

    [Fact]
    public void SeveralBadRows_AreAllReported()
    {
        var result = Parse(Header,
            "Z1,North,established,1,42000,75,4.5,abc,0.28,0.09,1800,600,20000",
            "Z2,North,established,12,38000,88,7,8.4,0.41,0.04,3900,450,0",
            "Z3,North,established,9,38000,88",
            "Z1,North,mature,9,38000,88,7,8.4,0.41,0.04,3900,450,0");

        Assert.True(result.Zones.IsEmpty);
        Assert.Equal([2, 3, 4, 5, 5], result.Problems.Select(p => p.Line));
        Assert.Equal(["pm25_micrograms_per_m3", "deprivation_decile", "", "zone_id", "region_capacity"], result.Problems.Select(p => p.JsonPath));
        Assert.Contains("established, developing, new", result.Problems[4].Fix);
    }
}
