using System.Globalization;
using Newtonsoft.Json;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>
/// Writes summary.json: per variant and outcome the distribution, paired differences against the first
/// variant, HLE change by deprivation decile, and the start-year baseline. Numbers are in round-trip
/// invariant form, so equal results give equal bytes; undefined values (an outcome with no data) are null.
/// </summary>
internal static class SummaryWriter
{
    public static string ToJson(Scenario scenario, BatchAccumulator batch, int requested)
    {
        var sb = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(sb) { Formatting = Formatting.Indented, Culture = CultureInfo.InvariantCulture })
        {
            w.WriteStartObject();
            w.WritePropertyName("scenario"); w.WriteValue(scenario.Name);
            w.WritePropertyName("seed"); w.WriteValue(scenario.Seed);
            w.WritePropertyName("replications"); w.WriteValue(batch.Replications);
            w.WritePropertyName("replications_requested"); w.WriteValue(requested);
            w.WritePropertyName("complete"); w.WriteValue(batch.Replications == requested);
            w.WritePropertyName("start_year"); w.WriteValue(scenario.StartYear);
            w.WritePropertyName("horizon_years"); w.WriteValue(scenario.HorizonYears);
            w.WritePropertyName("quantiles"); w.WriteValue(batch.QuantilesExact ? "exact (R7)" : "t-digest estimate (exact up to the first values of each column)");
            w.WritePropertyName("variants");
            w.WriteStartArray();
            foreach (var v in scenario.Variants) w.WriteValue(v.Name);
            w.WriteEndArray();
            VariantSettings.Write(w, scenario);

            w.WritePropertyName("baseline");
            w.WriteStartObject();
            for (int b = 0; b < Baseline.Count; b++) Field(w, Baseline.Names[b], batch.Baseline[b].Summary().Mean);
            w.WriteEndObject();

            var outcomes = batch.Layout.Outcomes;
            w.WritePropertyName("outcomes");
            w.WriteStartObject();
            for (int v = 0; v < batch.Layout.Variants; v++)
            {
                w.WritePropertyName(scenario.Variants[v].Name);
                w.WriteStartObject();
                for (int o = 0; o < outcomes.Count; o++)
                {
                    var s = batch.Outcome[v][o].Summary();
                    w.WritePropertyName(outcomes.All[o].Name);
                    Write(w, s);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();

            w.WritePropertyName("paired_differences");
            w.WriteStartObject();
            for (int v = 1; v < batch.Layout.Variants; v++)
            {
                w.WritePropertyName(scenario.Variants[v].Name);
                w.WriteStartObject();
                w.WritePropertyName("against"); w.WriteValue(scenario.Variants[0].Name);
                for (int o = 0; o < outcomes.Count; o++)
                {
                    var s = batch.Paired[v - 1][o].Paired();
                    w.WritePropertyName(outcomes.All[o].Name);
                    Write(w, s);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();

            WriteCostEffectiveness(w, scenario, batch);
            ExplanationsJson.WriteExplanations(w, scenario, batch);
            ExplanationsJson.WriteShocks(w, scenario, batch);

            w.WritePropertyName("costs_and_savings");
            w.WriteStartObject();
            for (int v = 1; v < batch.Layout.Variants; v++)
            {
                w.WritePropertyName(scenario.Variants[v].Name);
                w.WriteStartObject();
                w.WritePropertyName("against"); w.WriteValue(scenario.Variants[0].Name);
                for (int a = 0; a < AgentLedger.Count; a++)
                {
                    var s = batch.AgentChange[v - 1][a].Paired();
                    w.WritePropertyName(AgentLedger.SnakeNames[a] + "_gbp");
                    w.WriteStartObject();
                    Field(w, "mean", s.Mean); Field(w, "ci95_low", s.Ci95Low); Field(w, "ci95_high", s.Ci95High);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();

            w.WritePropertyName("hle_change_by_decile");
            w.WriteStartObject();
            for (int v = 0; v < batch.Layout.Variants; v++)
            {
                w.WritePropertyName(scenario.Variants[v].Name);
                w.WriteStartArray();
                for (int d = 0; d < RecordLayout.Deciles; d++)
                {
                    var s = batch.DecileHleChange[v][d].Summary();
                    w.WriteStartObject();
                    w.WritePropertyName("decile"); w.WriteValue(d + 1);
                    Field(w, "mean_years", s.Mean); Field(w, "ci95_low", s.Ci95Low); Field(w, "ci95_high", s.Ci95High);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            ByRegion(w, scenario, batch);
            w.WriteEndObject();
        }
        return sb.ToString() + "\n";
    }

    /// <summary>
    /// The <c>cost_effectiveness</c> block: each variant against the first, from the public sector's side
    /// (<see cref="CostEffectiveness.IncrementalCosts"/>): incremental public and NHS cost, incremental QALYs, the cost
    /// per QALY (null when QALYs are not gained), the net monetary benefit at £70,000 a QALY with its 95% interval and
    /// the probability it is positive, and the comparison in words.
    /// </summary>
    private static void WriteCostEffectiveness(JsonWriter w, Scenario scenario, BatchAccumulator batch)
    {
        w.WritePropertyName("cost_effectiveness");
        w.WriteStartObject();
        for (int v = 1; v < batch.Layout.Variants; v++)
        {
            double publicCost = batch.Paired[v - 1][StandardOutcomes.PublicCostGbp].Paired().Mean;
            double nhsCost = batch.Paired[v - 1][StandardOutcomes.NhsCostGbp].Paired().Mean;
            double qalys = batch.Paired[v - 1][StandardOutcomes.Qalys].Paired().Mean;
            var nmb = batch.NetMonetaryBenefit[v - 1].Summary();
            double positive = batch.NetMonetaryBenefit[v - 1].Paired().ProbabilityBetter; // ties (exactly 0) count half
            double cost = publicCost + nhsCost;
            w.WritePropertyName(scenario.Variants[v].Name);
            w.WriteStartObject();
            w.WritePropertyName("against"); w.WriteValue(scenario.Variants[0].Name);
            Field(w, "incremental_public_cost_gbp", publicCost);
            Field(w, "incremental_nhs_cost_gbp", nhsCost);
            Field(w, "incremental_cost_gbp", cost);
            Field(w, "incremental_qalys", qalys);
            Field(w, "cost_per_qaly_gbp", qalys > 0 ? cost / qalys : double.NaN);
            Field(w, "qaly_value_gbp", Core.Health.Discounting.QalyValueGbp);
            Field(w, "net_monetary_benefit_gbp", nmb.Mean);
            Field(w, "net_monetary_benefit_ci95_low_gbp", nmb.Ci95Low);
            Field(w, "net_monetary_benefit_ci95_high_gbp", nmb.Ci95High);
            Field(w, "probability_cost_effective", positive);
            w.WritePropertyName("in_words");
            w.WriteValue(double.IsFinite(cost) && double.IsFinite(qalys)
                ? CostEffectiveness.IncrementalCosts.Describe(scenario.Variants[v].Name, scenario.Variants[0].Name, cost, qalys)
                : "Not enough replications to compare.");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>by_region</c>: for each region (mayoralty), in the world's order, its capacity class, zones and ICBs, its
    /// start-year population, LE and HLE, the distribution of each region outcome per variant (the same statistics as
    /// the whole world's) and the paired differences against the first variant.
    /// </summary>
    private static void ByRegion(JsonTextWriter w, Scenario scenario, BatchAccumulator batch)
    {
        if (batch.Layout.Regions == 0) return;
        var regions = Core.World.Places.Regions(Core.World.Places.Describe(scenario));
        w.WritePropertyName("by_region");
        w.WriteStartObject();
        for (int r = 0; r < regions.Length; r++)
        {
            w.WritePropertyName(regions[r].Name);
            w.WriteStartObject();
            w.WritePropertyName("capacity"); w.WriteValue(regions[r].Capacity.ToString().ToLowerInvariant());
            w.WritePropertyName("zones"); w.WriteValue(regions[r].Zones);
            w.WritePropertyName("icbs");
            w.WriteStartArray();
            foreach (string icb in regions[r].IcbNames) w.WriteValue(icb);
            w.WriteEndArray();
            w.WritePropertyName("baseline");
            w.WriteStartObject();
            for (int b = 0; b < RegionOutcomes.BaselineCount; b++)
            {
                double mean = batch.RegionBaseline[r][b].Summary().Mean;
                // Residents are held in single precision: whole people, not the float sum's fractions.
                Field(w, RegionOutcomes.BaselineNames[b], b == RegionOutcomes.BaselinePopulation ? Math.Round(mean) : mean);
            }
            w.WriteEndObject();
            w.WritePropertyName("outcomes");
            w.WriteStartObject();
            for (int v = 0; v < batch.Layout.Variants; v++)
            {
                w.WritePropertyName(scenario.Variants[v].Name);
                w.WriteStartObject();
                for (int o = 0; o < RegionOutcomes.Count; o++)
                {
                    var s = batch.RegionOutcome[v][r][o].Summary();
                    w.WritePropertyName(RegionOutcomes.Names[o]);
                    Write(w, s);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WritePropertyName("paired_differences");
            w.WriteStartObject();
            for (int v = 1; v < batch.Layout.Variants; v++)
            {
                w.WritePropertyName(scenario.Variants[v].Name);
                w.WriteStartObject();
                w.WritePropertyName("against"); w.WriteValue(scenario.Variants[0].Name);
                for (int o = 0; o < RegionOutcomes.Count; o++)
                {
                    var s = batch.RegionPaired[v - 1][r][o].Paired();
                    w.WritePropertyName(RegionOutcomes.Names[o]);
                    Write(w, s);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Field(JsonWriter w, string name, double value) { w.WritePropertyName(name); Number(w, value); }

    /// <summary>An outcome's summary over replications as an object: mean, sd, 95% interval of the mean and percentiles.</summary>
    private static void Write(JsonWriter w, OutcomeSummary s)
    {
        w.WriteStartObject();
        Field(w, "mean", s.Mean); Field(w, "sd", s.Sd); Field(w, "ci95_low", s.Ci95Low); Field(w, "ci95_high", s.Ci95High);
        Field(w, "p5", s.P5); Field(w, "p25", s.P25); Field(w, "p50", s.P50); Field(w, "p75", s.P75); Field(w, "p95", s.P95);
        w.WriteEndObject();
    }

    /// <summary>A paired difference as an object: mean, sd, 95% interval and the probability of being better.</summary>
    private static void Write(JsonWriter w, PairedSummary s)
    {
        w.WriteStartObject();
        Field(w, "mean", s.Mean); Field(w, "sd", s.Sd); Field(w, "ci95_low", s.Ci95Low); Field(w, "ci95_high", s.Ci95High);
        Field(w, "probability_better", s.ProbabilityBetter);
        w.WriteEndObject();
    }

    /// <summary>Finite numbers in round-trip form; NaN (undefined, e.g. one replication's CI) as null.</summary>
    private static void Number(JsonWriter w, double value)
    {
        if (double.IsFinite(value)) w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
        else w.WriteNull();
    }
}
