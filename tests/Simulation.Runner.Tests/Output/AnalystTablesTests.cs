using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Output;
using UrbanSim.Runner.Tests.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Output;

/// <summary>
/// The tidy tables an analyst reads into R or pandas: summary.csv, differences.csv by year, replications.csv with what
/// each replication drew, and columns.csv, the data dictionary; every number rounded to a stated precision.
/// </summary>
public sealed class AnalystTablesTests : IDisposable
{
    private readonly CliHarness _h = new();
    public void Dispose() => _h.Dispose();

    private (string Dir, Scenario Scenario) Run(int reps = 40, string scenarioJson = TinyScenario)
    {
        string scenario = _h.Write("tiny.json", scenarioJson);
        string outDir = Path.Combine(_h.Folder, "out");
        var (code, _, stderr) = Cli("run", scenario, "--out", outDir, "--reps", reps.ToString(CultureInfo.InvariantCulture));
        Assert.True(code == ExitCodes.Ok, stderr);
        return (outDir, ScenarioLoader.LoadFile(scenario).Scenario!);
    }

    private static List<Dictionary<string, string>> Table(string path)
    {
        var lines = File.ReadAllLines(path);
        string[] header = Cells(lines[0]);
        return lines.Skip(1).Select(Cells).Select(cells =>
        {
            Assert.Equal(header.Length, cells.Length);
            return header.Select((h, i) => (h, cells[i])).ToDictionary(x => x.h, x => x.Item2);
        }).ToList();
    }

    /// <summary>The fields of an RFC 4180 line (quoted fields may hold commas and doubled quotes).</summary>
    internal static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    private static double N(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void DifferencesCsv_FinalYear_IsTheSummarysPairedDifference_ForStatesAndRunningTotals()
    {
        var (dir, _) = Run();
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var rows = Table(Path.Combine(dir, "differences.csv"));
        Assert.Equal(DifferencesCsv.Header, File.ReadLines(Path.Combine(dir, "differences.csv")).First());
        foreach (var (series, outcome) in new[] { ("hle_years", "hle_years"), ("qalys_to_date", "qalys"), ("nhs_cost_to_date_gbp", "nhs_cost_gbp"), ("homes_built_to_date", "homes_built") })
        {
            var row = rows.Single(r => r["variant"] == "single_pot" && r["year"] == "2029" && r["outcome"] == series);
            var paired = summary["paired_differences"]!["single_pot"]![outcome]!;
            double expected = (double)paired["mean"]!;
            Assert.Equal(expected, N(row["mean_difference"]), Math.Max(1e-9, Math.Abs(expected) * 1e-7));
            Assert.Equal((double)paired["probability_better"]!, N(row["probability_better"]), 9);
            Assert.Equal("tied_grants", row["against"]);
        }
        // Every simulated year and every yearly series, once per variant but the first.
        Assert.Equal(3 * ModelCatalogueSeries, rows.Count);
        Assert.Equal(["2027", "2028", "2029"], rows.Select(r => r["year"]).Distinct());
    }

    private static int ModelCatalogueSeries => ModelCatalogue.Standard.Outcomes.SeriesCount;

    [Fact]
    public void DifferencesCsv_MeanDifference_IsTheMeanOfReplicationByReplicationDifferences()
    {
        var (dir, scenario) = Run(reps: 12);
        // Recompute year 2 of HLE directly from the engine.
        var runner = new ReplicationRunner(scenario);
        var result = ReplicationResult.For(scenario);
        double sum = 0;
        for (int rep = 0; rep < 12; rep++)
        {
            runner.Run(rep, result);
            sum += result.GetYearly(1, 1, Core.Outcomes.StandardSeries.HleYears) - result.GetYearly(0, 1, Core.Outcomes.StandardSeries.HleYears);
        }
        var row = Table(Path.Combine(dir, "differences.csv")).Single(r => r["year"] == "2028" && r["outcome"] == "hle_years");
        Assert.Equal(sum / 12, N(row["mean_difference"]), Math.Max(1e-12, Math.Abs(sum / 12) * 1e-7));
    }

    [Fact]
    public void SummaryCsv_HasEveryVariantAndOutcome_WithTheJsonsNumbers_AndNoPBetterWhereNeitherWayIsBetter()
    {
        var (dir, scenario) = Run();
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var rows = Table(Path.Combine(dir, "summary.csv"));
        var outcomes = scenario.Catalogue.Outcomes.All;
        Assert.Equal(2 * outcomes.Length, rows.Count);
        foreach (var row in rows)
        {
            var json = summary["outcomes"]![row["variant"]]![row["outcome"]]!;
            if (json["mean"]!.Type == JTokenType.Null) { Assert.Equal("", row["mean"]); continue; }
            Assert.Equal((double)json["mean"]!, N(row["mean"]), Math.Max(1e-9, Math.Abs((double)json["mean"]!) * 1e-7));
            var definition = outcomes.Single(o => o.Name == row["outcome"]);
            Assert.Equal(definition.Label, row["outcome_label"]);
            if (row["variant"] == "tied_grants") { Assert.Equal("", row["difference_mean"]); Assert.Equal("Tied grants", row["variant_label"]); continue; }
            Assert.Equal("tied_grants", row["against"]);
            if (definition.Direction == Core.Outcomes.Better.Neither) Assert.Equal("", row["probability_better"]);
            else Assert.InRange(N(row["probability_better"]), 0, 1);
        }
        Assert.Equal("", rows.Single(r => r["variant"] == "single_pot" && r["outcome"] == "public_spend_gbp")["probability_better"]);
    }

    [Fact]
    public void ReplicationsCsv_CarriesTheDrawnParametersAndShocks_TheSameInEveryVariantOfAReplication()
    {
        var (dir, scenario) = Run(reps: 10);
        var rows = Table(Path.Combine(dir, "replications.csv"));
        var runner = new ReplicationRunner(scenario);
        var result = ReplicationResult.For(scenario);
        foreach (var group in rows.GroupBy(r => r["replication"]))
        {
            runner.Run(int.Parse(group.Key, CultureInfo.InvariantCulture), result);
            foreach (var row in group)
            {
                Assert.Equal(Csv.Number(result.DrawnParameters[0]), row["health.walking_relative_risk"]);
                Assert.Equal(result.Shocks.Count(s => s.HasFlag(Core.Shocks.ShockKinds.Recession)).ToString(CultureInfo.InvariantCulture), row["recession_years"]);
                Assert.Equal(result.Shocks.Count(s => s.HasFlag(Core.Shocks.ShockKinds.FundingCut)).ToString(CultureInfo.InvariantCulture), row["funding_cut_years"]);
                Assert.Equal(result.Shocks[^1].HasFlag(Core.Shocks.ShockKinds.HealthShock) ? "1" : "0", row["health_shock_in_final_year"]);
            }
        }
        Assert.True(rows.Select(r => r["health.walking_relative_risk"]).Distinct().Count() > 5, "every replication draws its own value");
    }

    [Fact]
    public void ReplicationsCsv_ShockColumns_FollowTheShockProbabilities()
    {
        string always = TinyScenario.Replace("\"seed\": 7,", "\"seed\": 7, \"parameters\": { \"shocks\": { \"health_shock_probability_per_year\": 1, \"recession_probability_per_year\": 0 } },");
        var (dir, _) = Run(reps: 6, scenarioJson: always);
        Assert.All(Table(Path.Combine(dir, "replications.csv")), r =>
        {
            Assert.Equal("3", r["health_shock_years"]);
            Assert.Equal("1", r["health_shock_in_final_year"]);
            Assert.Equal("0", r["recession_years"]);
        });
        var shocks = JObject.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))["shocks"]!;
        Assert.Equal(1.0, (double)shocks["health_shock"]!["share_of_replications_in_final_year"]!);
        Assert.Equal(6, (int)shocks["final_year_health_shock"]!["replications"]!);
    }

    private const string TwoRegionsDevolved = """
        {
          "name": "two",
          "world": { "regions": [ { "name": "North", "capacity": "established", "zones": 8 }, { "name": "South", "capacity": "new", "zones": 6 } ] },
          "horizon_years": 6,
          "replications": 4,
          "seed": 11,
          "variants": [
            { "name": "tied_grants", "levers": { "settlement": "tied_grants" } },
            { "name": "health_devolution", "levers": { "settlement": "health_devolution", "icb_partnership": 0.8 } }
          ]
        }
        """;

    [Fact]
    public void AgentsCsv_SaysWhatEachAgentDid_AndTheAgentsAddUpToTheWorldsOutcomes()
    {
        var (dir, _) = Run(reps: 12, scenarioJson: TwoRegionsDevolved);
        var rows = Table(Path.Combine(dir, "agents.csv"));
        int quantities = Enumerable.Range(0, RegionOutcomes.Count).Count(o => RegionOutcomes.AgentOf[o] != "region");
        var d = new DevelopmentParameters();
        int firms = 2 * (d.VolumeBuildersPerRegion + d.SmeBuildersPerRegion + d.RegenerationSpecialistsPerRegion);
        // variants × (regions × the quantities of a mayor, an ICB, developers and lenders + firms × a firm's kept quantities)
        Assert.Equal(2 * (2 * quantities + firms * FirmOutcomes.Kept.Length), rows.Count);
        Assert.Equal(["developer_firm", "developers", "icb", "lenders", "mayor"], rows.Select(r => r["agent_type"]).Distinct().Order());
        Assert.Contains(rows, r => r["agent"] == "North volume builder 1" && r["quantity"] == "firm_homes_completed");
        Assert.Contains(rows, r => r["agent"] == "South developers" && r["quantity"] == "developers_profit_gbp");
        Assert.Contains(rows, r => r["agent"] == "North ICB" && r["region"] == "North" && r["quantity"] == "icb_care_qalys_forgone");
        Assert.Contains(rows, r => r["agent"] == "South mayor" && r["quantity"] == "mayor_commitment");
        Assert.All(rows, r => Assert.True(double.Parse(r["p5"], CultureInfo.InvariantCulture) <= double.Parse(r["mean"], CultureInfo.InvariantCulture) * (1 + 1e-6) + 1e-9
                                          && double.Parse(r["mean"], CultureInfo.InvariantCulture) <= double.Parse(r["p95"], CultureInfo.InvariantCulture) * (1 + 1e-6) + 1e-9, string.Join(",", r.Values)));
        // The firms' homes add up to the world's homes built.
        foreach (string variant in new[] { "tied_grants", "health_devolution" })
        {
            double homes = double.Parse(summary0(variant), CultureInfo.InvariantCulture);
            double byFirm = rows.Where(r => r["variant"] == variant && r["quantity"] == "firm_homes_completed").Sum(r => double.Parse(r["mean"], CultureInfo.InvariantCulture));
            Assert.Equal(homes, byFirm, Math.Max(1, homes) * 1e-6);
        }
        string summary0(string variant) => Table(Path.Combine(dir, "summary.csv")).Single(r => r["variant"] == variant && r["outcome"] == "homes_built")["mean"];
        // The ICBs' pooled money and care forgone, the developers' profit and the lenders' income add up to the world's
        // outcomes (means are linear).
        var summary = Table(Path.Combine(dir, "summary.csv"));
        foreach (var (quantity, outcome) in new[] { ("icb_pooled_gbp", "icb_pooled_gbp"), ("icb_care_qalys_forgone", "nhs_care_qalys_forgone"),
                     ("developers_profit_gbp", "developer_profit_gbp"), ("lenders_finance_income_gbp", "investor_return_gbp") })
        {
            double byIcb = rows.Where(r => r["variant"] == "health_devolution" && r["quantity"] == quantity).Sum(r => double.Parse(r["mean"], CultureInfo.InvariantCulture));
            double world = double.Parse(summary.Single(r => r["variant"] == "health_devolution" && r["outcome"] == outcome)["mean"], CultureInfo.InvariantCulture);
            Assert.True(world > 0, outcome);
            Assert.Equal(world, byIcb, world * 1e-6);
        }
    }

    [Fact]
    public void ColumnsCsv_DescribesEveryColumnAndEveryOutcomeValueOfEveryTable_WithUnitAndDiscounting()
    {
        var (dir, _) = Run(reps: 5);
        var dictionary = Table(Path.Combine(dir, "columns.csv"));
        foreach (string file in BatchOutputs.DataFiles.Where(f => f.EndsWith(".csv", StringComparison.Ordinal) && f != "columns.csv"))
        {
            var lines = File.ReadAllLines(Path.Combine(dir, file));
            string[] header = Cells(lines[0]);
            foreach (string column in header)
                Assert.Contains(dictionary, d => d["file"] == file && d["name"] == column && d["kind"] == "column" && d["unit"] != "" && d["description"] != "");
            int outcome = Array.IndexOf(header, "outcome");
            if (outcome < 0) continue;
            foreach (string value in lines.Skip(1).Select(l => Cells(l)[outcome]).Distinct())
                Assert.Contains(dictionary, d => d["file"] == file && d["name"] == value && d["kind"] == "outcome");
        }
        string Discounted(string file, string name) => dictionary.Single(d => d["file"] == file && d["name"] == name)["discounted"];
        Assert.Equal("3.5% a year to the start year", Discounted("replications.csv", "nhs_cost_gbp"));
        Assert.Equal("1.5% a year to the start year", Discounted("summary.csv", "qalys"));
        Assert.Equal("no", Discounted("timeseries.csv", "nhs_cost_undiscounted_gbp"));
        Assert.Equal("3.5% a year to the start year", Discounted("differences.csv", "nhs_cost_to_date_gbp"));
        Assert.Equal("£ per year", dictionary.Single(d => d["file"] == "timeseries.csv" && d["name"] == "nhs_cost_undiscounted_gbp")["unit"]);
    }

    [Fact]
    public void EveryNumberInTheCsvs_HasAtMostEightSignificantFigures_AndNoExponent()
    {
        var (dir, _) = Run(reps: 20);
        var number = new Regex(@"^-?\d+(\.\d+)?$");
        foreach (string file in BatchOutputs.DataFiles.Where(f => f.EndsWith(".csv", StringComparison.Ordinal) && f != "columns.csv"))
            foreach (string cell in File.ReadLines(Path.Combine(dir, file)).Skip(1).SelectMany(Cells))
            {
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue;
                Assert.Matches(number, cell);
                string digits = cell.TrimStart('-').Replace(".", "", StringComparison.Ordinal).TrimStart('0');
                if (cell.Contains('.', StringComparison.Ordinal)) Assert.True(digits.Length <= Csv.SignificantDigits, $"{file}: {cell} has more than {Csv.SignificantDigits} significant figures");
                else Assert.True(digits.TrimEnd('0').Length <= Csv.SignificantDigits, $"{file}: {cell}");
            }
    }

    [Theory]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(64.03324798011907, "64.033248")]
    [InlineData(67477859160.86399, "67477859000")]
    [InlineData(-0.000012345678912, "-0.000012345679")]
    [InlineData(1.23456789e-12, "0.000000000001235")]
    [InlineData(1e-20, "0")]
    [InlineData(-1e-300 * 1e-300, "0")]
    [InlineData(double.NaN, "")]
    public void CsvNumber_RoundsToEightSignificantFiguresAndFifteenDecimalsAtMost(double value, string expected) => Assert.Equal(expected, Csv.Number(value));

    [Fact]
    public void SummaryJsonAndManifest_RecordEachVariantsLabelAndLevers()
    {
        string labelled = TinyScenario.Replace("{ \"name\": \"single_pot\",", "{ \"name\": \"single_pot\", \"label\": \"One flexible pot\",");
        var (dir, _) = Run(reps: 4, scenarioJson: labelled);
        foreach (var file in new[] { "summary.json", "manifest.json" })
        {
            var settings = (JArray)JObject.Parse(File.ReadAllText(Path.Combine(dir, file)))["variant_settings"]!;
            Assert.Equal(["tied_grants", "single_pot"], settings.Select(s => (string)s["name"]!));
            Assert.Equal(["Tied grants", "One flexible pot"], settings.Select(s => (string)s["label"]!));
            Assert.Equal("single_pot", (string)settings[1]["levers"]!["settlement"]!);
            Assert.Equal(new PolicyLevers().FundingPerHeadGbp, (double)settings[1]["levers"]!["funding_per_head_gbp"]!);
            Assert.Equal(LeverPaths.Numeric.Count + 1, ((JObject)settings[0]["levers"]!).Count);
        }
    }
}
