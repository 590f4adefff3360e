using System.Globalization;
using Newtonsoft.Json;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>
/// The blocks of summary.json that say how to read the numbers: <c>explanations</c> (per variant: each headline outcome's
/// final direction, its periods of lead and lag over the years, whether the headline outcomes disagree and why, the
/// largest rises and falls in programme spending) and <c>shocks</c> (how often each shock hit, and what a health shock in
/// the final year does to the final-year outcomes).
/// </summary>
internal static class ExplanationsJson
{
    public static void WriteExplanations(JsonWriter w, Scenario scenario, BatchAccumulator batch)
    {
        w.WritePropertyName("explanations");
        w.WriteStartObject();
        for (int v = 1; v < batch.Layout.Variants; v++)
        {
            var e = Explanations.For(scenario, batch, v);
            w.WritePropertyName(scenario.Variants[v].Name);
            w.WriteStartObject();
            w.WritePropertyName("against"); w.WriteValue(scenario.Variants[0].Name);
            w.WritePropertyName("headline_outcomes_disagree"); w.WriteValue(e.Disagree);
            Strings(w, "clearly_better", e.Better.Select(t => t.Outcome.Name));
            Strings(w, "clearly_worse", e.Worse.Select(t => t.Outcome.Name));
            Strings(w, "why", e.Why);
            Strings(w, "sign_changes", Explanations.SignChanges(scenario, e));
            w.WritePropertyName("over_time");
            w.WriteStartObject();
            foreach (var t in e.Trajectories)
            {
                w.WritePropertyName(t.Outcome.Name);
                w.WriteStartObject();
                w.WritePropertyName("series"); w.WriteValue(t.Series.Name);
                w.WritePropertyName("periods");
                w.WriteStartArray();
                foreach (var p in t.Periods)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("from_year"); w.WriteValue(p.FromYear);
                    w.WritePropertyName("to_year"); w.WriteValue(p.ToYear);
                    w.WritePropertyName("direction"); w.WriteValue(Word(p.Direction));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (t.BestYear > 0) { w.WritePropertyName("best_year"); w.WriteValue(t.BestYear); Number(w, "best_mean_difference", t.BestMean); }
                if (t.WorstYear > 0) { w.WritePropertyName("worst_year"); w.WriteValue(t.WorstYear); Number(w, "worst_mean_difference", t.WorstMean); }
                w.WritePropertyName("final_direction"); w.WriteValue(Word(t.FinalDirection));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WritePropertyName("spending");
            w.WriteStartObject();
            foreach (var (name, list) in new[] { ("largest_rises", e.Rises), ("largest_falls", e.Falls) })
            {
                w.WritePropertyName(name);
                w.WriteStartArray();
                foreach (var c in list)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("programme"); w.WriteValue(c.Programme);
                    Number(w, "change_over_horizon_gbp", c.HorizonGbp);
                    Number(w, $"change_per_year_in_last_{Math.Min(Explanations.LateYears, scenario.HorizonYears)}_years_gbp", c.LateGbpPerYear);
                    w.WritePropertyName("what_it_changes"); w.WriteValue(c.Effect);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    public static void WriteShocks(JsonWriter w, Scenario scenario, BatchAccumulator batch)
    {
        w.WritePropertyName("shocks");
        w.WriteStartObject();
        double n = Math.Max(1, batch.Replications);
        for (int k = 0; k < ReplicationsCsv.ShockColumns.Length; k++)
        {
            var years = batch.ShockReplications[k];
            w.WritePropertyName(ReplicationsCsv.ShockColumns[k].Name);
            w.WriteStartObject();
            Number(w, "share_of_replications_in_final_year", years.Length > 0 ? years[^1] / n : double.NaN);
            w.WritePropertyName("share_of_replications_by_year");
            w.WriteStartArray();
            foreach (long count in years) w.WriteRawValue((count / n).ToString("R", CultureInfo.InvariantCulture));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WritePropertyName("final_year_health_shock");
        w.WriteStartObject();
        w.WritePropertyName("replications"); w.WriteValue(batch.FinalYearHealthShocks);
        w.WritePropertyName("note"); w.WriteValue("An epidemic in the final year lowers that year's HLE and LE in every variant alike; these replications form the small separate cluster in the distribution charts of final-year outcomes. effect_on_mean is the mean of those replications minus the mean of the others.");
        w.WritePropertyName("effect_on_mean");
        w.WriteStartObject();
        for (int v = 0; v < batch.Layout.Variants; v++)
        {
            w.WritePropertyName(scenario.Variants[v].Name);
            w.WriteStartObject();
            foreach (var (outcome, _) in Explanations.Headlines)
                Number(w, batch.Layout.Outcomes.All[outcome].Name, batch.FinalYearHealthShockEffect(v, outcome).ShockEffect);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Word(int direction) => direction switch { > 0 => "better", < 0 => "worse", _ => "no clear difference" };

    private static void Strings(JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (string s in values) w.WriteValue(s);
        w.WriteEndArray();
    }

    private static void Number(JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        if (double.IsFinite(value)) w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
        else w.WriteNull();
    }
}
