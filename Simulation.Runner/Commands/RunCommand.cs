using System.Diagnostics;
using System.Globalization;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Commands;

/// <summary>Options of <c>urbansim run</c>; null means "as the scenario says".</summary>
public sealed record RunOptions(string ScenarioPath, int? Replications, ulong? Seed, int? Threads, string? OutDirectory);

/// <summary>
/// <c>urbansim run</c>: validates the scenario (writing nothing if it is invalid), runs the Monte Carlo
/// batch in parallel, prints a table of key outcomes per variant and writes summary.json.
/// </summary>
public static class RunCommand
{
    /// <summary>Outcomes printed in the console table.</summary>
    private static readonly string[] TableOutcomes =
    [
        "hle_years", "hle_gap_years", "le_years", "le_gap_years", "qalys", "deaths", "nhs_cost_gbp", "homes_built",
        "healthy_homes_share", "public_spend_gbp", "bidding_cost_gbp", "clawback_gbp", "private_investment_gbp",
    ];

    public static int Run(RunOptions options, TextWriter stdout, TextWriter stderr)
    {
        var loaded = ScenarioLoader.LoadFile(options.ScenarioPath);
        if (!loaded.IsValid)
        {
            foreach (var problem in loaded.Problems) stderr.WriteLine(problem);
            stderr.WriteLine($"{loaded.Problems.Count} problem(s) in {options.ScenarioPath}; nothing was run or written.");
            return ExitCodes.InvalidInput;
        }
        var scenario = loaded.Scenario! with
        {
            Replications = options.Replications ?? loaded.Scenario!.Replications,
            Seed = options.Seed ?? loaded.Scenario!.Seed,
        };
        int threads = options.Threads ?? Environment.ProcessorCount;
        string outDir = options.OutDirectory ?? Path.Combine("out", Path.GetFileNameWithoutExtension(options.ScenarioPath));

        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outDir}: cannot create the output folder ({e.Message.TrimEnd('.')}). Fix: give --out a folder you may write to; nothing was run or written.");
            return ExitCodes.Usage;
        }

        var results = new BatchResults(scenario.Replications, scenario.Variants.Length);
        var clock = Stopwatch.StartNew();
        long lastReport = 0;
        MonteCarloBatch.Run(scenario, 0, scenario.Replications, threads, result =>
        {
            results.Add(result);
            if (clock.ElapsedMilliseconds - lastReport >= 2000)
            {
                lastReport = clock.ElapsedMilliseconds;
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {results.Replications}/{scenario.Replications} replications ({results.Replications / clock.Elapsed.TotalSeconds:F0}/s)"));
            }
        });
        clock.Stop();

        string summaryPath = Path.Combine(outDir, "summary.json");
        AtomicFile.WriteAllText(summaryPath, SummaryWriter.ToJson(scenario, results));
        PrintTable(stdout, scenario, results);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Replications} replications × {scenario.Variants.Length} variants × {scenario.HorizonYears} years in {clock.Elapsed.TotalSeconds:F1} s on {threads} thread(s); seed {scenario.Seed}"));
        stdout.WriteLine($"Wrote {summaryPath}");
        return ExitCodes.Ok;
    }

    private static void PrintTable(TextWriter w, Scenario scenario, BatchResults results)
    {
        const int nameWidth = 24, cellWidth = 30;
        w.WriteLine();
        w.WriteLine($"{scenario.Name}: mean [5th–95th percentile] over {results.Replications} replications; Δ = paired difference against '{scenario.Variants[0].Name}'");
        w.Write("outcome".PadRight(nameWidth));
        foreach (var v in scenario.Variants) w.Write(v.Name.PadLeft(cellWidth));
        w.WriteLine();
        foreach (string name in TableOutcomes)
        {
            int o = Outcomes.IndexOf(name);
            w.Write(name.PadRight(nameWidth));
            for (int v = 0; v < results.Variants; v++)
            {
                var s = SummaryStatistics.Summarise(results.Sample(v, o));
                w.Write($"{Format(s.Mean)} [{Format(s.P5)}–{Format(s.P95)}]".PadLeft(cellWidth));
            }
            w.WriteLine();
            if (results.Variants > 1)
            {
                w.Write("  Δ (95% CI)".PadRight(nameWidth));
                w.Write("".PadLeft(cellWidth));
                for (int v = 1; v < results.Variants; v++)
                {
                    var d = SummaryStatistics.SummarisePaired(results.PairedDifferences(v, o), Outcomes.All[o].HigherIsBetter);
                    w.Write($"{Format(d.Mean, signed: true)} ({Format(d.Ci95Low, true)}, {Format(d.Ci95High, true)})".PadLeft(cellWidth));
                }
                w.WriteLine();
            }
        }
        w.WriteLine();
    }

    /// <summary>Compact human format: 3 significant figures with k/m/bn suffixes for large numbers.</summary>
    internal static string Format(double value, bool signed = false)
    {
        if (!double.IsFinite(value)) return "–";
        string sign = signed && value > 0 ? "+" : "";
        double a = Math.Abs(value);
        string text = a >= 1e9 ? (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "bn"
            : a >= 1e6 ? (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "m"
            : a >= 1e4 ? (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k"
            : a >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
            : a >= 1 ? value.ToString("0.00", CultureInfo.InvariantCulture)
            : value.ToString("0.000", CultureInfo.InvariantCulture);
        return sign + text;
    }
}

/// <summary>Process exit codes.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command line was wrong (System.CommandLine reports it).</summary>
    public const int Usage = 1;
    /// <summary>A scenario, zones or appraisal file was invalid; every problem was printed.</summary>
    public const int InvalidInput = 2;
    /// <summary>A bug: an unexpected exception.</summary>
    public const int InternalError = 70;
}
