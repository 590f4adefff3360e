using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Settlements;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Web;

/// <summary>
/// What the explorer page shows for a batch: the key numbers (baseline, the user's setting and their paired
/// difference), the plain-language drivers of the change, and the charts as SVG with a text alternative each.
/// Charts come from <see cref="BatchCharts"/>, the command line's own code.
/// </summary>
public static class ExplorerResults
{
    /// <summary>Charts the page shows, in order.</summary>
    public static readonly string[] Charts =
    [
        "distribution_hle_years", "distribution_hle_gap_years", "distribution_qalys", "distribution_nhs_cost_gbp", "distribution_homes_built",
        "fan_hle_gap_years", "money_by_programme", "costs_and_savings", "hle_change_by_decile",
    ];

    /// <summary>Outcomes in the numbers table, with a divisor and unit for display (labels come from the outcome catalogue).</summary>
    public static readonly (string Name, double Divisor, string Unit)[] Numbers =
    [
        ("hle_years", 1, "years"),
        ("hle_gap_years", 1, "years"),
        ("qalys", 1e3, "thousand"),
        ("nhs_cost_gbp", 1e9, "£bn"),
        ("homes_built", 1e3, "thousand"),
        ("healthy_homes_share", 0.01, "%"),
        ("public_spend_gbp", 1e9, "£bn"),
        ("icb_pooled_gbp", 1e9, "£bn"),
        ("clawback_gbp", 1e9, "£bn"),
    ];

    public static JsonObject Build(ExplorerRequest request, ExplorerBatch batch, bool includeCharts = true)
    {
        var scenario = batch.Scenario;
        var acc = batch.Accumulator;
        var numbers = new JsonArray();
        foreach (var (name, divisor, unit) in Numbers)
        {
            int o = acc.Layout.Outcomes.IndexOf(name);
            string label = acc.Layout.Outcomes.All[o].Label;
            var b = acc.Outcome[0][o].Summary();
            var c = acc.Outcome[1][o].Summary();
            var d = acc.Paired[0][o].Paired();
            numbers.Add(new JsonObject
            {
                ["outcome"] = name, ["label"] = label, ["unit"] = unit, ["divisor"] = divisor,
                ["higher_is_better"] = acc.Layout.Outcomes.All[o].HigherIsBetter,
                ["baseline"] = Summary(b), ["your_setting"] = Summary(c),
                ["difference"] = new JsonObject
                {
                    ["mean"] = Num(d.Mean), ["ci95_low"] = Num(d.Ci95Low), ["ci95_high"] = Num(d.Ci95High), ["probability_better"] = Num(d.ProbabilityBetter),
                },
            });
        }

        var charts = new JsonArray();
        if (includeCharts)
            foreach (var chart in BatchCharts.Create(scenario, acc, Charts.Contains))
                charts.Add(new JsonObject { ["stem"] = chart.Stem, ["alt"] = Alternative(chart.Stem, acc, scenario.StartYear), ["svg"] = Inline(chart.Stem, chart.Svg(), chart.WidthPx, chart.HeightPx) });

        return new JsonObject
        {
            ["preset"] = request.Preset.Key,
            ["scenario"] = scenario.Name,
            ["baseline_variant"] = request.Preset.Baseline.Name,
            ["seed"] = scenario.Seed,
            ["zones"] = scenario.World.ZoneCount,
            ["horizon_years"] = scenario.HorizonYears,
            ["replications"] = acc.Replications,
            ["replications_target"] = request.Replications,
            ["complete"] = acc.Replications >= request.Replications,
            ["query"] = Query(request),
            ["numbers"] = numbers,
            ["drivers"] = new JsonArray([.. Drivers(request, acc).Select(s => (JsonNode)JsonValue.Create(s)!)]),
            ["charts"] = charts,
        };
    }

    /// <summary>The request as a query string (fixed field order), as the page puts it in its address.</summary>
    public static string Query(ExplorerRequest request) =>
        string.Join("&", request.ToQuery().Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value)));

    /// <summary>
    /// Plain sentences on what moved and why, from the paired differences (your setting minus baseline): health first,
    /// then what the mayor spent on, what developers built, what the ICB saved and pooled, and levers that had no effect.
    /// </summary>
    public static List<string> Drivers(ExplorerRequest request, BatchAccumulator acc)
    {
        var s = new List<string>();
        PairedSummary D(string outcome) => acc.Paired[0][acc.Layout.Outcomes.IndexOf(outcome)].Paired();
        double M(int variant, string outcome) => acc.Outcome[variant][acc.Layout.Outcomes.IndexOf(outcome)].Summary().Mean;
        string Dir(double x, string up, string down) => x >= 0 ? up : down;

        var hle = D("hle_years");
        s.Add(string.Create(CultureInfo.InvariantCulture,
            $"Healthy life expectancy ends {Years(Math.Abs(hle.Mean))} {Dir(hle.Mean, "higher", "lower")} than in the baseline ({(double.IsFinite(hle.Ci95Low) ? $"95% CI {Signed(hle.Ci95Low, 3)} to {Signed(hle.Ci95High, 3)} years" : "no interval from a single replication")}); your setting does better in {hle.ProbabilityBetter * 100:0}% of {acc.Replications:N0} paired replications."));
        var gap = D("hle_gap_years");
        s.Add($"The HLE gap between the most and least deprived {(Math.Abs(gap.Mean) < 0.0005 ? "hardly changes" : gap.Mean < 0 ? $"narrows by {Years(-gap.Mean)}" : $"widens by {Years(gap.Mean)}")}.");

        var spend = D("public_spend_gbp");
        var programmes = acc.Layout.Outcomes.Programmes.All
            .Select(p => (Name: p.Name.Replace('_', ' '), Change: D($"spend_{p.Name}_gbp").Mean))
            .Where(p => Math.Abs(p.Change) >= 1e6).OrderByDescending(p => Math.Abs(p.Change)).Take(3).ToList();
        string mix = programmes.Count == 0 ? "the mix of programmes is the same"
            : "the biggest changes are " + string.Join(", ", programmes.Select(p => $"{Gbp(p.Change, signed: true)} on {p.Name}"));
        s.Add($"The mayor spends {Gbp(Math.Abs(spend.Mean))} {Dir(spend.Mean, "more", "less")} on programmes over {acc.Layout.Years} years; {mix}.");
        double lost = D("clawback_gbp").Mean + D("bidding_cost_gbp").Mean;
        if (Math.Abs(lost) >= 1e6)
            s.Add($"Money lost to clawback of unspent tied grants and to bidding is {Gbp(Math.Abs(lost))} {Dir(lost, "higher", "lower")}.");

        var homes = D("homes_built");
        double share0 = M(0, "healthy_homes_share"), share1 = M(1, "healthy_homes_share");
        string capital = M(1, "patient_capital_gbp") > 0 ? $"; patient capital lends {Gbp(M(1, "patient_capital_gbp"))} and private investment changes by {Gbp(D("private_investment_gbp").Mean, signed: true)}" : "";
        string shareText = Math.Round(share0 * 100) == Math.Round(share1 * 100)
            ? string.Create(CultureInfo.InvariantCulture, $"the healthy-design share unchanged at {share1 * 100:0}%")
            : string.Create(CultureInfo.InvariantCulture, $"the healthy-design share going from {share0 * 100:0}% to {share1 * 100:0}%");
        s.Add(string.Create(CultureInfo.InvariantCulture,
            $"Developers find {(Math.Abs(homes.Mean) < 5 ? "about as many" : Dir(homes.Mean, "more", "fewer"))} viable sites: {Math.Abs(homes.Mean):N0} {Dir(homes.Mean, "more", "fewer")} homes, with {shareText}{capital}."));

        var nhs = D("nhs_cost_gbp");
        double pooled = M(1, "icb_pooled_gbp");
        s.Add($"The ICB's NHS treatment costs are {Gbp(Math.Abs(nhs.Mean))} {Dir(nhs.Mean, "higher", "lower")} (discounted){(pooled > 0 ? $", and it pools {Gbp(pooled)} with the mayor" : ", and it pools no money with the mayor")}.");

        var settlement = request.Levers.Settlement;
        // Levers only other settlements read, with the settlements that read them.
        var idle = SettlementCatalogue.All.SelectMany(other => other.OwnLevers.Select(lever => (Lever: lever, Settlement: other.Name)))
            .Where(x => !settlement.OwnLevers.Contains(x.Lever))
            .GroupBy(x => x.Lever)
            .GroupBy(g => string.Join(" and ", g.Select(x => x.Settlement.Replace('_', ' '))))
            .Select(owners => $"{string.Join(", ", owners.Select(g => g.Key.Replace('_', ' ')))} ({owners.Key} only)")
            .ToList();
        if (idle.Count > 0) s.Add($"Under {settlement.Name.Replace('_', ' ')} these levers have no effect: {string.Join("; ", idle)}.");
        return s;
    }

    /// <summary>The key numbers of a chart in words, for its figure caption and screen readers.</summary>
    public static string Alternative(string stem, BatchAccumulator acc, int startYear)
    {
        var inv = CultureInfo.InvariantCulture;
        if (stem.StartsWith("distribution_", StringComparison.Ordinal))
        {
            string name = stem["distribution_".Length..];
            var h = BatchCharts.Headlines.First(x => StandardOutcomes.All[x.Outcome].Name == name);
            string Part(string who, OutcomeSummary x) => string.Create(inv, $"{who}: median {x.P50 / h.Divisor:G4}, 90% of replications between {x.P5 / h.Divisor:G4} and {x.P95 / h.Divisor:G4}");
            return $"{h.Label} ({h.Unit}). {Part("Baseline", acc.Outcome[0][h.Outcome].Summary())}. {Part("Your setting", acc.Outcome[1][h.Outcome].Summary())}.";
        }
        switch (stem)
        {
            case "fan_hle_gap_years":
            {
                var last0 = acc.Yearly[0][^1][StandardSeries.HleGapYears].Summary();
                var last1 = acc.Yearly[1][^1][StandardSeries.HleGapYears].Summary();
                var start = acc.Baseline[Baseline.HleGapYears].Summary();
                return string.Create(inv, $"HLE gap over the years: {start.P50:F2} years at the start ({startYear}); in the final year median {last0.P50:F2} (baseline) and {last1.P50:F2} (your setting), 90% bands {last0.P5:F2}–{last0.P95:F2} and {last1.P5:F2}–{last1.P95:F2}.");
            }
            case "money_by_programme":
            {
                string Top(int v) => string.Join(", ", acc.Layout.Outcomes.Programmes.All
                    .Select(p => (Name: p.Name.Replace('_', ' '), Total: acc.Outcome[v][acc.Layout.Outcomes.IndexOf($"spend_{p.Name}_gbp")].Summary().Mean))
                    .OrderByDescending(p => p.Total).Take(3).Select(p => $"{p.Name} {Gbp(p.Total)}"));
                return $"Public money by programme, totals over the horizon. Baseline's largest: {Top(0)}. Your setting's largest: {Top(1)}.";
            }
            case "costs_and_savings":
                return "Change in each agent's money against the baseline: " + string.Join("; ", AgentLedger.Agents.Select((a, i) => $"{a} {Gbp(acc.AgentChange[0][i].Paired().Mean, signed: true)}")) + ".";
            case "hle_change_by_decile":
            {
                string D(int v, int d) => acc.DecileHleChange[v][d].Summary().Mean is var m && double.IsFinite(m) ? m.ToString("+0.00;-0.00", inv) : "none (no zones)";
                var empty = Enumerable.Range(0, RecordLayout.Deciles).Where(d => acc.DecileHleChange[0][d].Count == 0).Select(d => (d + 1).ToString(inv)).ToList();
                string gaps = empty.Count == 0 ? "" : $" The explorer's small world has no zones in decile {string.Join(", ", empty)}, so the chart has a gap there.";
                return $"HLE change from {startYear} by deprivation decile. Most deprived (decile 1): baseline {D(0, 0)}, your setting {D(1, 0)} years. Least deprived (decile 10): baseline {D(0, 9)}, your setting {D(1, 9)} years.{gaps}";
            }
            default: return stem.Replace('_', ' ');
        }
    }

    /// <summary>A tidy CSV of the results: one row per variant (or paired difference) and outcome.</summary>
    public static string Csv(ExplorerBatch batch)
    {
        var acc = batch.Accumulator;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("variant,outcome,mean,sd,ci95_low,ci95_high,p5,p25,p50,p75,p95,probability_better\n");
        string F(double x) => double.IsFinite(x) ? x.ToString("R", inv) : "";
        for (int v = 0; v < 2; v++)
            for (int o = 0; o < acc.Layout.Outcomes.Count; o++)
            {
                var s = acc.Outcome[v][o].Summary();
                sb.Append(inv, $"{batch.Scenario.Variants[v].Name},{acc.Layout.Outcomes.All[o].Name},{F(s.Mean)},{F(s.Sd)},{F(s.Ci95Low)},{F(s.Ci95High)},{F(s.P5)},{F(s.P25)},{F(s.P50)},{F(s.P75)},{F(s.P95)},\n");
            }
        for (int o = 0; o < acc.Layout.Outcomes.Count; o++)
        {
            var d = acc.Paired[0][o].Paired();
            sb.Append(inv, $"your_setting_minus_baseline,{acc.Layout.Outcomes.All[o].Name},{F(d.Mean)},{F(d.Sd)},{F(d.Ci95Low)},{F(d.Ci95High)},,,,,,{F(d.ProbabilityBetter)}\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// The SVG as it goes inside the page: without its XML declaration, with a viewBox so that it scales to its box, and
    /// with its element ids prefixed by the chart's name, since ids are shared by the whole page and every chart has a "cl_1".
    /// </summary>
    public static string Inline(string stem, string svg, int widthPx, int heightPx)
    {
        if (svg.StartsWith("<?xml", StringComparison.Ordinal)) svg = svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart();
        svg = svg.Replace("id=\"", $"id=\"{stem}-", StringComparison.Ordinal).Replace("url(#", $"url(#{stem}-", StringComparison.Ordinal)
            .Replace("href=\"#", $"href=\"#{stem}-", StringComparison.Ordinal);
        return svg.StartsWith("<svg ", StringComparison.Ordinal) && !svg.Contains("viewBox", StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {widthPx} {heightPx}\" ") + svg[5..] : svg;
    }

    private static JsonObject Summary(OutcomeSummary s) => new()
    {
        ["mean"] = Num(s.Mean), ["ci95_low"] = Num(s.Ci95Low), ["ci95_high"] = Num(s.Ci95High), ["p5"] = Num(s.P5), ["p50"] = Num(s.P50), ["p95"] = Num(s.P95),
    };

    private static JsonNode? Num(double x) => double.IsFinite(x) ? JsonValue.Create(x) : null;

    private static string Years(double x) => x.ToString(x < 0.01 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + " years";
    private static string Signed(double x, int digits) => x.ToString("+0." + new string('0', digits) + ";-0." + new string('0', digits), CultureInfo.InvariantCulture);

    /// <summary>£ with k/m/bn.</summary>
    public static string Gbp(double x, bool signed = false)
    {
        string sign = x < 0 ? "−" : signed ? "+" : "";
        double a = Math.Abs(x);
        var inv = CultureInfo.InvariantCulture;
        string body = a >= 1e9 ? (a / 1e9).ToString("0.0#", inv) + "bn" : a >= 1e6 ? (a / 1e6).ToString("0", inv) + "m" : a >= 1e3 ? (a / 1e3).ToString("0", inv) + "k" : a.ToString("0", inv);
        return sign + "£" + body;
    }
}
