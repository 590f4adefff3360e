using System.Globalization;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.CostEffectiveness;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Commands;

/// <summary>Options of <c>urbansim programmes</c>; null means "as the scenario says" or the default.</summary>
internal sealed record ProgrammesOptions(string ScenarioPath, int? Replications, ulong? Seed, int? Threads, double? TopUpGbpPerHeadPerYear, string? OutDirectory);

/// <summary>
/// <c>urbansim programmes</c>: the marginal cost-effectiveness of each health programme in each region at the scenario's
/// budgets (<see cref="ProgrammeCostEffectiveness"/>), written as <c>programmes.csv</c> and a chart, with a table on
/// the console.
/// </summary>
internal static class ProgrammesCommand
{
    /// <summary>Replications when the command line does not say: enough for stable paired differences.</summary>
    public const int DefaultReplications = 100;

    /// <summary>The columns of programmes.csv.</summary>
    public static readonly string[] Columns =
    [
        "variant", "region", "programme", "spend_gbp_per_head_per_year", "marginal_cost_per_qaly_gbp", "marginal_cost_per_qaly_low90_gbp",
        "marginal_cost_per_qaly_high90_gbp", "marginal_cost_per_hle_year_gbp", "nhs_savings_per_gbp", "benefit_cost_ratio", "replications",
    ];

    public static int Run(ProgrammesOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        var started = DateTimeOffset.UtcNow;
        if (ScenarioInput.Load(options.ScenarioPath, stderr, "; nothing was run or written") is not { } loaded) return ExitCodes.InvalidInput;
        var scenario = loaded with { Seed = options.Seed ?? loaded.Seed };
        int replications = options.Replications ?? DefaultReplications;
        int threads = options.Threads ?? Environment.ProcessorCount;
        double topUp = options.TopUpGbpPerHeadPerYear ?? ProgrammeCostEffectiveness.DefaultTopUpGbpPerHeadPerYear;
        string outDir = options.OutDirectory ?? Path.Combine("out", Path.GetFileNameWithoutExtension(options.ScenarioPath) + "-programmes");
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outDir}: cannot create the output folder ({e.Message.TrimEnd('.')}). Fix: give --out a folder you may write to; nothing was run or written.");
            return ExitCodes.Usage;
        }
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Marginal cost-effectiveness of {scenario.Name}: £{topUp:0.##} per resident a year more for each programme in each region, {replications} paired replications"));
        IReadOnlyList<ProgrammeMarginalResult> results;
        try { results = ProgrammeCostEffectiveness.Analyse(scenario, replications, threads, topUp, cancellation: cancellation); }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("Stopped before the analysis finished; nothing was written.");
            return ExitCodes.Interrupted;
        }
        try
        {
            AtomicFile.WriteText(Path.Combine(outDir, "programmes.csv"), w => WriteCsv(w, results));
            var chartFiles = Charts.CostEffectivenessChart.Write(outDir, scenario, results, replications, topUp);
            var files = new[] { "programmes.csv" }.Concat(chartFiles).Select(f => (f, Manifest.Sha256OfFile(Path.Combine(outDir, f)))).ToList();
            AtomicFile.WriteAllText(Path.Combine(outDir, "manifest.json"), new Manifest
            {
                ScenarioPath = options.ScenarioPath, ScenarioSha256 = Manifest.Sha256OfFile(options.ScenarioPath), RunKey = "programmes",
                Seed = scenario.Seed, Replications = replications, ReplicationsDone = replications, Threads = threads,
                Started = started, Finished = DateTimeOffset.UtcNow, Files = files,
            }.ToJson());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outDir}: writing failed: {e.Message.TrimEnd('.')}. Is the disk full?");
            return ExitCodes.WriteFailed;
        }
        PrintTable(stdout, results);
        stdout.WriteLine($"Wrote {outDir}/: programmes.csv, charts/, manifest.json");
        return ExitCodes.Ok;
    }

    /// <summary>programmes.csv: one row per variant, region and programme.</summary>
    public static void WriteCsv(TextWriter w, IReadOnlyList<ProgrammeMarginalResult> results)
    {
        w.WriteLine(string.Join(',', Columns));
        foreach (var r in results)
            w.WriteLine(string.Join(',', Csv.Text(r.Variant), Csv.Text(r.Region), Csv.Text(r.Programme), Csv.Number(r.SpendGbpPerHeadPerYear),
                Opt(r.MarginalCostPerQalyGbp), Opt(r.MarginalCostPerQalyLow90Gbp), Opt(r.MarginalCostPerQalyHigh90Gbp), Opt(r.MarginalCostPerHleYearGbp),
                Csv.Number(r.NhsSavingsPerGbp), Csv.Number(r.BenefitCostRatio), r.Replications.ToString(CultureInfo.InvariantCulture)));

        static string Opt(double? value) => value is { } v ? Csv.Number(v) : "";
    }

    /// <summary>A console table: each programme's marginal cost per QALY by variant, as the median over regions.</summary>
    private static void PrintTable(TextWriter stdout, IReadOnlyList<ProgrammeMarginalResult> results)
    {
        var variants = results.Select(r => r.Variant).Distinct().ToList();
        stdout.WriteLine($"{"Marginal cost per QALY (median over regions)",-46}" + string.Concat(variants.Select(v => $"{v,22}")));
        foreach (var programme in results.Select(r => r.Programme).Distinct())
        {
            stdout.Write($"{programme,-46}");
            foreach (var v in variants)
            {
                var costs = results.Where(r => r.Variant == v && r.Programme == programme).Select(r => r.MarginalCostPerQalyGbp ?? double.PositiveInfinity).Order().ToArray();
                double median = costs[costs.Length / 2];
                stdout.Write($"{(double.IsFinite(median) ? median.ToString("£#,0", CultureInfo.InvariantCulture) : "no QALYs"),22}");
            }
            stdout.WriteLine();
        }
    }
}
