using System.Globalization;
using System.Security.Cryptography;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Web;

/// <summary>One headline outcome of one variant in the full scenario: its mean paired difference against the first variant.</summary>
internal sealed record FullDifference(string Outcome, double Mean, double Ci95Low, double Ci95High);

/// <summary>A bundled scenario run in full (every zone, its own replications), kept so the explorer can say when its small world disagrees.</summary>
/// <param name="Preset">The explorer preset (the scenario file's name).</param>
/// <param name="ScenarioSha256">SHA-256 of the scenario file the check was run from.</param>
/// <param name="Replications">Replications of the full run.</param>
/// <param name="Zones">Zones of the full world.</param>
/// <param name="FirstReplicationHleYears">Final-year HLE of each variant in replication 0: the model's fingerprint, to notice a changed model.</param>
/// <param name="Variants">Every variant but the first, by name, with its headline differences.</param>
internal sealed record FullScenarioCheck(string Preset, string ScenarioSha256, int Replications, int Zones, double[] FirstReplicationHleYears,
    IReadOnlyDictionary<string, IReadOnlyList<FullDifference>> Variants);

/// <summary>
/// The full-scenario checks of the explorer presets, computed once and committed as <c>Web/full-scenario-checks.json</c>
/// (embedded in the program), because a full run takes a minute and the explorer answers in a second. A test recomputes
/// each preset's fingerprint and fails when the model or a scenario has changed since, naming the command that
/// regenerates the file (<c>URBANSIM_UPDATE_EXPLORER_CHECKS=1 dotnet test … --filter FullScenarioChecksTests</c>).
/// </summary>
internal static class FullScenarioChecks
{
    public const string ResourceName = "explorer/full-scenario-checks.json";

    private static readonly Lazy<IReadOnlyDictionary<string, FullScenarioCheck>> Loaded = new(Load);

    /// <summary>The committed checks by preset key (empty when the file is missing).</summary>
    public static IReadOnlyDictionary<string, FullScenarioCheck> All => Loaded.Value;

    /// <summary>Runs <paramref name="scenario"/> in full and records its headline differences.</summary>
    public static FullScenarioCheck Compute(string preset, Scenario scenario, byte[] scenarioFile, int threads)
    {
        var layout = RecordLayout.For(scenario);
        var batch = new BatchAccumulator(layout);
        var row = new double[layout.Width];
        MonteCarloBatch.Run(scenario, 0, scenario.Replications, threads, r => { layout.Flatten(r, row); batch.Add(r.Replication, row); });
        var variants = new Dictionary<string, IReadOnlyList<FullDifference>>(StringComparer.Ordinal);
        for (int v = 1; v < scenario.Variants.Length; v++)
            variants[scenario.Variants[v].Name] = BatchCharts.Headlines.Select(h =>
            {
                var d = batch.Paired[v - 1][h.Outcome].Paired();
                return new FullDifference(StandardOutcomes.All[h.Outcome].Name, d.Mean, d.Ci95Low, d.Ci95High);
            }).ToList();
        return new FullScenarioCheck(preset, Convert.ToHexStringLower(SHA256.HashData(scenarioFile)), scenario.Replications, scenario.World.ZoneCount,
            Fingerprint(scenario), variants);
    }

    /// <summary>Final-year HLE of each variant in replication 0 of <paramref name="scenario"/>.</summary>
    public static double[] Fingerprint(Scenario scenario)
    {
        var result = ReplicationResult.For(scenario);
        new ReplicationRunner(scenario).Run(0, result);
        return [.. Enumerable.Range(0, scenario.Variants.Length).Select(v => result.Get(v, StandardOutcomes.HleYears))];
    }

    public static string ToJson(IEnumerable<FullScenarioCheck> checks)
    {
        var root = new JObject { ["about"] = "Full runs of the bundled scenarios for the explorer's check of its small world. Regenerate with URBANSIM_UPDATE_EXPLORER_CHECKS=1 dotnet test tests/Simulation.Web.Tests --filter FullScenarioChecksTests." };
        var presets = new JObject();
        foreach (var c in checks)
        {
            var variants = new JObject();
            foreach (var (name, rows) in c.Variants)
                variants[name] = new JObject(rows.Select(r => new JProperty(r.Outcome, new JObject { ["mean"] = r.Mean, ["ci95_low"] = r.Ci95Low, ["ci95_high"] = r.Ci95High })));
            presets[c.Preset] = new JObject
            {
                ["scenario_sha256"] = c.ScenarioSha256, ["replications"] = c.Replications, ["zones"] = c.Zones,
                ["first_replication_hle_years"] = new JArray(c.FirstReplicationHleYears), ["variants"] = variants,
            };
        }
        root["presets"] = presets;
        return root.ToString(Formatting.Indented) + "\n";
    }

    public static IReadOnlyDictionary<string, FullScenarioCheck> Parse(string json)
    {
        var checks = new Dictionary<string, FullScenarioCheck>(StringComparer.Ordinal);
        foreach (var preset in ((JObject)JObject.Parse(json)["presets"]!).Properties())
        {
            var o = (JObject)preset.Value;
            var variants = ((JObject)o["variants"]!).Properties().ToDictionary(v => v.Name,
                v => (IReadOnlyList<FullDifference>)((JObject)v.Value).Properties()
                    .Select(r => new FullDifference(r.Name, (double)r.Value["mean"]!, (double)r.Value["ci95_low"]!, (double)r.Value["ci95_high"]!)).ToList(), StringComparer.Ordinal);
            checks[preset.Name] = new FullScenarioCheck(preset.Name, (string)o["scenario_sha256"]!, (int)o["replications"]!, (int)o["zones"]!,
                [.. o["first_replication_hle_years"]!.Values<double>()], variants);
        }
        return checks;
    }

    private static IReadOnlyDictionary<string, FullScenarioCheck> Load()
    {
        using var stream = typeof(FullScenarioChecks).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? new Dictionary<string, FullScenarioCheck>() : Parse(new StreamReader(stream).ReadToEnd());
    }

    /// <summary>
    /// For an explorer request whose setting is one of its preset's variants (with the preset's horizon): that variant's
    /// full-scenario check; otherwise null.
    /// </summary>
    public static (string Variant, FullScenarioCheck Check)? For(ExplorerRequest request)
    {
        if (!All.TryGetValue(request.Preset.Key, out var check) || request.HorizonYears != request.Preset.Scenario.HorizonYears) return null;
        var match = request.Preset.Scenario.Variants.Skip(1).FirstOrDefault(v => v.Levers == request.Levers);
        return match is null || !check.Variants.ContainsKey(match.Name) ? null : (match.Name, check);
    }

    internal static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
