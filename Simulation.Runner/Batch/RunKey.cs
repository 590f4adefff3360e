using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// What a replication's results depend on, as a SHA-256: the scenario as loaded (world, zones, parameters,
/// uncertainty, variants — not its name, description or replication count), the programmes and outcomes of its catalogue, the seed, and the tool version
/// including its git commit. Chunks carry it, so a resume or merge never mixes results of different runs.
/// </summary>
internal static class RunKey
{
    public static string For(Scenario scenario)
    {
        var content = scenario with { Name = "", Description = "", Replications = 0 };
        string canonical = JsonConvert.SerializeObject(content, new JsonSerializerSettings { Culture = System.Globalization.CultureInfo.InvariantCulture, FloatFormatHandling = FloatFormatHandling.String });
        // The catalogue is code, not data: its programmes and outcomes are named in the key.
        var catalogue = scenario.Catalogue;
        string programmes = string.Join(',', catalogue.Programmes.All.Select(p => p.Name));
        string outcomes = string.Join(',', catalogue.Outcomes.All.Select(o => o.Name));
        string text = $"urbansim-run-key/2\n{Manifest.ToolVersion}\n{canonical}\nprogrammes {programmes}\noutcomes {outcomes}";
        return Sha256(text);
    }

    /// <summary>
    /// What a sensitivity analysis's point outputs depend on: the run key of the scenario (content, seed, tool
    /// version), the Sobol base samples (from which the other designs' sizes follow), and the factor and output names.
    /// </summary>
    public static string ForSensitivity(Scenario scenario, int samples, IEnumerable<string> factors, IEnumerable<string> outputs) =>
        Sha256($"urbansim-sensitivity-key/1\n{For(scenario)}\nsamples {samples}\nfactors {string.Join('\t', factors)}\noutputs {string.Join('\t', outputs)}");

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
