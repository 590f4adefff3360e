using Newtonsoft.Json;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Investors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Commands;

/// <summary>
/// <c>urbansim trace</c>: one replication's agents year by year, for teaching and debugging: every mayor, ICB and
/// region's developers and lenders (as groups), and every developer firm. Writes <c>trace.csv</c>
/// (tidy: variant, year, agent type, agent, region, quantity, value) and <c>trace.json</c> (the same, nested by variant,
/// year and agent, with the replication's drawn parameters and provenance). Replication R is the row R of a run's
/// <c>replications.csv</c> with the same seed: its random numbers are keyed by (seed, replication).
/// </summary>
internal static class TraceCommand
{
    public const string CsvHeader = "variant,year,agent_type,agent,region,quantity,value";

    public static int Run(string scenarioPath, int replication, ulong? seed, string? outDirectory, TextWriter stdout, TextWriter stderr)
    {
        if (ScenarioInput.Load(scenarioPath, stderr, "; nothing was run or written") is not { } loaded) return ExitCodes.InvalidInput;
        var scenario = loaded with { Seed = seed ?? loaded.Seed };
        string outDir = outDirectory ?? Path.Combine("out", $"{Path.GetFileNameWithoutExtension(scenarioPath)}-trace-{replication}");
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outDir}: cannot create the output folder ({e.Message.TrimEnd('.')}). Fix: give --out a folder you may write to; nothing was run or written.");
            return ExitCodes.Usage;
        }
        var trace = Record(scenario, replication, out var result);
        var regions = Core.World.Places.Regions(Core.World.Places.Describe(scenario));
        AtomicFile.WriteText(Path.Combine(outDir, "trace.csv"), w => WriteCsv(w, scenario, regions.Select(r => r.Name).ToArray(), trace));
        AtomicFile.WriteText(Path.Combine(outDir, "trace.json"), w => WriteJson(w, scenarioPath, scenario, replication, result, regions.Select(r => r.Name).ToArray(), trace));
        stdout.WriteLine($"Traced replication {replication} of {scenario.Name} (seed {scenario.Seed}): {scenario.Variants.Length} variants × {scenario.HorizonYears} years × " +
                         $"{regions.Length} mayors, ICBs, developer groups and lender groups, {trace.FirmNames.Length} developer firms and {regions.Length * trace.LendersPerRegion} lenders. Wrote {outDir}/: trace.csv, trace.json");
        return ExitCodes.Ok;
    }

    /// <summary>One replication's agents at the end of each year.</summary>
    /// <param name="Regions">[variant][year] → [region * RegionOutcomes.Count + outcome].</param>
    /// <param name="Firms">[variant][year] → [firm * FirmOutcomes.Count + quantity].</param>
    /// <param name="FirmNames">[firm] its name ("North volume builder 1").</param>
    /// <param name="FirmRegions">[firm] its region's name.</param>
    /// <param name="Lenders">[variant][year] → [lender * LenderQuantities.Length + quantity].</param>
    /// <param name="LendersPerRegion">Private lenders in each region.</param>
    internal sealed record Trace(double[][][] Regions, double[][][] Firms, string[] FirmNames, string[] FirmRegions, double[][][] Lenders, int LendersPerRegion);

    /// <summary>What the trace records of each private lender at the end of each year.</summary>
    internal static readonly string[] LenderQuantities =
        ["lender_perceived_risk", "lender_rate_per_year", "lender_left_gbp", "lender_lent_gbp", "lender_income_gbp", "lender_years_withdrawn", "lender_losses_gbp"];

    private static void MeasureLenders(FinanceState finance, Span<double> rows)
    {
        int q = LenderQuantities.Length;
        for (int l = 0; l < finance.LenderRatePerYear.Length; l++)
        {
            rows[l * q] = finance.LenderPerceivedRisk[l];
            rows[l * q + 1] = double.IsFinite(finance.LenderRatePerYear[l]) ? finance.LenderRatePerYear[l] : double.NaN;
            rows[l * q + 2] = finance.LenderLeftGbp[l];
            rows[l * q + 3] = finance.LenderLentGbp[l];
            rows[l * q + 4] = finance.LenderIncomeGbp[l];
            rows[l * q + 5] = finance.LenderYearsWithdrawn[l];
            rows[l * q + 6] = finance.LenderLossGbp[l];
        }
    }

    /// <summary>A lender's name: its region and its place from the most cautious (1) to the most tolerant.</summary>
    internal static string LenderName(string region, int lender, int lenders) =>
        $"{region} lender {lender + 1}" + (lenders > 1 && lender == 0 ? " (most cautious)" : lenders > 1 && lender == lenders - 1 ? " (most tolerant)" : "");

    /// <summary>Runs replication <paramref name="replication"/> and records its agents at the end of each year.</summary>
    internal static Trace Record(Scenario scenario, int replication, out ReplicationResult result)
    {
        var regions = new double[scenario.Variants.Length][][];
        var firms = new double[scenario.Variants.Length][][];
        var lenders = new double[scenario.Variants.Length][][];
        for (int v = 0; v < regions.Length; v++)
        {
            regions[v] = new double[scenario.HorizonYears][]; firms[v] = new double[scenario.HorizonYears][]; lenders[v] = new double[scenario.HorizonYears][];
        }
        ReplicationRunner? runner = null;
        runner = new ReplicationRunner(scenario)
        {
            AgentObserver = (variant, year, agents) =>
            {
                regions[variant][year] = (double[])agents.Clone();
                var state = runner!.Firms;
                firms[variant][year] = new double[state.Count * FirmOutcomes.Count];
                FirmOutcomes.Measure(state, runner.CurrentWorld.Sites, firms[variant][year]);
                lenders[variant][year] = new double[runner.Finance.LenderRatePerYear.Length * LenderQuantities.Length];
                MeasureLenders(runner.Finance, lenders[variant][year]);
            },
        };
        result = ReplicationResult.For(scenario);
        runner.Run(replication, result);
        var names = Core.World.Places.Regions(Core.World.Places.Describe(scenario)).Select(r => r.Name).ToArray();
        var f = runner.Firms;
        return new Trace(regions, firms,
            [.. Enumerable.Range(0, f.Count).Select(i => FirmOutcomes.Name(f, i, names[f.RegionOf(i)]))],
            [.. Enumerable.Range(0, f.Count).Select(i => names[f.RegionOf(i)])], lenders, runner.Finance.LendersPerRegion);
    }

    /// <summary>One agent at the end of one year: its kind, name and region, and its quantities with their values.</summary>
    private readonly record struct AgentYear(string Type, string Name, string Region, IReadOnlyList<string> Quantities, double[] Values);

    /// <summary>
    /// Every agent at the end of year <paramref name="y"/> of variant <paramref name="v"/>: the mayors, ICBs and the
    /// regions' developers and lenders as groups, then each developer firm, then each lender.
    /// </summary>
    private static IEnumerable<AgentYear> AgentsIn(Trace trace, string[] regions, int v, int y)
    {
        foreach (string type in RegionOutcomes.AgentTypes)
        {
            int[] mine = [.. Enumerable.Range(0, RegionOutcomes.Count).Where(o => RegionOutcomes.AgentOf[o] == type)];
            string[] quantities = [.. mine.Select(o => RegionOutcomes.Names[o])];
            for (int r = 0; r < regions.Length; r++)
                yield return new AgentYear(type, RegionOutcomes.AgentName(type, regions[r]), regions[r], quantities,
                    [.. mine.Select(o => trace.Regions[v][y][r * RegionOutcomes.Count + o])]);
        }
        for (int f = 0; f < trace.FirmNames.Length; f++)
            yield return new AgentYear("developer_firm", trace.FirmNames[f], trace.FirmRegions[f], FirmOutcomes.Names,
                trace.Firms[v][y].AsSpan(f * FirmOutcomes.Count, FirmOutcomes.Count).ToArray());
        for (int l = 0; l < regions.Length * trace.LendersPerRegion; l++)
        {
            string region = regions[l / trace.LendersPerRegion];
            yield return new AgentYear("lender", LenderName(region, l % trace.LendersPerRegion, trace.LendersPerRegion), region, LenderQuantities,
                trace.Lenders[v][y].AsSpan(l * LenderQuantities.Length, LenderQuantities.Length).ToArray());
        }
    }

    private static void WriteCsv(TextWriter w, Scenario scenario, string[] regions, Trace trace)
    {
        w.WriteLine(CsvHeader);
        for (int v = 0; v < trace.Regions.Length; v++)
            for (int y = 0; y < trace.Regions[v].Length; y++)
            {
                string variant = Csv.Text(scenario.Variants[v].Name), year = Csv.Whole(scenario.StartYear + y + 1);
                foreach (var agent in AgentsIn(trace, regions, v, y))
                    for (int q = 0; q < agent.Quantities.Count; q++)
                        w.WriteLine(string.Join(',', variant, year, agent.Type, Csv.Text(agent.Name), Csv.Text(agent.Region),
                            agent.Quantities[q], Csv.Number(agent.Values[q])));
            }
    }

    private static void WriteJson(TextWriter text, string scenarioPath, Scenario scenario, int replication, ReplicationResult result, string[] regions, Trace trace)
    {
        using var w = new JsonTextWriter(text) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("tool_version"); w.WriteValue(Manifest.ToolVersion);
        w.WritePropertyName("scenario"); w.WriteValue(scenario.Name);
        w.WritePropertyName("scenario_path"); w.WriteValue(scenarioPath);
        w.WritePropertyName("scenario_sha256"); w.WriteValue(Manifest.Sha256OfFile(scenarioPath));
        w.WritePropertyName("seed"); w.WriteValue(scenario.Seed);
        w.WritePropertyName("replication"); w.WriteValue(replication);
        w.WritePropertyName("drawn_parameters");
        w.WriteStartObject();
        for (int i = 0; i < scenario.Uncertain.Length; i++) { w.WritePropertyName(scenario.Uncertain[i].Path); w.WriteValue(result.DrawnParameters[i]); }
        w.WriteEndObject();
        w.WritePropertyName("quantities");
        w.WriteStartObject();
        for (int o = 0; o < RegionOutcomes.Count; o++)
        {
            if (RegionOutcomes.AgentOf[o] == "region") continue;
            w.WritePropertyName(RegionOutcomes.Names[o]);
            w.WriteValue($"{RegionOutcomes.Descriptions[o]} ({RegionOutcomes.Units[o]}; at the end of the year, totals so far)");
        }
        for (int q = 0; q < FirmOutcomes.Count; q++)
        {
            w.WritePropertyName(FirmOutcomes.Names[q]);
            w.WriteValue($"{FirmOutcomes.Descriptions[q]} (a developer firm; at the end of the year, totals so far)");
        }
        foreach (string q in LenderQuantities)
        {
            w.WritePropertyName(q);
            w.WriteValue("A private lender's " + q["lender_".Length..].Replace('_', ' ') + " (at the end of the year, totals so far)");
        }
        w.WriteEndObject();
        w.WritePropertyName("variants");
        w.WriteStartArray();
        for (int v = 0; v < trace.Regions.Length; v++)
        {
            w.WriteStartObject();
            w.WritePropertyName("variant"); w.WriteValue(scenario.Variants[v].Name);
            w.WritePropertyName("years");
            w.WriteStartArray();
            for (int y = 0; y < trace.Regions[v].Length; y++)
            {
                w.WriteStartObject();
                w.WritePropertyName("year"); w.WriteValue(scenario.StartYear + y + 1);
                w.WritePropertyName("agents");
                w.WriteStartArray();
                foreach (var agent in AgentsIn(trace, regions, v, y))
                {
                    w.WriteStartObject();
                    w.WritePropertyName("agent_type"); w.WriteValue(agent.Type);
                    w.WritePropertyName("agent"); w.WriteValue(agent.Name);
                    w.WritePropertyName("region"); w.WriteValue(agent.Region);
                    for (int q = 0; q < agent.Quantities.Count; q++)
                    {
                        w.WritePropertyName(agent.Quantities[q]);
                        if (double.IsFinite(agent.Values[q])) w.WriteValue(Csv.RoundSignificant(agent.Values[q], 8)); else w.WriteNull();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
