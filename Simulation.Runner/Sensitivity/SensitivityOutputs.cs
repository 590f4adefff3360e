using System.Globalization;
using Newtonsoft.Json;
using UrbanSim.Runner.Charts;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Sensitivity;

/// <summary>Scenario discovery's answer: what counts as a hit, how common hits are, and the PRIM box.</summary>
/// <param name="DensityIfFreed">Per factor, the chosen box's density without that factor's restriction (NaN if unrestricted).</param>
internal sealed record DiscoveryResult(string Target, string Output, double Threshold, int HalvedRuns, int Runs, int Hits,
    List<PrimBox> Trajectory, PrimBox Chosen, double[] DensityIfFreed)
{
    /// <summary>A restriction whose removal lowers the density by less than this is reported as minor.</summary>
    public const double MinorRestriction = 0.05;

    /// <summary>Restricted factors, those that matter most (lowest density when freed) first.</summary>
    public IEnumerable<int> Restrictions => Enumerable.Range(0, DensityIfFreed.Length)
        .Where(c => Chosen.Lower[c] > 0 || Chosen.Upper[c] < 1)
        .OrderBy(c => double.IsNaN(DensityIfFreed[c]) ? double.MaxValue : DensityIfFreed[c]).ThenBy(c => c);

    /// <summary>Whether freeing factor <paramref name="c"/> lowers the density by less than <see cref="MinorRestriction"/>.</summary>
    public bool IsMinor(int c) => !(Chosen.Density - DensityIfFreed[c] >= MinorRestriction);
}

/// <summary>
/// Writes a sensitivity analysis to its folder: sobol.csv, morris.csv, samples.csv, surrogate.json, discovery.json,
/// charts/ and manifest.json. Every number is written in invariant round-trip form and every file atomically, so the
/// same scenario, samples and seed give the same bytes on any thread count (the manifest's timings aside).
/// </summary>
internal static class SensitivityOutputs
{
    public static readonly string[] DataFiles = ["sobol.csv", "morris.csv", "samples.csv", "surrogate.json", "discovery.json"];

    /// <summary>How an outcome appears on a chart: a short label, a unit and the divisor into that unit.</summary>
    public static (string Label, string Unit, double Divisor) Look(string output) => output switch
    {
        "hle_years" => ("healthy life expectancy", "years", 1),
        "hle_gap_years" => ("the HLE gap", "years", 1),
        "le_years" => ("life expectancy", "years", 1),
        "le_gap_years" => ("the LE gap", "years", 1),
        "qalys" => ("QALYs", "million QALYs", 1e6),
        "nhs_cost_gbp" => ("NHS costs", "£bn", 1e9),
        "homes_built" => ("homes built", "thousand homes", 1e3),
        ScenarioModel.NetBenefit => ("net monetary benefit at £70,000 per QALY", "£m", 1e6),
        _ when output.EndsWith("_gbp", StringComparison.Ordinal) => (output, "£m", 1e6),
        _ => (output, "units", 1),
    };

    public static IReadOnlyList<string> Write(string outDir, SensitivityResults results, DiscoveryResult? discovery, ChartCaption caption)
    {
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        AtomicFile.WriteText(Path.Combine(outDir, "sobol.csv"), w => WriteSobol(w, results)); files.Add("sobol.csv");
        AtomicFile.WriteText(Path.Combine(outDir, "morris.csv"), w => WriteMorris(w, results)); files.Add("morris.csv");
        AtomicFile.WriteText(Path.Combine(outDir, "samples.csv"), w => WriteSamples(w, results)); files.Add("samples.csv");
        AtomicFile.WriteAllText(Path.Combine(outDir, "surrogate.json"), SurrogateJson(results)); files.Add("surrogate.json");
        if (discovery is not null) { AtomicFile.WriteAllText(Path.Combine(outDir, "discovery.json"), DiscoveryJson(results, discovery)); files.Add("discovery.json"); }
        files.AddRange(WriteCharts(outDir, results, caption).Select(c => BatchCharts.Folder + "/" + c));
        return files;
    }

    private static string N(double x) => Csv.Number(x);

    private static void WriteSobol(TextWriter w, SensitivityResults r)
    {
        w.WriteLine("outcome,factor,kind,first_order,first_order_low95,first_order_high95,total,total_low95,total_high95,parameters");
        foreach (var a in r.Analyses)
            foreach (var s in a.Sobol)
                w.WriteLine($"{a.Output},{Csv.Text(s.Factor)},{Kind(s.Kind)},{N(s.FirstOrder.Estimate)},{N(s.FirstOrder.Low)},{N(s.FirstOrder.High)},{N(s.Total.Estimate)},{N(s.Total.Low)},{N(s.Total.High)},{s.Members}");
    }

    private static void WriteMorris(TextWriter w, SensitivityResults r)
    {
        w.WriteLine("outcome,factor,kind,mu,mu_star,sigma,parameters");
        foreach (var a in r.Analyses)
            foreach (var e in a.Morris)
                w.WriteLine($"{a.Output},{Csv.Text(e.Factor)},{Kind(e.Kind)},{N(e.Mu)},{N(e.MuStar)},{N(e.Sigma)},{e.Members}");
    }

    private static string Kind(FactorKind kind) => kind switch
    {
        FactorKind.Lever => "lever",
        FactorKind.ParameterGroup => "parameter_group",
        _ => "parameter",
    };

    /// <summary>
    /// Every run: its design (sobol_a, sobol_b, sobol_ab with the factor taken from B, morris with its trajectory,
    /// lhs), the factor values and every output, so SALib or R can re-analyse them.
    /// </summary>
    private static void WriteSamples(TextWriter w, SensitivityResults r)
    {
        int k = r.Factors.Count, m = r.Outputs.Count, n = r.Settings.Samples, g = r.Groups.Count;
        w.WriteLine("design,group,row," + string.Join(",", r.Factors.Select(f => Csv.Text(f.Name))) + "," + string.Join(",", r.Outputs.Select(Csv.Text)));
        void Rows(string design, double[] points, double[] values, Func<int, string> group, Func<int, int> row)
        {
            int count = points.Length / k;
            var line = new System.Text.StringBuilder();
            for (int p = 0; p < count; p++)
            {
                line.Clear().Append(design).Append(',').Append(group(p)).Append(',').Append(row(p).ToString(CultureInfo.InvariantCulture));
                for (int c = 0; c < k; c++) line.Append(',').Append(N(r.Factors[c].Value(points[p * k + c])));
                for (int o = 0; o < m; o++) line.Append(',').Append(N(values[p * m + o]));
                w.WriteLine(line.ToString());
            }
        }
        Rows("sobol", r.SobolPoints, r.SobolValues,
            p => (p / n) switch { 0 => "A", 1 => "B", var i => "AB_" + Csv.Text(r.Groups[i - 2].Name) }, p => p % n);
        Rows("morris", r.MorrisPoints, r.MorrisValues, p => "trajectory_" + (p / (g + 1)).ToString(CultureInfo.InvariantCulture), p => p % (g + 1));
        Rows("lhs", r.LhsPoints, r.LhsValues, _ => "lhs", p => p);
    }

    private static string Json(Action<JsonTextWriter> write)
    {
        var sb = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(sb) { Formatting = Formatting.Indented, FloatFormatHandling = FloatFormatHandling.Symbol })
            write(w);
        return sb.ToString().ReplaceLineEndings("\n") + "\n";
    }

    private static void Number(JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        if (double.IsFinite(value)) w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture)); else w.WriteNull();
    }

    private static string SurrogateJson(SensitivityResults r) => Json(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("model"); w.WriteValue("ML.NET FastTree regression (gradient-boosted trees; 300 trees, 16 leaves, learning rate 0.1, one thread)");
        w.WritePropertyName("design"); w.WriteValue("Latin hypercube; every 5th run held out for testing");
        w.WritePropertyName("importance"); w.WriteValue($"fall in held-out R² when the factor's column is shuffled, mean of {Surrogate.PermutationRepeats} shuffles");
        w.WritePropertyName("outcomes");
        w.WriteStartObject();
        foreach (var a in r.Analyses.Where(a => a.Surrogate is not null))
        {
            var s = a.Surrogate!;
            w.WritePropertyName(a.Output);
            w.WriteStartObject();
            w.WritePropertyName("train_runs"); w.WriteValue(s.TrainRows);
            w.WritePropertyName("test_runs"); w.WriteValue(s.TestRows);
            Number(w, "test_r_squared", s.TestRSquared);
            Number(w, "test_mean_absolute_error", s.TestMeanAbsoluteError);
            w.WritePropertyName("permutation_importance");
            w.WriteStartObject();
            foreach (var (factor, importance) in s.Importances.OrderByDescending(i => i.Importance).ThenBy(i => i.Factor, StringComparer.Ordinal)) Number(w, factor, importance);
            w.WriteEndObject();
            w.WritePropertyName("partial_dependence");
            w.WriteStartObject();
            foreach (var pd in s.PartialDependences)
            {
                w.WritePropertyName(pd.Factor);
                w.WriteStartObject();
                w.WritePropertyName("values"); w.WriteStartArray(); foreach (double v in pd.Values) w.WriteRawValue(N(v)); w.WriteEndArray();
                w.WritePropertyName("mean_prediction"); w.WriteStartArray(); foreach (double v in pd.Predictions) w.WriteRawValue(N(v)); w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static string DiscoveryJson(SensitivityResults r, DiscoveryResult d) => Json(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("method"); w.WriteValue($"PRIM peeling (alpha {Prim.Alpha.ToString(CultureInfo.InvariantCulture)}, minimum support {Prim.MinimumSupport.ToString(CultureInfo.InvariantCulture)}) on the Latin hypercube runs; chosen box: the densest with coverage of at least 0.5, then simplified by freeing factors while its density stays within 0.02; restrictions listed most important first (lowest density_if_freed), 'minor' when freeing one costs less than 0.05 of density");
        w.WritePropertyName("target"); w.WriteValue(d.Target);
        w.WritePropertyName("output"); w.WriteValue(d.Output);
        Number(w, "threshold", d.Threshold);
        w.WritePropertyName("runs"); w.WriteValue(d.Runs);
        bool ranking = d.Output is ScenarioModel.ComparedBetter or ScenarioModel.NetBenefit;
        w.WritePropertyName(ranking ? "runs_compared_better" : "runs_halving_the_gap"); w.WriteValue(d.HalvedRuns);
        w.WritePropertyName("hits"); w.WriteValue(d.Hits);
        Number(w, "base_rate", d.Runs > 0 ? d.Hits / (double)d.Runs : double.NaN);
        w.WritePropertyName("box");
        WriteBox(w, r, d);
        w.WritePropertyName("trajectory");
        w.WriteStartArray();
        foreach (var b in d.Trajectory)
        {
            w.WriteStartObject();
            Number(w, "coverage", b.Coverage); Number(w, "density", b.Density); Number(w, "support", b.Support);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteBox(JsonWriter w, SensitivityResults r, DiscoveryResult d)
    {
        var box = d.Chosen;
        w.WriteStartObject();
        Number(w, "coverage", box.Coverage); Number(w, "density", box.Density); Number(w, "support", box.Support);
        w.WritePropertyName("restrictions");
        w.WriteStartArray();
        foreach (int c in d.Restrictions)
        {
            var f = r.Factors[c];
            w.WriteStartObject();
            w.WritePropertyName("factor"); w.WriteValue(f.Name);
            w.WritePropertyName("kind"); w.WriteValue(Kind(f.Kind));
            Number(w, "min", f.Value(box.Lower[c])); Number(w, "max", f.Value(box.Upper[c]));
            Number(w, "range_min", f.Value(0)); Number(w, "range_max", f.Value(1));
            Number(w, "density_if_freed", d.DensityIfFreed[c]);
            w.WritePropertyName("minor"); w.WriteValue(d.IsMinor(c));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static IReadOnlyList<string> WriteCharts(string outDir, SensitivityResults r, ChartCaption caption)
    {
        string dir = Path.Combine(outDir, BatchCharts.Folder);
        // Built in order, then rendered on every core (each plot is its own object).
        var charts = new List<(ScottPlot.Plot Plot, string Stem)>();
        void Save(ScottPlot.Plot plot, string stem) => charts.Add((plot, stem));
        foreach (var a in r.Analyses)
        {
            var (label, unit, divisor) = Look(a.Output);
            if (a.Sobol.Any(s => double.IsFinite(s.Total.Estimate))) Save(TornadoChart.Create(label, a.Sobol, caption), $"tornado_{a.Output}");
            Save(MorrisChart.Create(label, unit, a.Morris.Select(e => e with { Mu = e.Mu / divisor, MuStar = e.MuStar / divisor, Sigma = e.Sigma / divisor }).ToArray(), caption), $"morris_{a.Output}");
            if (a.Surrogate is { } s && s.TestSimulated.Length > 1)
            {
                var scaled = s with
                {
                    TestSimulated = s.TestSimulated.Select(v => v / divisor).ToArray(), TestPredicted = s.TestPredicted.Select(v => v / divisor).ToArray(),
                    TestMeanAbsoluteError = s.TestMeanAbsoluteError / divisor,
                };
                Save(SurrogateFitChart.Create(label, unit, scaled, caption), $"surrogate_fit_{a.Output}");
                if (s.PartialDependences.Count > 0)
                    Save(PartialDependenceChart.Create(label, unit, s.PartialDependences.Select(pd => pd with { Predictions = pd.Predictions.Select(v => v / divisor).ToArray() }).ToArray(), caption),
                        $"partial_dependence_{a.Output}");
            }
        }
        Concurrently.ForEach(charts, c => ChartFiles.Save(c.Plot, dir, c.Stem, ChartStyle.WidthPx, ChartStyle.HeightPx));
        return [.. charts.SelectMany(c => new[] { c.Stem + ".png", c.Stem + ".svg" })];
    }
}
