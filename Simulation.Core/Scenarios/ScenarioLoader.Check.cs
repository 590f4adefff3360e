using System.Globalization;

namespace UrbanSim.Core.Scenarios;

public static partial class ScenarioLoader
{
    /// <summary>
    /// Checks a scenario built in code, as <see cref="Parse"/> checks a file: the horizon, replications and world within
    /// the loader's limits, at least one variant and unique variant names, every lever of every variant and every model
    /// parameter inside its allowed range and consistent with the others, and every uncertain parameter and variant parameter naming a real parameter.
    /// Every problem is reported at once, each with its path (for example <c>variants[1].levers.funding_per_head_gbp</c>)
    /// and a fix; an empty list means the scenario can be run.
    /// </summary>
    /// <param name="scenario">The scenario to check.</param>
    /// <param name="source">What to call the scenario in the problems, in place of a file name.</param>
    public static IReadOnlyList<ValidationProblem> Check(Scenario scenario, string source = "<code>")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<ValidationProblem>();
        void Problem(string path, string message, string fix) => problems.Add(new(source, 0, 0, path, message, fix));
        static string Text(double x) => x.ToString("R", CultureInfo.InvariantCulture);

        if (string.IsNullOrWhiteSpace(scenario.Name)) Problem("name", "the scenario has no name", "give it a short name");
        if (scenario.HorizonYears is < 1 or > MaxYears)
            Problem("horizon_years", $"{scenario.HorizonYears} is out of range", $"use 1 to {MaxYears} years");
        if (scenario.Replications is < 1 or > MaxReplications)
            Problem("replications", $"{scenario.Replications} is out of range", $"use 1 to {MaxReplications}");
        int zones = scenario.World?.ZoneCount ?? 0;
        if (zones is < 1 or > MaxZones)
            Problem("world", $"the world has {zones} zones", $"give it 1 to {MaxZones} zones (regions with zones, or zone records)");

        if (scenario.Variants.IsDefaultOrEmpty) Problem("variants", "there are no policy variants", "add at least one variant");
        else
        {
            if (scenario.Variants.Length > MaxVariants) Problem("variants", $"{scenario.Variants.Length} variants", $"use at most {MaxVariants}");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int v = 0; v < scenario.Variants.Length; v++)
            {
                var variant = scenario.Variants[v];
                string at = $"variants[{v}]";
                if (!seen.Add(variant.Name)) Problem($"{at}.name", $"'{variant.Name}' names two variants", "give each variant its own name");
                foreach (var lever in LeverPaths.Numeric)
                {
                    double value = LeverPaths.Get(variant.Levers, lever);
                    if (!double.IsFinite(value) || value < lever.Min || value > lever.Max)
                        Problem($"{at}.levers.{lever.Name}", $"{Text(value)} is out of range",
                            $"use a value from {Text(lever.Min)} to {Text(lever.Max)} ({lever.Meaning})");
                }
                foreach (var setting in variant.Parameters)
                    if (ParameterPaths.Find(setting.Path) is not { } info)
                        Problem($"{at}.parameters.{setting.Path}", "no such parameter", "write a parameter path such as politics.co_investment_per_gbp");
                    else if (!double.IsFinite(setting.Value) || setting.Value < info.Min || setting.Value > info.Max)
                        Problem($"{at}.parameters.{setting.Path}", $"{Text(setting.Value)} is out of range",
                            $"use a value from {Text(info.Min)} to {Text(info.Max)} ({info.Meaning})");
            }
        }

        foreach (var parameter in ParameterPaths.All)
        {
            double value = ParameterPaths.Get(scenario.Parameters, parameter);
            if (!double.IsFinite(value) || value < parameter.Min || value > parameter.Max)
                Problem($"parameters.{parameter.Path}", $"{Text(value)} is out of range",
                    $"use a value from {Text(parameter.Min)} to {Text(parameter.Max)} ({parameter.Meaning})");
        }
        foreach (var (group, message, fix) in ParameterConsistencyProblems(scenario.Parameters))
            Problem("parameters." + group, message, fix);
        for (int u = 0; u < scenario.Uncertain.Length; u++)
            if (ParameterPaths.Find(scenario.Uncertain[u].Path) is null)
                Problem($"uncertain[{u}].path", $"'{scenario.Uncertain[u].Path}' is not a parameter", "write a parameter path such as health.walking_relative_risk");
        return problems;
    }
}
