using System.Globalization;
using Newtonsoft.Json;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Output;

/// <summary>Writes summary.json: per variant and outcome the distribution, paired differences against the first variant, and the start-year baseline.</summary>
public static class SummaryWriter
{
    /// <summary>The summary as JSON text (numbers in round-trip invariant form, so equal results give equal bytes).</summary>
    public static string ToJson(Scenario scenario, BatchResults results)
    {
        var sb = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(sb) { Formatting = Formatting.Indented, Culture = CultureInfo.InvariantCulture })
        {
            w.WriteStartObject();
            w.WritePropertyName("scenario"); w.WriteValue(scenario.Name);
            w.WritePropertyName("seed"); w.WriteValue(scenario.Seed);
            w.WritePropertyName("replications"); w.WriteValue(results.Replications);
            w.WritePropertyName("start_year"); w.WriteValue(scenario.StartYear);
            w.WritePropertyName("horizon_years"); w.WriteValue(scenario.HorizonYears);
            w.WritePropertyName("variants");
            w.WriteStartArray();
            foreach (var v in scenario.Variants) w.WriteValue(v.Name);
            w.WriteEndArray();

            w.WritePropertyName("baseline");
            w.WriteStartObject();
            for (int b = 0; b < Baseline.Count; b++)
            {
                w.WritePropertyName(Baseline.Names[b]);
                Number(w, SummaryStatistics.Summarise(results.BaselineSample(b)).Mean);
            }
            w.WriteEndObject();

            w.WritePropertyName("outcomes");
            w.WriteStartObject();
            for (int v = 0; v < results.Variants; v++)
            {
                w.WritePropertyName(scenario.Variants[v].Name);
                w.WriteStartObject();
                for (int o = 0; o < Outcomes.Count; o++)
                {
                    var s = SummaryStatistics.Summarise(results.Sample(v, o));
                    w.WritePropertyName(Outcomes.All[o].Name);
                    w.WriteStartObject();
                    Field(w, "mean", s.Mean); Field(w, "sd", s.Sd); Field(w, "ci95_low", s.Ci95Low); Field(w, "ci95_high", s.Ci95High);
                    Field(w, "p5", s.P5); Field(w, "p25", s.P25); Field(w, "p50", s.P50); Field(w, "p75", s.P75); Field(w, "p95", s.P95);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();

            w.WritePropertyName("paired_differences");
            w.WriteStartObject();
            for (int v = 1; v < results.Variants; v++)
            {
                w.WritePropertyName(scenario.Variants[v].Name);
                w.WriteStartObject();
                w.WritePropertyName("against"); w.WriteValue(scenario.Variants[0].Name);
                for (int o = 0; o < Outcomes.Count; o++)
                {
                    var s = SummaryStatistics.SummarisePaired(results.PairedDifferences(v, o), Outcomes.All[o].HigherIsBetter);
                    w.WritePropertyName(Outcomes.All[o].Name);
                    w.WriteStartObject();
                    Field(w, "mean", s.Mean); Field(w, "sd", s.Sd); Field(w, "ci95_low", s.Ci95Low); Field(w, "ci95_high", s.Ci95High);
                    Field(w, "probability_better", s.ProbabilityBetter);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return sb.ToString() + "\n";
    }

    private static void Field(JsonWriter w, string name, double value) { w.WritePropertyName(name); Number(w, value); }

    /// <summary>Finite numbers in round-trip form; NaN (undefined, e.g. one replication's CI) as null.</summary>
    private static void Number(JsonWriter w, double value)
    {
        if (double.IsFinite(value)) w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
        else w.WriteNull();
    }
}
