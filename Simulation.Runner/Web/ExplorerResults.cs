using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Charts;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Web;

/// <summary>
/// What the explorer page shows for a batch: the key numbers (baseline, the user's setting and their paired difference),
/// what moved and why (from <see cref="Explanations"/>, as the command line says it), which levers do nothing under the
/// setting, the full-scenario check, and the charts as SVG laid out for the page's width, with a text alternative each.
/// Charts come from <see cref="BatchCharts"/>, the command line's own code.
/// </summary>
internal static class ExplorerResults
{
    /// <summary>Charts the page shows, in order.</summary>
    public static readonly string[] Charts =
    [
        "fan_hle_years", "difference_by_year_hle_years", "distribution_hle_years", "distribution_hle_gap_years", "distribution_qalys",
        "distribution_nhs_cost_gbp", "distribution_homes_built", "fan_hle_gap_years", "money_by_programme", "costs_and_savings", "hle_change_by_decile",
    ];

    /// <summary>Outcomes in the numbers table, with a divisor and unit for display (labels and directions come from the outcome catalogue).</summary>
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
        var explanation = Explanations.For(scenario, acc, 1);
        var numbers = new JsonArray();
        foreach (var (name, divisor, unit) in Numbers)
        {
            int o = acc.Layout.Outcomes.IndexOf(name);
            var definition = acc.Layout.Outcomes.All[o];
            var d = acc.Paired[0][o].Paired();
            var trajectory = explanation.Trajectories.FirstOrDefault(t => t.Outcome.Name == name);
            numbers.Add(new JsonObject
            {
                ["outcome"] = name, ["label"] = definition.Label, ["unit"] = unit, ["divisor"] = divisor,
                ["direction"] = definition.Direction.ToString().ToLowerInvariant(),
                ["baseline"] = Summary(acc.Outcome[0][o].Summary()), ["your_setting"] = Summary(acc.Outcome[1][o].Summary()),
                ["difference"] = new JsonObject
                {
                    ["mean"] = Num(d.Mean), ["ci95_low"] = Num(d.Ci95Low), ["ci95_high"] = Num(d.Ci95High), ["probability_better"] = Num(d.ProbabilityBetter),
                    ["clearly"] = Explanations.Direction(d, definition.BetterSign, acc.Outcome[0][o].Summary().Mean) switch { > 0 => "better", < 0 => "worse", _ => "unclear" },
                    ["changes_sign_over_horizon"] = trajectory?.ChangesSign ?? false,
                },
            });
        }

        var charts = new JsonArray();
        if (includeCharts)
        {
            var size = request.ChartWidthPx is { } width ? ChartSize.ForScreen(width) : ChartSize.Report;
            var built = BatchCharts.Create(scenario, acc, Charts.Contains, size, SettingNote(request, acc.Layout.Zones)).OrderBy(c => Array.IndexOf(Charts, c.Stem)).ToArray();
            // Rendered on every core: the charts are most of the time between the last replication and the answer.
            var svgs = new string[built.Length];
            Concurrently.For(built.Length, Environment.ProcessorCount, i => svgs[i] = built[i].Svg());
            for (int i = 0; i < built.Length; i++)
                charts.Add(new JsonObject
                {
                    ["stem"] = built[i].Stem, ["alt"] = Alternative(built[i].Stem, acc, scenario), ["width"] = built[i].WidthPx, ["height"] = built[i].HeightPx,
                    ["svg"] = Inline(built[i].Stem, svgs[i], built[i].WidthPx, built[i].HeightPx),
                });
        }

        return new JsonObject
        {
            ["preset"] = request.Preset.Key,
            ["scenario"] = scenario.Name,
            ["baseline_variant"] = request.Preset.Baseline.Name,
            ["baseline_label"] = request.Preset.Baseline.Label,
            ["seed"] = scenario.Seed,
            ["zones"] = scenario.World.ZoneCount,
            ["horizon_years"] = scenario.HorizonYears,
            ["replications"] = acc.Replications,
            ["replications_target"] = request.Replications,
            ["complete"] = acc.Replications >= request.Replications,
            ["query"] = Query(request),
            ["setting"] = SettingNote(request, acc.Layout.Zones),
            ["numbers"] = numbers,
            ["drivers"] = Strings(Drivers(scenario, acc, explanation)),
            ["over_time"] = Strings(Explanations.SignChanges(scenario, explanation)),
            ["disagreement"] = new JsonObject
            {
                ["disagree"] = explanation.Disagree,
                ["sentence"] = explanation.Disagree ? Explanations.DisagreementSentence(scenario, explanation) : "",
                ["better"] = Strings(explanation.Better.Select(t => t.Outcome.Label)),
                ["worse"] = Strings(explanation.Worse.Select(t => t.Outcome.Label)),
                ["why"] = Strings(explanation.Why),
            },
            ["levers"] = new JsonArray([.. LeverEffects.For(request.Levers, scenario.Parameters)
                .Select(e => (JsonNode)new JsonObject { ["name"] = e.Lever, ["active"] = e.Active, ["note"] = e.Note })]),
            ["full_check"] = FullCheck(request, acc),
            ["charts"] = charts,
        };
    }

    /// <summary>The request as a query string (fixed field order), as the page puts it in its address.</summary>
    public static string Query(ExplorerRequest request) =>
        string.Join("&", request.ToQuery().Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value)));

    /// <summary>
    /// The setting in words, for chart captions and downloads: the preset, the explorer's world, and every lever of the
    /// user's setting that differs from the baseline (e.g. "explorer, 31 zones; your setting: settlement single_pot").
    /// <paramref name="zones"/> is the world's own count: the shrunk world keeps every region, so it can have a few more
    /// zones than asked for.
    /// </summary>
    public static string SettingNote(ExplorerRequest request, int zones)
    {
        var baseline = request.Preset.Baseline.Levers;
        var changed = ExplorerPresets.Levers.Where(l => ExplorerRequest.LeverText(baseline, l) != ExplorerRequest.LeverText(request.Levers, l))
            .Select(l => $"{l.Name} {ExplorerRequest.LeverText(request.Levers, l)}").ToList();
        return $"explorer, {zones} zones, {request.HorizonYears} years; your setting: {(changed.Count == 0 ? "the baseline's levers" : string.Join(", ", changed))}";
    }

    /// <summary>
    /// Plain sentences on what moved and why, your setting minus the baseline: health and when its sign changes, the gap,
    /// money (the total and the largest rises and falls by programme), money lost, homes, and the ICB.
    /// </summary>
    public static List<string> Drivers(Scenario scenario, BatchAccumulator acc, VariantExplanation explanation)
    {
        var s = new List<string>();
        PairedSummary D(string outcome) => acc.Paired[0][acc.Layout.Outcomes.IndexOf(outcome)].Paired();
        double M(int variant, string outcome) => acc.Outcome[variant][acc.Layout.Outcomes.IndexOf(outcome)].Summary().Mean;
        string Dir(double x, string up, string down) => x >= 0 ? up : down;
        string baseline = scenario.Variants[0].Label;

        var hle = D("hle_years");
        s.Add($"Healthy life expectancy in the final year is {Readable.Years(Math.Abs(hle.Mean))} {Dir(hle.Mean, "higher", "lower")} than with {baseline} "
              + (double.IsFinite(hle.Ci95Low) ? $"(95% CI {Readable.Years(hle.Ci95Low, signed: true)} to {Readable.Years(hle.Ci95High, signed: true)})" : "(no interval from a single replication)")
              + $"; your setting does better in {Readable.Percent(hle.ProbabilityBetter)} of {acc.Replications:N0} paired replications.");
        var gap = D("hle_gap_years");
        s.Add($"The HLE gap between the most and least deprived {(Math.Abs(gap.Mean) < 0.0005 ? "hardly changes" : gap.Mean < 0 ? $"narrows by {Readable.Years(-gap.Mean)}" : $"widens by {Readable.Years(gap.Mean)}")}.");

        var spend = D("public_spend_gbp");
        string Items(IEnumerable<SpendChange> list) => string.Join(", ", list.Select(c => $"{c.Label.ToLowerInvariant()} {Readable.Gbp(c.HorizonGbp, signed: true)}"));
        string mix = explanation.Rises.Count + explanation.Falls.Count == 0 ? "the mix of programmes is the same"
            : $"the largest rises: {(explanation.Rises.Count > 0 ? Items(explanation.Rises) : "none")}; the largest falls: {(explanation.Falls.Count > 0 ? Items(explanation.Falls) : "none")}";
        s.Add($"The mayor spends {Readable.Gbp(Math.Abs(spend.Mean))} {Dir(spend.Mean, "more", "less")} on programmes over {acc.Layout.Years} years; {mix}.");
        double lost = D("clawback_gbp").Mean + D("bidding_cost_gbp").Mean;
        if (Math.Abs(lost) >= 1e6)
            s.Add($"Money lost to clawback of unspent tied grants and to bidding is {Readable.Gbp(Math.Abs(lost))} {Dir(lost, "higher", "lower")}.");

        var homes = D("homes_built");
        double share0 = M(0, "healthy_homes_share"), share1 = M(1, "healthy_homes_share");
        string capital = M(1, "patient_capital_gbp") > 0 ? $"; patient capital lends {Readable.Gbp(M(1, "patient_capital_gbp"))} and private investment changes by {Readable.Gbp(D("private_investment_gbp").Mean, signed: true)}" : "";
        string shareText = Math.Round(share0 * 100) == Math.Round(share1 * 100)
            ? string.Create(CultureInfo.InvariantCulture, $"the healthy-design share unchanged at {share1 * 100:0}%")
            : string.Create(CultureInfo.InvariantCulture, $"the healthy-design share going from {share0 * 100:0}% to {share1 * 100:0}%");
        s.Add(string.Create(CultureInfo.InvariantCulture,
            $"Developers find {(Math.Abs(homes.Mean) < 5 ? "about as many" : Dir(homes.Mean, "more", "fewer"))} viable sites: {Math.Abs(homes.Mean):N0} {Dir(homes.Mean, "more", "fewer")} homes, with {shareText}{capital}."));

        var nhs = D("nhs_cost_gbp");
        double pooled = M(1, "icb_pooled_gbp");
        s.Add($"The ICB's NHS treatment costs are {Readable.Gbp(Math.Abs(nhs.Mean))} {Dir(nhs.Mean, "higher", "lower")} (discounted){(pooled > 0 ? $", and it pools {Readable.Gbp(pooled)} with the mayor" : ", and it pools no money with the mayor")}.");
        var forgone = D("nhs_care_qalys_forgone");
        var net = D("net_qalys");
        if (Math.Abs(forgone.Mean) >= 0.5 || M(1, "nhs_care_qalys_forgone") > 0)
            s.Add($"Pooled money is NHS care given up: it would have bought {Readable.Value(M(1, "nhs_care_qalys_forgone"), "QALYs")} ({Readable.Value(forgone.Mean, "QALYs", signed: true)} against {baseline}), "
                  + $"so counting NHS care forgone and NHS costs saved, your setting's net health benefit is {Readable.Value(net.Mean, "QALYs", signed: true)}.");
        if (AgentChanges(scenario, acc) is { Count: > 0 } agents)
            s.Add($"The agents whose behaviour changed most: {string.Join("; ", agents)}.");
        return s;
    }

    /// <summary>
    /// The agents whose behaviour moved most against the baseline (paired, by region): the ICB whose pooled money changed
    /// most, the mayor whose programme spend and the one whose commitment at the end changed most, the developers whose
    /// homes started and whose firm failures changed most, and the lenders whose years out of the place and whose losses
    /// on loans to failed firms changed most; a change too small to tell (under £1m, 0.01 of commitment, 50 homes, a
    /// twentieth of a failure or a tenth of a lender-year per replication) is left out.
    /// </summary>
    public static List<string> AgentChanges(Scenario scenario, BatchAccumulator acc)
    {
        var found = new List<string>();
        if (acc.Layout.Regions == 0 || acc.RegionPaired.Length == 0) return found;
        var regions = Core.World.Places.Regions(Core.World.Places.Describe(scenario));
        foreach (var (quantity, agent, threshold) in new[]
                 {
                     (RegionOutcomes.IcbPooledGbp, "ICB", 1e6), (RegionOutcomes.MayorSpentGbp, "mayor", 1e6), (RegionOutcomes.MayorCommitment, "mayor", 0.01),
                     (RegionOutcomes.DevelopersHomesStarted, "developers", 50), (RegionOutcomes.DevelopersFailures, "developers", 0.05),
                     (RegionOutcomes.LendersYearsWithdrawn, "lenders", 0.1), (RegionOutcomes.LendersLossesGbp, "lenders", 1e6),
                 })
        {
            int best = -1;
            double largest = 0;
            for (int r = 0; r < regions.Length; r++)
            {
                double change = acc.RegionPaired[0][r][quantity].Paired().Mean;
                if (Math.Abs(change) > Math.Abs(largest)) { largest = change; best = r; }
            }
            if (best < 0 || !(Math.Abs(largest) >= threshold)) continue;
            string who = $"{regions[best].Name} {agent}";
            found.Add(quantity switch
            {
                RegionOutcomes.IcbPooledGbp => $"{who} pools {Readable.Gbp(Math.Abs(largest))} {(largest > 0 ? "more" : "less")}",
                RegionOutcomes.MayorSpentGbp => $"{who} spends {Readable.Gbp(Math.Abs(largest))} {(largest > 0 ? "more" : "less")} on programmes",
                RegionOutcomes.DevelopersHomesStarted => string.Create(CultureInfo.InvariantCulture, $"{who} start {Math.Abs(largest):N0} {(largest > 0 ? "more" : "fewer")} homes"),
                RegionOutcomes.DevelopersFailures => string.Create(CultureInfo.InvariantCulture,
                    $"{who} see {Math.Abs(largest):0.##} {(largest > 0 ? "more" : "fewer")} firm failures a run (firms that could not pay their costs in a recession)"),
                RegionOutcomes.LendersLossesGbp => $"{who} lose {Readable.Gbp(Math.Abs(largest))} {(largest > 0 ? "more" : "less")} on loans to firms that failed",
                RegionOutcomes.LendersYearsWithdrawn => string.Create(CultureInfo.InvariantCulture,
                    $"{who} stay out of the place {Math.Abs(largest):0.#} lender-years {(largest > 0 ? "more" : "less")} (the place looks {(largest > 0 ? "riskier" : "safer")} to them)"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{who} ends with mission commitment {Math.Abs(largest):0.00} {(largest > 0 ? "higher" : "lower")}"),
            });
        }
        return found;
    }

    /// <summary>
    /// The full-scenario check: when the setting is one of the preset's variants, that variant's headline differences in the
    /// full scenario (every zone, the scenario's replications) beside the explorer's, and whether each agrees in sign. A
    /// difference whose 95% CI in the full scenario includes zero has no settled sign there, so the explorer's sign cannot
    /// disagree with it: the check says the full run finds no clear difference instead of warning.
    /// </summary>
    public static JsonObject FullCheck(ExplorerRequest request, BatchAccumulator acc)
    {
        var found = FullScenarioChecks.For(request);
        string command = $"urbansim run scenarios/{request.Preset.Key}.json";
        if (found is not { } match)
            return new JsonObject
            {
                ["available"] = false, ["command"] = command,
                ["message"] = $"This setting is not one of the preset's variants, so there is no full-scenario check: the explorer's {acc.Layout.Zones}-zone world can differ from the full model. For numbers to cite, put the setting in a scenario file and use urbansim run.",
            };
        var rows = new JsonArray();
        var disagree = new List<string>();
        var unsettled = new List<string>();
        foreach (var full in match.Check.Variants[match.Variant])
        {
            int o = acc.Layout.Outcomes.IndexOf(full.Outcome);
            var definition = acc.Layout.Outcomes.All[o];
            double mine = acc.Paired[0][o].Paired().Mean;
            bool sameSign = Math.Sign(mine) == Math.Sign(full.Mean) || mine == 0 || full.Mean == 0;
            bool settled = full.Ci95Low > 0 || full.Ci95High < 0;
            rows.Add(new JsonObject
            {
                ["outcome"] = full.Outcome, ["label"] = definition.Label, ["explorer_mean"] = Num(mine),
                ["full_mean"] = Num(full.Mean), ["full_ci95_low"] = Num(full.Ci95Low), ["full_ci95_high"] = Num(full.Ci95High),
                ["same_sign"] = sameSign, ["full_settled"] = settled, ["agrees"] = sameSign || !settled,
            });
            string fullInterval = $"95% CI {Readable.Value(full.Ci95Low, definition.Unit, signed: true)} to {Readable.Value(full.Ci95High, definition.Unit, signed: true)}";
            if (!settled) unsettled.Add($"{definition.Label} ({fullInterval})");
            else if (!sameSign)
                disagree.Add($"{definition.Label}: {Readable.Value(mine, definition.Unit, signed: true)} here, {Readable.Value(full.Mean, definition.Unit, signed: true)} ({fullInterval}) in the full scenario");
        }
        string variant = request.Preset.Scenario.Variants.First(v => v.Name == match.Variant).Label;
        string fullRun = $"the full scenario ({match.Check.Zones} zones, {match.Check.Replications:N0} replications: {command})";
        string noClearDifference = unsettled.Count == 0 ? ""
            : $" The full scenario finds no clear difference in {string.Join("; ", unsettled)}, so neither sign is settled there.";
        return new JsonObject
        {
            ["available"] = true, ["variant"] = match.Variant, ["command"] = command, ["agrees"] = disagree.Count == 0, ["rows"] = rows,
            ["message"] = disagree.Count == 0
                ? $"This setting is the preset's variant '{variant}'. Every headline difference that {fullRun} settles has the same sign here.{noClearDifference}"
                : $"Warning: this small world and {fullRun} disagree in sign. {string.Join("; ", disagree)}. Trust the full run: the explorer's {acc.Layout.Zones} zones are too few to settle so small a difference.{noClearDifference}",
        };
    }

    /// <summary>The key numbers of a chart in words, for its figure caption and screen readers.</summary>
    public static string Alternative(string stem, BatchAccumulator acc, Scenario scenario)
    {
        var inv = CultureInfo.InvariantCulture;
        string baseline = scenario.Variants[0].Label, yours = scenario.Variants[1].Label;
        if (stem.StartsWith("distribution_", StringComparison.Ordinal))
        {
            string name = stem["distribution_".Length..];
            var h = BatchCharts.Headlines.First(x => StandardOutcomes.All[x.Outcome].Name == name);
            string Part(string who, OutcomeSummary x) => string.Create(inv, $"{who}: median {x.P50 / h.Divisor:G4}, 90% of replications between {x.P5 / h.Divisor:G4} and {x.P95 / h.Divisor:G4}");
            return $"{h.Label} ({h.Unit}). {Part(baseline, acc.Outcome[0][h.Outcome].Summary())}. {Part(yours, acc.Outcome[1][h.Outcome].Summary())}.";
        }
        switch (stem)
        {
            case "fan_hle_years" or "fan_hle_gap_years":
            {
                int series = stem == "fan_hle_years" ? StandardSeries.HleYears : StandardSeries.HleGapYears;
                var start = acc.Baseline[stem == "fan_hle_years" ? Baseline.HleYears : Baseline.HleGapYears].Summary();
                var last0 = acc.Yearly[0][^1][series].Summary();
                var last1 = acc.Yearly[1][^1][series].Summary();
                string what = stem == "fan_hle_years" ? "Healthy life expectancy" : "HLE gap";
                return string.Create(inv, $"{what} over the years: {start.P50:F2} years at the start ({scenario.StartYear}); in the final year median {last0.P50:F2} ({baseline}) and {last1.P50:F2} ({yours}), 90% bands {last0.P5:F2}–{last0.P95:F2} and {last1.P5:F2}–{last1.P95:F2}.");
            }
            case "difference_by_year_hle_years":
            {
                var trajectory = Explanations.For(scenario, acc, 1).Trajectories.First(t => t.Outcome.Name == "hle_years");
                var final = acc.PairedYearly[0][^1][StandardSeries.HleYears].Paired();
                string change = trajectory.ChangesSign ? " " + Explanations.SignChanges(scenario, new VariantExplanation(1, [trajectory], [], [], [])).First() : " The difference keeps its sign over the horizon.";
                return $"Your setting minus {baseline} in healthy life expectancy, year by year: {Readable.Years(final.Mean, signed: true)} in the final year.{change}";
            }
            case "money_by_programme":
            {
                string Top(int v) => string.Join(", ", acc.Layout.Outcomes.Programmes.All
                    .Select(p => (p.Label, Total: acc.Outcome[v][acc.Layout.Outcomes.IndexOf($"spend_{p.Name}_gbp")].Summary().Mean))
                    .OrderByDescending(p => p.Total).Take(3).Select(p => $"{p.Label.ToLowerInvariant()} {Readable.Gbp(p.Total)}"));
                return $"Public money by programme, totals over the horizon. {baseline}'s largest: {Top(0)}. {yours}'s largest: {Top(1)}.";
            }
            case "costs_and_savings":
                return $"Change in each agent's money against {baseline}: " + string.Join("; ", AgentLedger.Agents.Select((a, i) => $"{a} {Readable.Gbp(acc.AgentChange[0][i].Paired().Mean, signed: true)}")) + ".";
            case "hle_change_by_decile":
            {
                string D(int d) => acc.PairedDecileHle[0][d].Summary().Mean is var m && double.IsFinite(m) ? Readable.Years(m, signed: true) : "none (no zones)";
                var empty = Enumerable.Range(0, RecordLayout.Deciles).Where(d => acc.DecileHleChange[0][d].Count == 0).Select(d => (d + 1).ToString(inv)).ToList();
                string gaps = empty.Count == 0 ? "" : $" The explorer's small world has no zones in decile {string.Join(", ", empty)}, so the chart has a gap there.";
                return $"Final-year HLE by deprivation decile, your setting minus {baseline}: most deprived (decile 1) {D(0)}, least deprived (decile 10) {D(9)}.{gaps}";
            }
            default: return stem.Replace('_', ' ');
        }
    }

    /// <summary>
    /// A tidy CSV of the results, as summary.csv, with the setting on every row (<c>preset</c>, <c>setting</c>: the
    /// explorer link's query) so the file says what it shows wherever it ends up.
    /// </summary>
    public static string Csv(ExplorerRequest request, ExplorerBatch batch)
    {
        var table = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        SummaryCsv.Write(table, batch.Scenario, batch.Accumulator);
        string setting = Output.Csv.Text(Query(request));
        var sb = new StringBuilder();
        bool header = true;
        foreach (string line in table.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(header ? "preset,setting," : $"{request.Preset.Key},{setting},").Append(line).Append('\n');
            header = false;
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

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(s => (JsonNode)JsonValue.Create(s)!)]);

    private static JsonObject Summary(OutcomeSummary s) => new()
    {
        ["mean"] = Num(s.Mean), ["ci95_low"] = Num(s.Ci95Low), ["ci95_high"] = Num(s.Ci95High), ["p5"] = Num(s.P5), ["p50"] = Num(s.P50), ["p95"] = Num(s.P95),
    };

    private static JsonNode? Num(double x) => double.IsFinite(x) ? JsonValue.Create(x) : null;
}
