using System.Globalization;
using Newtonsoft.Json;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Charts;
using UrbanSim.Runner.Output;
using UrbanSim.Runner.Sensitivity;

namespace UrbanSim.Runner.Commands;

/// <summary>Options of <c>urbansim sensitivity</c>; null means "as the scenario says" or the default.</summary>
/// <param name="Yes">Go on although the estimate is above the thresholds that ask for confirmation (<see cref="CostEstimate"/>).</param>
internal sealed record SensitivityOptions(string ScenarioPath, int? Samples, ulong? Seed, int? Threads, string? OutDirectory, bool Resume = false, ShardSpec? Shard = null, bool Yes = false);

/// <summary>
/// <c>urbansim sensitivity</c>: global sensitivity analysis of a scenario's lever ranges (its "sensitivity" block) and
/// uncertain parameters: Sobol indices with bootstrap intervals, Morris screening, a FastTree surrogate with
/// permutation importance and partial dependence, and PRIM scenario discovery for halving the HLE gap. The model's
/// outputs at the design's points go to checksummed chunks in <c>OUT/chunks/</c> as they are computed, so
/// <c>--resume</c> computes only what is missing and <c>--shard K/N</c> computes one slice of the points for
/// <c>urbansim merge</c>.
/// </summary>
internal static class SensitivityCommand
{
    public const int DefaultSamples = 256;

    public static int Run(SensitivityOptions options, TextWriter stdout, TextWriter stderr, bool terminal = false, CancellationToken cancellation = default)
    {
        var started = DateTimeOffset.UtcNow;
        if (ScenarioInput.Load(options.ScenarioPath, stderr, "; nothing was run or written") is not { } loadedScenario) return ExitCodes.InvalidInput;
        var scenario = loadedScenario with { Seed = options.Seed ?? loadedScenario.Seed };
        if (scenario.Sensitivity is null && scenario.Uncertain.IsEmpty)
        {
            stderr.WriteLine($"{options.ScenarioPath}: sensitivity: the scenario has nothing to vary. Fix: add \"sensitivity\": {{ \"levers\": {{ \"funding_per_head_gbp\": [100, 400] }} }} (see scenarios/README.md); nothing was run or written.");
            return ExitCodes.InvalidInput;
        }
        int samples = options.Samples ?? DefaultSamples;
        var model = new ScenarioModel(scenario);
        var settings = SensitivitySettings.For(samples, scenario.Seed, options.Threads ?? Environment.ProcessorCount);
        int k = model.Factors.Count;
        var design = SensitivityDesign.Create(settings, model);
        int total = design.Count;
        if (options.Shard is { } requested && requested.Count > total)
        {
            stderr.WriteLine($"--shard {requested}: {requested.Count} shards is more than the {total:N0} points of the analysis; use at most {total} shards. Nothing was run or written.");
            return ExitCodes.Usage;
        }
        string outDir = options.OutDirectory ?? Path.Combine("out", Path.GetFileNameWithoutExtension(options.ScenarioPath) + "-sensitivity");
        string chunksDir = Path.Combine(outDir, RunCommand.ChunksFolder);
        // Disk, memory and time, before anything is written (as for run).
        var (sliceFirst, sliceEnd) = options.Shard?.Range(total) ?? (0, total);
        var estimate = CostEstimate.ForSensitivity(scenario, sliceEnd - sliceFirst, model.ReplicationsPerSample, model.Outputs.Count, k, outDir);
        if (estimate.Check(options.Threads, options.Yes, "sensitivity", stderr, out int threads) is { } refused) return refused;
        settings = SensitivitySettings.For(samples, scenario.Seed, threads);   // the design does not depend on the threads
        // One writer per folder, for the whole analysis: a second command on it is refused instead of mixing or deleting results.
        using var folder = OutputFolder.Claim(outDir, stderr, out int claimed);
        if (folder is null) return claimed;
        if (options.Shard is null && BatchCharts.MissingFontWarning() is { } warning) stderr.WriteLine(warning);

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{k} factors ({model.Factors.Count(f => f.Kind == FactorKind.Lever)} levers, {model.Factors.Count(f => f.Kind == FactorKind.Parameter)} uncertain parameters{GroupsText(model)}) on {VariantText(model)}: Sobol N = {samples:N0} ({design.SobolCount:N0} points), Morris r = {settings.MorrisTrajectories}, LHS {settings.LhsSamples:N0}; {total:N0} points × {model.ReplicationsPerSample} replication(s)"));
        string runKey = RunKey.ForSensitivity(scenario, samples, model.Factors.Select(f => f.Name), model.Outputs);
        var store = PointChunk.Store(chunksDir, runKey, model.Outputs.Count);
        // A shard computes only its slice [rangeFirst, rangeEnd) of the points.
        var (rangeFirst, rangeEnd) = options.Shard?.Range(total) ?? (0, total);
        int size = rangeEnd - rangeFirst;
        // A shard folder has a shard.json only once the shard has finished, so one running or killed cannot be merged.
        if (options.Shard is not null) File.Delete(Path.Combine(outDir, ShardRecord.FileName));
        // An earlier analysis's outputs go before any new one is written (its manifest first), so the folder never shows a mix.
        else folder.RetirePreviousOutputs(SensitivityOutputs.DataFiles);
        var (found, missing) = store.Prepare(options.Resume, total, rangeFirst, rangeEnd, stderr);
        int toDo = missing.Sum(g => g.End - g.First);
        if (options.Resume) stderr.WriteLine(store.ResumeLine(size, toDo, options.Shard is null ? "analysing them" : "writing the shard record"));

        try
        {
            var progress = new ProgressReporter(stderr, terminal, size, size - toDo, "points");
            var written = PointChunk.EvaluateMissing(model, design, missing, runKey, chunksDir, threads, progress.Advance, cancellation);
            progress.Finish();
            // What is on disk now: the valid chunks found at the start and those just written (they fill gaps, so never overlap).
            var done = found.Concat(written).OrderBy(e => e.First).ToList();
            if (options.Shard is { } shard)
            {
                var record = ShardRecord.For(ShardKind.Sensitivity, shard, rangeFirst, rangeEnd, total, ChunkStore.Covered(done, rangeFirst, rangeEnd), samples, scenario.Seed, runKey, options.ScenarioPath);
                return ShardFinish.Write(record, outDir, threads, started, stdout, stderr);
            }
            int doneCount = ChunkStore.Covered(done, 0, total);
            if (doneCount < total)
            {
                stderr.WriteLine($"Stopped after {doneCount:N0} of {total:N0} points; their outputs are in {chunksDir}. The analysis needs them all.");
                stderr.WriteLine($"To finish, run the same command with --resume: urbansim sensitivity {options.ScenarioPath} --samples {samples} --seed {scenario.Seed} --out {outDir} --resume");
                return ExitCodes.Interrupted;
            }
            var values = PointChunk.Load(done, total, model.Outputs.Count, runKey);
            var results = AnalyseAndWrite(outDir, options.ScenarioPath, options.ScenarioPath, scenario, model, settings, design, values, runKey, threads, started, stdout);
            double wall = (DateTimeOffset.UtcNow - started).TotalSeconds;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{results.Evaluations:N0} points × {model.ReplicationsPerSample} replication(s) in {wall:F1} s on {threads} thread(s); seed {scenario.Seed}"));
            stdout.WriteLine($"Wrote {outDir}/: sobol.csv, morris.csv, samples.csv, surrogate.json, discovery.json, charts/, manifest.json");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Typically a full disk. Chunks and outputs are written to a temporary file and renamed, so every file on disk is whole.
            stderr.WriteLine($"{outDir}: writing failed: {e.Message.TrimEnd('.')}. Is the disk full? Every chunk and output file on disk is whole; free some space and run the same command with --resume to compute only what is missing.");
            return ExitCodes.WriteFailed;
        }
    }

    private static string GroupsText(ScenarioModel model)
    {
        int grouped = model.Groups.Count(g => g.Kind == FactorKind.ParameterGroup);
        return grouped == 0 ? "" : $"; Sobol and Morris vary {model.Groups.Count} factors, the set's parameters in {grouped} groups";
    }

    private static string VariantText(ScenarioModel model) => model.ComparedVariant is { } compared
        ? $"'{compared}' against '{model.BaseVariant}' (paired differences)"
        : $"variant '{model.BaseVariant}'";

    /// <summary>
    /// Analyses the outputs at every point of the design and writes sobol.csv, morris.csv, samples.csv, surrogate.json,
    /// discovery.json, charts/ and manifest.json, then prints the summary. Shared by an unsharded run and by merge, so both
    /// write the same bytes (the manifest's timings and threads aside).
    /// </summary>
    /// <param name="scenarioPath">The scenario path as typed, for the manifest.</param>
    /// <param name="scenarioFile">Where to read the scenario for its SHA-256 (merge: its full path).</param>
    internal static SensitivityResults AnalyseAndWrite(string outDir, string scenarioPath, string scenarioFile, Scenario scenario, ScenarioModel model,
        SensitivitySettings settings, SensitivityDesign design, double[] values, string runKey, int threads, DateTimeOffset started, TextWriter stdout,
        string? instructionSet = null)
    {
        int gapHalved = IndexOf(model.Outputs, ScenarioModel.GapHalved), gapReduction = IndexOf(model.Outputs, ScenarioModel.GapReduction);
        int better = IndexOf(model.Outputs, ScenarioModel.ComparedBetter);
        var analysed = Enumerable.Range(0, model.Outputs.Count).Where(o => o != gapHalved && o != gapReduction && o != better).ToArray();
        var results = SensitivityAnalysis.Analyse(model.Factors, model.Outputs, settings, design, values, analysed, surrogate: true);
        var discovery = model.ComparedVariant is { } compared
            ? DiscoverRanking(results, better, IndexOf(model.Outputs, ScenarioModel.NetBenefit), compared, model.BaseVariant)
            : Discover(results, gapHalved, gapReduction);
        string designText = string.Create(CultureInfo.InvariantCulture, $"Sobol N = {settings.Samples:N0}, Morris r = {settings.MorrisTrajectories}, LHS {settings.LhsSamples:N0}, {model.ReplicationsPerSample} replication(s) per point")
            + (model.ComparedVariant is { } vs ? $"; outcomes are {vs} minus {model.BaseVariant}" : "");
        var caption = new ChartCaption(scenario.Name, model.ReplicationsPerSample, scenario.Seed, Manifest.ToolVersion, designText) { Attribution = scenario.World.DataAttribution };
        var files = SensitivityOutputs.Write(outDir, results, discovery, caption);
        var manifest = ManifestJson(scenarioPath, Manifest.Sha256OfFile(scenarioFile), runKey, scenario, model, settings, results.Evaluations, threads, started, DateTimeOffset.UtcNow,
            files.Select(f => (f, Manifest.Sha256OfFile(Path.Combine(outDir, f)))).ToList(), instructionSet ?? Core.Numerics.InstructionSet.Current);
        AtomicFile.WriteAllText(Path.Combine(outDir, "manifest.json"), manifest);
        PrintSummary(stdout, results, discovery, model.Compares);
        return results;
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

    /// <summary>
    /// PRIM on the Latin hypercube runs for a comparison: where does the compared variant win? The target is a positive
    /// net monetary benefit at £70,000 per QALY in most of a point's replications, or, when one side of the ranking has
    /// fewer than <see cref="MinimumHits"/> runs, the tenth of runs most favourable to the rarer side, and the JSON says so.
    /// </summary>
    internal static DiscoveryResult DiscoverRanking(SensitivityResults r, int betterShare, int netBenefit, string compared, string against)
    {
        int m = r.Outputs.Count, n = r.LhsValues.Length / m, k = r.Factors.Count;
        var share = Enumerable.Range(0, n).Select(j => r.LhsValues[j * m + betterShare]).ToArray();
        var benefit = Enumerable.Range(0, n).Select(j => r.LhsValues[j * m + netBenefit]).ToArray();
        int wins = share.Count(v => v > 0.5);
        bool[] hit;
        string target, output;
        double threshold;
        if (wins >= MinimumHits && n - wins >= MinimumHits)
        {
            hit = share.Select(v => v > 0.5).ToArray();
            target = $"{compared} better than {against} (net monetary benefit at £70,000 per QALY positive) in most of a point's replications: it wins in {wins} of {n} runs, so the factors below decide the ranking";
            output = ScenarioModel.ComparedBetter; threshold = 0.5;
        }
        else
        {
            bool rarerWins = wins < n - wins;
            var sorted = benefit.Order().ToArray();
            threshold = SobolAnalysis.Quantile(sorted, rarerWins ? 0.9 : 0.1);
            hit = benefit.Select(v => rarerWins ? v >= threshold : v <= threshold).ToArray();
            target = string.Create(CultureInfo.InvariantCulture,
                $"{compared} is better than {against} in {wins} of {n} runs: the ranking {(rarerWins ? "rarely favours it" : "rarely favours " + against)} anywhere in these ranges, so the target is the tenth of runs closest to the other ranking (net monetary benefit {(rarerWins ? "at least" : "at most")} £{threshold / 1e6:N0}m)");
            output = ScenarioModel.NetBenefit;
        }
        var trajectory = Prim.Peel(r.LhsPoints, k, hit);
        var chosen = Prim.Simplify(r.LhsPoints, k, hit, Prim.Choose(trajectory));
        return new DiscoveryResult(target, output, threshold, wins, n, hit.Count(h => h), trajectory, chosen, Prim.DensityIfFreed(r.LhsPoints, k, hit, chosen));
    }

    private static void PrintSummary(TextWriter w, SensitivityResults r, DiscoveryResult d, bool compares)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine();
        foreach (var a in r.Analyses)
        {
            w.WriteLine($"{a.Output}{(compares ? " (difference)" : "")}: top factors by total Sobol index [95% CI]" + (a.Surrogate is { } fit ? string.Create(c, $"; surrogate held-out R² {fit.TestRSquared:0.000}") : ""));
            foreach (var s in a.Sobol.OrderByDescending(s => double.IsFinite(s.Total.Estimate) ? s.Total.Estimate : -1).Take(5))
            {
                string name = s.Members > 1 ? $"{s.Factor} ({s.Members} parameters)" : s.Factor;
                w.WriteLine(string.Create(c, $"  {name,-52} ST {s.Total.Estimate,6:0.000} [{s.Total.Low:0.000}, {s.Total.High:0.000}]  S1 {s.FirstOrder.Estimate,6:0.000}"));
            }
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

    private static string ManifestJson(string scenarioPath, string scenarioSha256, string runKey, Scenario scenario, ScenarioModel model, SensitivitySettings s, int evaluations, int threads,
        DateTimeOffset started, DateTimeOffset finished, IReadOnlyList<(string File, string Sha256)> files, string instructionSet)
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
            Str("instruction_set", instructionSet);
            Str("scenario", scenarioPath);
            Str("scenario_sha256", scenarioSha256);
            Str("run_key", runKey);
            w.WritePropertyName("seed"); w.WriteValue(scenario.Seed);
            Str("base_variant", model.BaseVariant);
            if (model.ComparedVariant is { } compared) Str("compared_variant", compared);
            w.WritePropertyName("factors"); w.WriteStartArray(); foreach (var f in model.Factors) w.WriteValue(f.Name); w.WriteEndArray();
            w.WritePropertyName("factor_groups");
            w.WriteStartObject();
            foreach (var g in model.Groups.Where(g => g.Members.Length > 1))
            {
                w.WritePropertyName(g.Name); w.WriteStartArray(); foreach (int i in g.Members) w.WriteValue(model.Factors[i].Name); w.WriteEndArray();
            }
            w.WriteEndObject();
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
