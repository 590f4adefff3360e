using System.Globalization;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>
/// columns.csv: the data dictionary written with a run's tables. One row per column of each CSV file (kind
/// <c>column</c>) and per value of the <c>outcome</c> column of the long files (kind <c>outcome</c>): its unit, whether
/// and how it is discounted, the precision it is written to, and what it means. Units and discounting come from the
/// outcome catalogue, where each outcome and series is declared once.
/// </summary>
internal static class ColumnsCsv
{
    public const string Header = "file,name,kind,unit,discounted,precision,description";

    private const string Exact = "exact";
    private const string SameUnit = "the outcome's unit";

    public static void Write(TextWriter w, Scenario scenario)
    {
        w.WriteLine(Header);
        var catalogue = scenario.Catalogue.Outcomes;
        void Row(string file, string name, string kind, string unit, string discounted, string precision, string description) =>
            w.WriteLine(string.Join(',', file, Csv.Text(name), kind, Csv.Text(unit), Csv.Text(discounted), Csv.Text(precision), Csv.Text(description)));
        void Column(string file, string name, string unit, string description, string? precision = null, string discounted = "no") =>
            Row(file, name, "column", unit, discounted, precision ?? Csv.Precision, description);
        void Outcome(string file, OutcomeDefinition o) => Row(file, o.Name, "outcome", o.Unit, Discounted(o.DiscountRatePerYear), Csv.Precision, $"{o.Description} (total over the horizon, or the final year's value)");
        void Series(string file, SeriesDefinition s) => Row(file, s.Name, "outcome", PerYear(s), Discounted(s.DiscountRatePerYear), Csv.Precision, s.Description);

        const string replications = "replications.csv";
        Column(replications, "replication", "index", "Replication index; its random numbers are keyed by (seed, replication), so the row can be reproduced alone", Exact);
        Column(replications, "seed", "number", "The run's seed", Exact);
        Column(replications, "variant", "name", "The policy variant (labels in summary.csv and manifest.json)", Exact);
        foreach (var o in catalogue.All)
            Column(replications, o.Name, o.Unit, $"{o.Description}", discounted: Discounted(o.DiscountRatePerYear));
        for (int d = 1; d <= RecordLayout.Deciles; d++)
            Column(replications, $"hle_change_decile_{d}_years", "years", $"Final-year minus start-year healthy life expectancy of deprivation decile {d} (1 = most deprived); empty when the world has no zone in the decile");
        foreach (var b in Baseline.All) Column(replications, "baseline_" + b.Name, b.Unit, $"{b.Description} (the same in every variant)");
        foreach (var u in scenario.Uncertain)
        {
            var info = ParameterPaths.Find(u.Path);
            Column(replications, u.Path, "as the parameter", $"The value the uncertain parameter {u.Path} was drawn at in this replication, the same in every variant: {info?.Meaning}");
        }
        foreach (var (_, name, meaning) in ReplicationsCsv.ShockColumns)
        {
            Column(replications, name + "_years", "years", $"Simulated years with {meaning} in this replication (the same in every variant)", Exact);
            Column(replications, name + "_in_final_year", "0 or 1", $"1 when {meaning} hit the final year, which the final-year outcomes (HLE, its gap) then show", Exact);
        }

        const string summary = "summary.csv";
        Column(summary, "variant", "name", "The policy variant", Exact);
        Column(summary, "variant_label", "text", "The variant as charts and tables name it", Exact);
        Column(summary, "outcome", "name", "The outcome (see the rows of kind 'outcome' below)", Exact);
        Column(summary, "outcome_label", "text", "The outcome as charts and tables name it", Exact);
        Column(summary, "unit", "text", "The outcome's unit", Exact);
        Column(summary, "mean", SameUnit, "Mean over replications");
        Column(summary, "sd", SameUnit, "Standard deviation over replications");
        Column(summary, "ci95_low", SameUnit, "Lower end of the 95% confidence interval of the mean (Student t)");
        Column(summary, "ci95_high", SameUnit, "Upper end of the 95% confidence interval of the mean");
        foreach (int p in new[] { 5, 25, 50, 75, 95 }) Column(summary, $"p{p}", SameUnit, $"{p}th percentile over replications (R7; a t-digest estimate when summary.json says so)");
        Column(summary, "against", "name", "The variant the difference is taken against (the first); empty on the first variant's rows", Exact);
        Column(summary, "difference_mean", SameUnit, "Mean paired difference: this variant minus the first, replication by replication");
        Column(summary, "difference_ci95_low", SameUnit, "Lower end of the 95% confidence interval of the mean paired difference");
        Column(summary, "difference_ci95_high", SameUnit, "Upper end of the 95% confidence interval of the mean paired difference");
        Column(summary, "probability_better", "probability", "Share of replications where this variant did better than the first (ties half); empty when neither way is better (money spent or transferred)");
        foreach (var o in catalogue.All) Outcome(summary, o);

        const string timeseries = "timeseries.csv";
        Column(timeseries, "variant", "name", "The policy variant", Exact);
        Column(timeseries, "year", "calendar year", "The year; the start year holds the start-year values (HLE, LE and their gaps only)", Exact);
        Column(timeseries, "outcome", "name", "The yearly series (see the rows of kind 'outcome' below)", Exact);
        Column(timeseries, "mean", SameUnit, "Mean over replications of the year's value");
        foreach (int p in new[] { 5, 25, 50, 75, 95 }) Column(timeseries, $"p{p}", SameUnit, $"{p}th percentile over replications of the year's value");
        foreach (var s in catalogue.Series) Series(timeseries, s);

        const string differences = "differences.csv";
        Column(differences, "variant", "name", "The policy variant compared", Exact);
        Column(differences, "against", "name", "The variant it is compared with (the first)", Exact);
        Column(differences, "year", "calendar year", "The simulated year", Exact);
        Column(differences, "outcome", "name", "The yearly series (see the rows of kind 'outcome' below); _to_date series give the answer with a horizon ending that year", Exact);
        Column(differences, "mean_difference", SameUnit, "Mean paired difference in the year: the variant's value minus the first variant's, replication by replication");
        Column(differences, "ci95_low", SameUnit, "Lower end of the 95% confidence interval of the mean paired difference");
        Column(differences, "ci95_high", SameUnit, "Upper end of the 95% confidence interval of the mean paired difference");
        Column(differences, "p5", SameUnit, "5th percentile of the paired difference over replications");
        Column(differences, "p95", SameUnit, "95th percentile of the paired difference over replications");
        Column(differences, "probability_better", "probability", "Share of replications where the variant did better in the year (ties half); empty when neither way is better");
        foreach (var s in catalogue.Series) Series(differences, s);

        const string zones = "zones.csv";
        Column(zones, "variant", "name", "The policy variant", Exact);
        Column(zones, "zone", "identifier", "The zone", Exact);
        Column(zones, "region", "name", "The zone's city-region (mayoralty)", Exact);
        Column(zones, "capacity", "class", "The mayoralty's capacity class: established, developing or new", Exact);
        Column(zones, "deprivation_decile", "decile", "1 = most deprived … 10 = least deprived", Exact);
        Column(zones, "population", "residents", "Start-year residents, rounded to whole people", Exact);
        foreach (var (field, what) in new[] { ("hle", "healthy life expectancy"), ("le", "life expectancy") })
        {
            Column(zones, $"{field}_start_years", "years", $"Start-year {what} at birth, mean over replications");
            Column(zones, $"{field}_final_years", "years", $"Final-year {what} at birth, mean over replications");
            Column(zones, $"{field}_change_years", "years", $"Final minus start-year {what}, mean over replications");
        }
        Column(zones, "zone_name", "name", "The zone's name where the zones file gives one (real places: the ONS name, e.g. Bolton 005A); empty otherwise", Exact);
        Column(zones, "local_authority", "name", "The zone's council where the zones file gives it; empty otherwise", Exact);
        Column(zones, "icb", "name", "The zone's Integrated Care Board where the zones file gives it; empty otherwise", Exact);

        const string agents = "agents.csv";
        Column(agents, "variant", "name", "The policy variant", Exact);
        Column(agents, "agent_type", "name", "The kind of agent: mayor, icb, the region's developers or lenders as a group, or a developer_firm", Exact);
        Column(agents, "agent", "name", "The agent, named by its mayoralty", Exact);
        Column(agents, "region", "name", "The agent's city-region (mayoralty)", Exact);
        Column(agents, "quantity", "name", "What is measured (see the rows of kind 'quantity' below): the agent's state at the end or its total over the horizon", Exact);
        Column(agents, "mean", SameUnit, "Mean over replications");
        Column(agents, "p5", SameUnit, "5th percentile over replications");
        Column(agents, "p95", SameUnit, "95th percentile over replications");
        for (int o = 0; o < RegionOutcomes.Count; o++)
            if (RegionOutcomes.AgentOf[o] != "region")
                Row(agents, RegionOutcomes.Names[o], "quantity", RegionOutcomes.Units[o],
                    RegionOutcomes.Names[o] == "icb_care_qalys_forgone" ? Discounted(Core.Health.Discounting.HealthRatePerYear) : "no", Csv.Precision, RegionOutcomes.Descriptions[o]);
        foreach (int q in FirmOutcomes.Kept)
            Row(agents, FirmOutcomes.Names[q], "quantity", FirmOutcomes.Names[q].EndsWith("_gbp", StringComparison.Ordinal) ? "£" : FirmOutcomes.Names[q] == "firm_trading" ? "0 or 1" : "count",
                "no", Csv.Precision, FirmOutcomes.Descriptions[q] + " (a developer firm, at the end)");
    }

    /// <summary>How columns.csv states discounting: "no", or e.g. "3.5% a year to the start year".</summary>
    public static string Discounted(double? ratePerYear) =>
        ratePerYear is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r * 100:0.##}% a year to the start year") : "no";

    private static string PerYear(SeriesDefinition s) =>
        s.Name.EndsWith("_to_date", StringComparison.Ordinal) || s.Name.EndsWith("_to_date_gbp", StringComparison.Ordinal) || s.Unit is "years" ? s.Unit : s.Unit + " per year";
}
