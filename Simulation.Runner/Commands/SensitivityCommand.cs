using System.Globalization;
using Newtonsoft.Json;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Charts;
using UrbanSim.Runner.Output;
using UrbanSim.Runner.Sensitivity;

namespace UrbanSim.Runner.Commands;

/// <summary>Options of <c>urbansim sensitivity</c>; null means "as the scenario says" or the default.</summary>
public sealed record SensitivityOptions(string ScenarioPath, int? Samples, ulong? Seed, int? Threads, string? OutDirectory);

/// <summary>
/// <c>urbansim sensitivity</c>: global sensitivity analysis of a scenario's lever ranges (its "sensitivity" block) and
/// uncertain parameters: Sobol indices with bootstrap intervals, Morris screening, a FastTree surrogate with
/// permutation importance and partial dependence, and PRIM scenario discovery for halving the HLE gap.
/// </summary>
public static class SensitivityCommand
{
    public const int DefaultSamples = 256;

    public static int Run(SensitivityOptions options, TextWriter stdout, TextWriter stderr, bool terminal = false)
    {
        var started = DateTimeOffset.UtcNow;
        if (ScenarioInput.Load(options.ScenarioPath, stderr, "; nothing was run or written") is not { } loadedScenario) return ExitCodes.InvalidInput;
        var scenario = loadedScenario with { Seed = options.Seed ?? loadedScenario.Seed };
        if (scenario.Sensitivity is null && scenario.Uncertain.IsEmpty)
        {
            stderr.WriteLine($"{options.ScenarioPath}: sensitivity: the scenario has nothing to vary. Fix: add \"sensitivity\": {{ \"levers\": {{ \"funding_per_head_gbp\": [100, 400] }} }} (see scenarios/README.md); nothing was run or written.");
            return ExitCodes.InvalidInput;
        }
        int threads = options.Threads ?? Environment.ProcessorCount;
        int samples = options.Samples ?? DefaultSamples;
        string outDir = options.OutDirectory ?? Path.Combine("out", Path.GetFileNameWithoutExtension(options.ScenarioPath) + "-sensitivity");
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outDir}: cannot create the output folder ({e.Message.TrimEnd('.')}). Fix: give --out a folder you may write to; nothing was run or written.");
            return ExitCodes.Usage;
        }
        if (BatchCharts.MissingFontWarning() is { } warning) stderr.WriteLine(warning);

        var model = new ScenarioModel(scenario);
        var settings = SensitivitySettings.For(samples, scenario.Seed, threads);
        int k = model.Factors.Count;
        int total = SensitivityAnalysis.EvaluationCount(settings, k);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{k} factors ({model.Factors.Count(f => f.Kind == FactorKind.Lever)} levers, {model.Factors.Count(f => f.Kind == FactorKind.Parameter)} uncertain parameters) on variant '{model.BaseVariant}': Sobol N = {samples:N0} ({samples * (k + 2):N0} points), Morris r = {settings.MorrisTrajectories}, LHS {settings.LhsSamples:N0}; {total:N0} points × {model.ReplicationsPerSample} replication(s)"));
        var progress = new ProgressReporter(stderr, terminal, total, 0, "points");
        int gapHalved = IndexOf(model.Outputs, ScenarioModel.GapHalved), gapReduction = IndexOf(model.Outputs, ScenarioModel.GapReduction);
        var analysed = Enumerable.Range(0, model.Outputs.Count).Where(o => o != gapHalved && o != gapReduction).ToArray();
        var results = SensitivityAnalysis.Run(model, settings, analysed, surrogate: true, advance: progress.Advance);
        progress.Finish();

        var discovery = Discover(results, gapHalved, gapReduction);
        string design = string.Create(CultureInfo.InvariantCulture, $"Sobol N = {samples:N0}, Morris r = {settings.MorrisTrajectories}, LHS {settings.LhsSamples:N0}, {model.ReplicationsPerSample} replication(s) per point");
        var caption = new ChartCaption(scenario.Name, model.ReplicationsPerSample, scenario.Seed, Manifest.ToolVersion, design);
        var files = SensitivityOutputs.Write(outDir, results, discovery, caption);
        var manifest = ManifestJson(options.ScenarioPath, scenario, model, settings, results.Evaluations, threads, started, DateTimeOffset.UtcNow,
            files.Select(f => (f, Manifest.Sha256OfFile(Path.Combine(outDir, f)))).ToList());
        AtomicFile.WriteAllText(Path.Combine(outDir, "manifest.json"), manifest);

        PrintSummary(stdout, results, discovery);
        double wall = (DateTimeOffset.UtcNow - started).TotalSeconds;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{results.Evaluations:N0} points × {model.ReplicationsPerSample} replication(s) in {wall:F1} s on {threads} thread(s); seed {scenario.Seed}"));
        stdout.WriteLine($"Wrote {outDir}/: sobol.csv, morris.csv, samples.csv, surrogate.json, discovery.json, charts/, manifest.json");
        return ExitCodes.Ok;
    }

    private static int IndexOf(IReadOnlyList<string> list, string name)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == name) return i;
        return -1;
    }

    /// <summary>Minimum hits for PRIM to look for a box: with fewer, the target falls back to the best tenth of runs.</summary>
    public const int MinimumHits = 10;

    /// <summary>
    /// PRIM on the Latin hypercube runs. The target is halving the HLE gap in most of a point's replications; if fewer
    /// than <see cref="MinimumHits"/> runs do that, it is the best tenth of runs by HLE gap reduction, and the JSON says so.
    /// </summary>
    internal static DiscoveryResult Discover(SensitivityResults r, int gapHalved, int gapReduction)
    {
        int m = r.Outputs.Count, n = r.LhsValues.Length / m, k = r.Factors.Count;
        var halvedShare = Enumerable.Range(0, n).Select(j => r.LhsValues[j * m + gapHalved]).ToArray();
        var reduction = Enumerable.Range(0, n).Select(j => r.LhsValues[j * m + gapReduction]).ToArray();
        int halved = halvedShare.Count(v => v >= 0.5);
        bool[] hit;
        string target, output;
        double threshold;
        if (halved >= MinimumHits)
        {
            hit = halvedShare.Select(v => v >= 0.5).ToArray();
            target = "the HLE gap halved (final gap at most half the start-year gap) in at least half of a point's replications";
            output = ScenarioModel.GapHalved; threshold = 0.5;
        }
        else
        {
            var sorted = reduction.Order().ToArray();
            threshold = SobolAnalysis.Quantile(sorted, 0.9);
            hit = reduction.Select(v => v >= threshold).ToArray();
            target = string.Create(CultureInfo.InvariantCulture,
                $"halving the HLE gap happened in {halved} of {n} runs, too few to describe, so the target is the best tenth of runs: HLE gap reduced by at least {threshold * 100:0.0}% of its start-year value");
            output = ScenarioModel.GapReduction;
        }
        var trajectory = Prim.Peel(r.LhsPoints, k, hit);
        var chosen = Prim.Simplify(r.LhsPoints, k, hit, Prim.Choose(trajectory));
        return new DiscoveryResult(target, output, threshold, halved, n, hit.Count(h => h), trajectory, chosen, Prim.DensityIfFreed(r.LhsPoints, k, hit, chosen));
    }

    private static void PrintSummary(TextWriter w, SensitivityResults r, DiscoveryResult d)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine();
        foreach (var a in r.Analyses)
        {
            w.WriteLine($"{a.Output}: top factors by total Sobol index [95% CI]" + (a.Surrogate is { } fit ? string.Create(c, $"; surrogate held-out R² {fit.TestRSquared:0.000}") : ""));
            foreach (var s in a.Sobol.OrderByDescending(s => double.IsFinite(s.Total.Estimate) ? s.Total.Estimate : -1).Take(5))
                w.WriteLine(string.Create(c, $"  {s.Factor,-52} ST {s.Total.Estimate,6:0.000} [{s.Total.Low:0.000}, {s.Total.High:0.000}]  S1 {s.FirstOrder.Estimate,6:0.000}"));
        }
        w.WriteLine();
        w.WriteLine(string.Create(c, $"Scenario discovery: {d.Target}. Box: coverage {d.Chosen.Coverage:0.00}, density {d.Chosen.Density:0.00} (base rate {(d.Runs > 0 ? d.Hits / (double)d.Runs : 0):0.00})"));
        int minor = 0;
        foreach (int f in d.Restrictions)
        {
            if (d.IsMinor(f)) { minor++; continue; }
            w.WriteLine(string.Create(c, $"  {r.Factors[f].Name}: {Short(r.Factors[f].Value(d.Chosen.Lower[f]))} to {Short(r.Factors[f].Value(d.Chosen.Upper[f]))} (density {d.DensityIfFreed[f]:0.00} without it)"));
        }
        if (minor > 0) w.WriteLine($"  and {minor} minor restriction(s), listed in discovery.json");
        w.WriteLine();
    }

    /// <summary>Four significant figures, with thousands separators instead of an exponent for large values.</summary>
    private static string Short(double x) => Math.Abs(x) >= 1000
        ? x.ToString("N0", CultureInfo.InvariantCulture)
        : x.ToString("G4", CultureInfo.InvariantCulture);

    private static string ManifestJson(string scenarioPath, Scenario scenario, ScenarioModel model, SensitivitySettings s, int evaluations, int threads,
        DateTimeOffset started, DateTimeOffset finished, IReadOnlyList<(string File, string Sha256)> files)
    {
        var sb = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(sb) { Formatting = Formatting.Indented })
        {
            void Str(string name, string value) { w.WritePropertyName(name); w.WriteValue(value); }
            void Int(string name, long value) { w.WritePropertyName(name); w.WriteValue(value); }
            w.WriteStartObject();
            Str("tool", "urbansim");
            Str("command", "sensitivity");
            Str("tool_version", Manifest.ToolVersion);
            Str("git_commit", Manifest.GitCommit);
            Str("scenario", scenarioPath);
            Str("scenario_sha256", Manifest.Sha256OfFile(scenarioPath));
            w.WritePropertyName("seed"); w.WriteValue(scenario.Seed);
            Str("base_variant", model.BaseVariant);
            w.WritePropertyName("factors"); w.WriteStartArray(); foreach (var f in model.Factors) w.WriteValue(f.Name); w.WriteEndArray();
            Int("sobol_base_samples", s.Samples);
            Int("morris_trajectories", s.MorrisTrajectories);
            Int("morris_levels", s.MorrisLevels);
            Int("lhs_samples", s.LhsSamples);
            Int("bootstrap_resamples", s.BootstrapResamples);
            Int("replications_per_point", model.ReplicationsPerSample);
            Int("points", evaluations);
            Int("threads", threads);
            Str("started_utc", started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            Str("finished_utc", finished.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            w.WritePropertyName("wall_seconds"); w.WriteRawValue((finished - started).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
            Manifest.WriteMachine(w);
            w.WritePropertyName("files");
            w.WriteStartObject();
            foreach (var (file, sha) in files) Str(file, sha);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return sb + "\n";
    }
}
