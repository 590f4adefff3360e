using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Tests.Golden;

/// <summary>
/// Golden outputs: the first <see cref="Replications"/> replications of every bundled scenario, their start-year
/// baseline, every outcome of every variant and the final-year HLE of each deprivation decile, committed in
/// <c>tests/Simulation.Core.Tests/Golden/*.golden.json</c>. Any change to results fails this test until the files
/// are regenerated on purpose (<c>URBANSIM_UPDATE_GOLDEN=1 dotnet test --filter GoldenOutputTests</c>), and the
/// commit that does so says why the results moved.
/// </summary>
public class GoldenOutputTests
{
    /// <summary>Replications 0 … 2 of each scenario: enough to see every mechanism, small enough to read in a diff.</summary>
    private const int Replications = 3;

    /// <summary>
    /// Stated precision: values agree to 1e-9 of their size (absolute 1e-9 below 1). Float rounding of a refactor
    /// moves results by about 1e-12 of money totals and 1e-9 of HLE; anything larger is a change of results.
    /// </summary>
    private const double RelativeTolerance = 1e-9;

    private static string GoldenFolder => RepositoryRoot.File("tests", "Simulation.Core.Tests", "Golden");

    public static TheoryData<string> BundledScenarios()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(RepositoryRoot.File("scenarios"), "*.json").Order(StringComparer.Ordinal))
            if (!file.EndsWith(".schema.json", StringComparison.Ordinal)) data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void BundledScenario_ReproducesItsCommittedGoldenOutputs(string name)
    {
        var loaded = ScenarioLoader.LoadFile(RepositoryRoot.File("scenarios", name + ".json"));
        Assert.True(loaded.Scenario is not null, string.Join("\n", loaded.Problems));
        var actual = Compute(loaded.Scenario!);
        string path = Path.Combine(GoldenFolder, name + ".golden.json");
        if (Environment.GetEnvironmentVariable("URBANSIM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual.ToString(Formatting.Indented) + "\n");
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing. Fix: run URBANSIM_UPDATE_GOLDEN=1 dotnet test --filter GoldenOutputTests and commit it.");
        var expected = JObject.Parse(File.ReadAllText(path));
        var differences = new List<string>();
        Compare(expected, actual, differences);
        Assert.True(differences.Count == 0,
            $"{name}: {differences.Count} values differ from {path} (tolerance {RelativeTolerance:0e0} relative):\n  "
            + string.Join("\n  ", differences.Take(40))
            + "\nIf the change of results is intended, regenerate with URBANSIM_UPDATE_GOLDEN=1 dotnet test --filter GoldenOutputTests and say why in the commit.");
    }

    /// <summary>The golden record of a scenario: per replication, the baseline, and per variant its outcomes and decile HLE.</summary>
    private static JObject Compute(Scenario scenario)
    {
        var runner = new ReplicationRunner(scenario);
        var result = ReplicationResult.For(scenario);
        var replications = new JArray();
        for (int rep = 0; rep < Replications; rep++)
        {
            runner.Run(rep, result);
            var baseline = new JObject();
            for (int b = 0; b < Baseline.Count; b++) baseline[Baseline.Names[b]] = Value(result.BaselineValues[b]);
            var variants = new JObject();
            for (int v = 0; v < scenario.Variants.Length; v++)
            {
                var outcomes = new JObject();
                for (int o = 0; o < ModelCatalogue.Standard.Outcomes.Count; o++) outcomes[ModelCatalogue.Standard.Outcomes.All[o].Name] = Value(result.Get(v, o));
                var deciles = new JArray();
                for (int d = 0; d < ReplicationResult.Deciles; d++) deciles.Add(Value(result.DecileHleYears[v * ReplicationResult.Deciles + d]));
                outcomes["hle_by_decile_years"] = deciles;
                variants[scenario.Variants[v].Name] = outcomes;
            }
            replications.Add(new JObject { ["replication"] = rep, ["baseline"] = baseline, ["variants"] = variants });
        }
        return new JObject
        {
            ["scenario"] = scenario.Name,
            ["seed"] = scenario.Seed,
            ["precision"] = $"values agree to {RelativeTolerance.ToString("0e0", CultureInfo.InvariantCulture)} of their size (absolute below 1)",
            ["replications"] = replications,
        };
    }

    private static JToken Value(double x) => double.IsFinite(x) ? new JValue(x) : JValue.CreateNull();

    private static void Compare(JToken expected, JToken actual, List<string> differences)
    {
        switch (expected)
        {
            case JObject e when actual is JObject a:
                foreach (var property in e.Properties())
                {
                    if (a[property.Name] is not { } other) { differences.Add($"{property.Path}: missing from the results"); continue; }
                    Compare(property.Value, other, differences);
                }
                foreach (var property in a.Properties())
                    if (e[property.Name] is null) differences.Add($"{property.Path}: new in the results, not in the golden file");
                break;
            case JArray e when actual is JArray a:
                if (e.Count != a.Count) { differences.Add($"{e.Path}: {e.Count} items, now {a.Count}"); break; }
                for (int i = 0; i < e.Count; i++) Compare(e[i], a[i], differences);
                break;
            case JValue e when actual is JValue a && e.Type is JTokenType.Float or JTokenType.Integer && a.Type is JTokenType.Float or JTokenType.Integer:
                double x = e.Value<double>(), y = a.Value<double>();
                if (Math.Abs(x - y) > RelativeTolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))))
                    differences.Add(string.Create(CultureInfo.InvariantCulture, $"{e.Path}: {x:R} then, {y:R} now"));
                break;
            default:
                if (!JToken.DeepEquals(expected, actual)) differences.Add($"{expected.Path}: {expected} then, {actual} now");
                break;
        }
    }
}
