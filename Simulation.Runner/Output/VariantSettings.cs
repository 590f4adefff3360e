using System.Globalization;
using Newtonsoft.Json;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Output;

/// <summary>
/// Each variant as summary.json and manifest.json record it: name, label, description, every lever it ran with
/// (the settlement and each numeric lever, after the scenario's shared levers were applied) and any parameter it set
/// for itself (by path, e.g. "politics.co_investment_per_gbp"), so a table or chart of
/// the outputs can always be traced to the setting that made it.
/// </summary>
internal static class VariantSettings
{
    /// <summary>Writes <c>"variant_settings": [ { "name", "label", "description", "levers": { … }, "parameters": { … } }, … ]</c>.</summary>
    public static void Write(JsonWriter w, Scenario scenario)
    {
        w.WritePropertyName("variant_settings");
        w.WriteStartArray();
        foreach (var v in scenario.Variants)
        {
            w.WriteStartObject();
            w.WritePropertyName("name"); w.WriteValue(v.Name);
            w.WritePropertyName("label"); w.WriteValue(v.Label);
            w.WritePropertyName("description"); w.WriteValue(v.Description);
            w.WritePropertyName("levers");
            WriteLevers(w, v.Levers);
            if (!v.Parameters.IsDefaultOrEmpty)
            {
                // The parameters the variant set for itself (they replace the scenario's value and any draw).
                w.WritePropertyName("parameters");
                w.WriteStartObject();
                foreach (var setting in v.Parameters)
                {
                    w.WritePropertyName(setting.Path);
                    w.WriteRawValue(setting.Value.ToString("R", CultureInfo.InvariantCulture));
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Writes the levers as an object: <c>settlement</c>, then each numeric lever by its scenario-file name.</summary>
    public static void WriteLevers(JsonWriter w, PolicyLevers levers)
    {
        w.WriteStartObject();
        w.WritePropertyName("settlement"); w.WriteValue(levers.Settlement.Name);
        foreach (var lever in LeverPaths.Numeric)
        {
            w.WritePropertyName(lever.Name);
            w.WriteRawValue(LeverPaths.Get(levers, lever).ToString("R", CultureInfo.InvariantCulture));
        }
        w.WriteEndObject();
    }
}
