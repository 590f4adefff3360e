using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Commands;

namespace UrbanSim.Runner.Tests.Clients;

/// <summary>
/// A small run of a reference-like scenario (two regions, three settlements, uncertain parameters), made once for the
/// tests of the R and Python clients.
/// </summary>
public sealed class SmallRunFixture : IDisposable
{
    private const string Scenario = """
        {
          "name": "small_reference",
          "world": { "regions": [
            { "name": "North", "capacity": "established", "zones": 10 },
            { "name": "South", "capacity": "developing", "zones": 10 } ] },
          "horizon_years": 6,
          "replications": 12,
          "seed": 20261122,
          "uncertain": [
            { "parameter": "health.walking_relative_risk", "distribution": "lognormal", "median": 0.89, "lower95": 0.83, "upper95": 0.96 }
          ],
          "variants": [
            { "name": "tied_grants", "levers": { "settlement": "tied_grants" } },
            { "name": "single_pot", "levers": { "settlement": "single_pot" } },
            { "name": "health_devolution", "levers": { "settlement": "health_devolution" } }
          ]
        }
        """;

    private readonly TempFolder _temp = new("clients");

    public SmallRunFixture()
    {
        string scenario = _temp.Write("small_reference.json", Scenario);
        OutDir = System.IO.Path.Combine(_temp.Path, "out");
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = RunCommand.Run(new RunOptions(scenario, null, null, 2, OutDir), stdout, stderr);
        if (code != ExitCodes.Ok) throw new InvalidOperationException($"the small run failed ({code}): {stderr}");
        Summary = JObject.Parse(File.ReadAllText(System.IO.Path.Combine(OutDir, "summary.json")));
    }

    public string OutDir { get; }

    public JObject Summary { get; }

    public string Folder => _temp.Path;

    public void Dispose() => _temp.Dispose();
}

/// <summary>
/// examples/r/headline.R and examples/python/headline.py, run for real with Debian's R and Python (scripts/test.sh
/// installs them): their numbers, recomputed from replications.csv, equal summary.json's, and their chart is a PNG.
/// </summary>
public sealed class HeadlineClientTests(SmallRunFixture run) : IClassFixture<SmallRunFixture>
{
    private static readonly string[] Headline = ["hle_years", "hle_gap_years", "qalys", "nhs_cost_gbp", "homes_built"];

    /// <summary>Each client: the program, its script and the Debian packages it needs.</summary>
    public static TheoryData<string> Clients() => new() { "r", "python" };

    private static (string Program, string Script, string Packages) Client(string language) => language switch
    {
        "r" => (Debian("Rscript"), RepositoryRoot.File("examples", "r", "headline.R"), "r-base-core r-cran-jsonlite"),
        "python" => (Debian("python3"), RepositoryRoot.File("examples", "python", "headline.py"), "python3-pandas python3-matplotlib python3-scipy"),
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    /// <summary>
    /// Debian's interpreter, which has the Debian packages the clients need, when it is there: another python3 earlier
    /// on PATH (pyenv, a virtual environment) would not see them. Otherwise whichever PATH finds.
    /// </summary>
    private static string Debian(string program) => File.Exists("/usr/bin/" + program) ? "/usr/bin/" + program : program;

    /// <summary>
    /// Runs a client to its end. A missing interpreter fails the test, saying how to install it: CI installs them, so a
    /// skipped test would hide a broken client.
    /// </summary>
    private static (int Code, string Out, string Err) RunClient(string language, params string[] args)
    {
        var (program, script, packages) = Client(language);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (string a in args) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail($"{program} is not installed. Run scripts/test.sh, which installs it ({packages}, Debian), or: apt-get install {packages}");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{program} {script} did not finish within 2 minutes");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    private static bool IsPng(string path) =>
        File.Exists(path) && File.ReadAllBytes(path).AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

    /// <summary>Close enough to be the same number: within a millionth of the outcome's size, as the CSV keeps 8 significant figures.</summary>
    private static void AssertAgrees(JToken? expected, JToken? actual, double scale, string what)
    {
        bool expectedNull = expected is null || expected.Type == JTokenType.Null;
        bool actualNull = actual is null || actual.Type == JTokenType.Null;
        Assert.True(expectedNull == actualNull, $"{what}: summary.json has {expected}, the client {actual}");
        if (expectedNull) return;
        double e = (double)expected!, a = (double)actual!;
        Assert.True(Math.Abs(e - a) <= 1e-6 * Math.Max(Math.Abs(scale), 1), $"{what}: summary.json has {e.ToString("R", CultureInfo.InvariantCulture)}, the client {a.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>Every headline number the client printed equals summary.json's, for every variant.</summary>
    private void AssertNumbersEqualTheSummary(JObject printed)
    {
        string[] variants = run.Summary["variants"]!.Values<string>().ToArray()!;
        Assert.Equal(variants[0], (string?)printed["baseline"]);
        Assert.Equal((int)run.Summary["replications"]!, (int)printed["replications"]!);
        var rows = printed["outcomes"]!.Children<JObject>().ToDictionary(r => ((string)r["variant"]!, (string)r["outcome"]!));
        Assert.Equal(variants.Length * Headline.Length, rows.Count);
        foreach (string v in variants)
        {
            foreach (string o in Headline)
            {
                var row = rows[(v, o)];
                double mean = (double)run.Summary["outcomes"]![v]![o]!["mean"]!;
                AssertAgrees(mean, row["mean"], mean, $"{v} {o} mean");
                var paired = v == variants[0] ? null : run.Summary["paired_differences"]![v]![o];
                AssertAgrees(paired?["mean"], row["difference_mean"], mean, $"{v} {o} difference");
                AssertAgrees(paired?["ci95_low"], row["difference_ci95_low"], mean, $"{v} {o} difference's 95% CI low");
                AssertAgrees(paired?["ci95_high"], row["difference_ci95_high"], mean, $"{v} {o} difference's 95% CI high");
            }
        }
        // Not vacuous: the differences are not all zero.
        Assert.Contains(rows.Values, r => r["difference_mean"]!.Type != JTokenType.Null && (double)r["difference_mean"]! != 0);
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public void Client_Json_RecomputesTheSummarysMeansAndPairedDifferencesAndDrawsAPng(string language)
    {
        string png = Path.Combine(run.Folder, $"headline-{language}-json.png");

        var (code, stdout, stderr) = RunClient(language, run.OutDir, "--json", "--png", png);

        Assert.True(code == 0, $"exit code {code}: {stderr}");
        var printed = JObject.Parse(stdout);
        Assert.Equal("summary.json", (string?)printed["summary"]);
        Assert.True((bool)printed["agrees_with_summary"]!);
        AssertNumbersEqualTheSummary(printed);
        Assert.True(IsPng(png), $"{png} is not a PNG");
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public void Client_Table_NamesEveryVariantByItsLabelAndSaysTheNumbersAgree(string language)
    {
        string png = Path.Combine(run.Folder, $"headline-{language}-table.png");

        var (code, stdout, stderr) = RunClient(language, run.OutDir, "--png", png);

        Assert.True(code == 0, $"exit code {code}: {stderr}");
        foreach (var setting in run.Summary["variant_settings"]!)
            Assert.Contains((string)setting["label"]!, stdout);
        Assert.Contains("HLE gap (years)", stdout);
        Assert.Contains("equals summary.json's", stdout);
        Assert.True(IsPng(png), $"{png} is not a PNG");
    }

    /// <summary>Without summary.json, the clients read summary.csv (8 significant figures) and still agree.</summary>
    [Theory]
    [MemberData(nameof(Clients))]
    public void Client_WithoutSummaryJson_ReadsSummaryCsvAndAgrees(string language)
    {
        string copy = CopyOfTheRun($"csv-only-{language}");
        File.Delete(Path.Combine(copy, "summary.json"));

        var (code, stdout, stderr) = RunClient(language, copy, "--json", "--png", Path.Combine(copy, "chart.png"));

        Assert.True(code == 0, $"exit code {code}: {stderr}");
        var printed = JObject.Parse(stdout);
        Assert.Equal("summary.csv", (string?)printed["summary"]);
        AssertNumbersEqualTheSummary(printed);
    }

    /// <summary>The clients' own check can fail: a replication changed in replications.csv no longer gives summary.json's numbers.</summary>
    [Theory]
    [MemberData(nameof(Clients))]
    public void Client_ReplicationsThatDisagreeWithTheSummary_ExitsNonZeroSayingSo(string language)
    {
        string copy = CopyOfTheRun($"tampered-{language}");
        string csv = Path.Combine(copy, "replications.csv");
        string[] lines = File.ReadAllLines(csv);
        string[] header = lines[0].Split(',');
        int hle = Array.IndexOf(header, "hle_years");
        string[] cells = lines[1].Split(',');
        cells[hle] = (double.Parse(cells[hle], CultureInfo.InvariantCulture) + 1).ToString("R", CultureInfo.InvariantCulture);
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(csv, lines);

        var (code, _, stderr) = RunClient(language, copy, "--json", "--png", Path.Combine(copy, "chart.png"));

        Assert.NotEqual(0, code);
        Assert.Contains("differ from summary.json", stderr);
    }

    private string CopyOfTheRun(string name)
    {
        string copy = Path.Combine(run.Folder, name);
        Directory.CreateDirectory(copy);
        foreach (string file in new[] { "summary.json", "summary.csv", "replications.csv", "timeseries.csv", "columns.csv" })
            File.Copy(Path.Combine(run.OutDir, file), Path.Combine(copy, file));
        return copy;
    }
}
