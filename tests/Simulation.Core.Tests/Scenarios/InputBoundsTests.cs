using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Tests.Scenarios;

/// <summary>
/// What a scenario file may cost before anything is checked: strict JSON (what jq, Python and R read, not what Newtonsoft
/// tolerates) and caps on its size, its values and its nesting, and on the zones CSV it names, so that no file, however
/// large or strange, reaches an out-of-memory error or a hang.
/// </summary>
public sealed class InputBoundsTests : IDisposable
{
    private readonly TempFolder _temp = new("bounds");
    public void Dispose() => _temp.Dispose();

    private const string Valid = """
        {
          "name": "tiny",
          "world": { "regions": [ { "name": "Only", "zones": 10 } ] },
          "variants": [ { "name": "a", "levers": { "settlement": "single_pot" } } ]
        }
        """;

    [Theory]
    [InlineData("a comment", "{\n  // a note\n  \"name\": \"tiny\",", 2, 3, "comments are not allowed in JSON")]
    [InlineData("a block comment", "{\n  \"name\": /* why */ \"tiny\",", 2, 11, "comments are not allowed in JSON")]
    [InlineData("single quotes", "{\n  'name': \"tiny\",", 2, 3, "single quotes are not allowed; JSON strings and keys use double quotes")]
    [InlineData("a trailing comma", "{\n  \"name\": \"tiny\",\n  \"variants\": [ { \"name\": \"a\", \"levers\": { \"settlement\": \"single_pot\" } }, ],", 3, 76, "a comma after the last item is not allowed in JSON")]
    public void Parse_RefusesWhatOnlyALenientParserReads_NamingTheSlipAndWhere(string kind, string head, int line, int column, string message)
    {
        // The same scenario, valid except for the slip in its head (Newtonsoft alone would have accepted it).
        string rest = "\n  \"world\": { \"regions\": [ { \"name\": \"Only\", \"zones\": 10 } ] }" + (head.Contains("variants") ? "\n}" : ",\n  \"variants\": [ { \"name\": \"a\", \"levers\": { \"settlement\": \"single_pot\" } } ]\n}");
        var result = ScenarioLoader.Parse(head + rest, "s.json", _temp.Path);

        var p = Assert.Single(result.Problems);
        Assert.True(p.Message.Contains(message, StringComparison.Ordinal), $"{kind}: {p}");
        Assert.Equal((line, column), (p.Line, p.Column));
        Assert.Contains("strict JSON", p.Fix);
        Assert.True(ScenarioLoader.Parse(Valid, "s.json", _temp.Path).IsValid);
    }

    [Fact]
    public void LoadFile_RefusesAScenarioLargerThanTheCap_WithoutReadingIt()
    {
        string path = Path.Combine(_temp.Path, "huge.json");
        using (var f = File.Create(path)) f.SetLength(3L << 30);   // 3 GiB, sparse: the size alone refuses it

        var p = Assert.Single(ScenarioLoader.LoadFile(path).Problems);

        Assert.Equal("the file is 3 GiB, more than the 1 MiB this kind of file may be", p.Message);
        Assert.Contains("large data belongs in a zones CSV", p.Fix);
    }

    [Fact]
    public void Parse_RefusesMoreValuesThanTheCap_EvenUnderADollarKeyThatIsIgnored()
    {
        // 200,000 numbers in 400 KB: under the size cap, but a tree of them would take tens of MB for nothing.
        string json = Valid.TrimEnd()[..^1] + ",\n  \"$c\": [" + string.Join(",", Enumerable.Repeat("0", 200_000)) + "]\n}";
        Assert.True(json.Length < InputFile.MaxScenarioBytes);

        var p = Assert.Single(ScenarioLoader.Parse(json, "s.json", _temp.Path).Problems);

        Assert.Equal($"the file holds more than {StrictJson.MaxValues:N0} JSON values", p.Message);
        Assert.Equal(6, p.Line);
    }

    [Fact]
    public void Parse_RefusesNestingDeeperThanTheCap()
    {
        string json = Valid.TrimEnd()[..^1] + ",\n  \"$c\": " + new string('[', 100) + new string(']', 100) + "\n}";
        var p = Assert.Single(ScenarioLoader.Parse(json, "s.json", _temp.Path).Problems);
        Assert.Contains($"nested more than {StrictJson.MaxDepth} levels deep", p.Message);
    }

    [Fact]
    public void LoadFile_RefusesAZonesCsvThatNeverEnds_InsteadOfReadingForever()
    {
        if (!File.Exists("/dev/zero")) return;
        string path = _temp.Write("endless.json", """
            {
              "name": "endless",
              "world": { "zones_csv": "/dev/zero" },
              "variants": [ { "name": "a", "levers": { "settlement": "single_pot" } } ]
            }
            """);

        var p = Assert.Single(ScenarioLoader.LoadFile(path).Problems);

        Assert.Equal((3, "world.zones_csv"), (p.Line, p.JsonPath));
        Assert.Contains("longer than the 64 MiB this kind of file may be (or it is a device or a pipe that does not end)", p.Message);
    }

    [Fact]
    public void InputFile_ReadsAFileOfExactlyTheCap_AndRefusesOneByteMore()
    {
        string path = Path.Combine(_temp.Path, "edge.txt");
        File.WriteAllBytes(path, new byte[1000]);
        Assert.NotNull(InputFile.TryReadBytes(path, 1000, out _));
        Assert.Null(InputFile.TryReadBytes(path, 999, out string? problem));
        Assert.Equal("the file is 1000 bytes, more than the 999 bytes this kind of file may be", problem);
    }
}
