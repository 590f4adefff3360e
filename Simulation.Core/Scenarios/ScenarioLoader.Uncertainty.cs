using System.Collections.Immutable;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace UrbanSim.Core.Scenarios;

/// <summary>The scenario's uncertainty blocks: the uncertain parameters and what a sensitivity analysis varies.</summary>
public static partial class ScenarioLoader
{
    private static ImmutableArray<UncertainParameter> ReadUncertain(JsonBinder binder, JToken? token)
    {
        if (token is null) return [];
        if (token is not JArray array)
        {
            binder.Problem(token, $"expected an array, found {JsonBinder.Describe(token)}", "write \"uncertain\": [ { \"set\": \"programme_evidence\" }, { \"parameter\": \"health.walking_relative_risk\", \"distribution\": \"lognormal\", … } ]");
            return [];
        }
        if (array.Count > MaxUncertain) binder.Problem(token, $"{array.Count} uncertain parameters is more than the limit of {MaxUncertain}", "keep the ones that matter");
        var list = ImmutableArray.CreateBuilder<UncertainParameter>();
        var fromSets = new List<UncertainParameter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var setsSeen = new HashSet<string>(StringComparer.Ordinal);
        var paths = ParameterPaths.All.Select(p => p.Path).ToArray();
        foreach (var item in array)
        {
            if (item is not JObject obj) { binder.Problem(item, $"expected an object, found {JsonBinder.Describe(item)}", "write { \"parameter\": \"…\", \"distribution\": \"normal\", \"mean\": 0, \"sd\": 1 }"); continue; }
            if (obj["set"] is not null)
            {
                binder.CheckKeys(obj, ["set"]);
                string? setName = ReadString(binder, obj, "set", required: true);
                if (setName is null) continue;
                if (!UncertaintySets.All.TryGetValue(setName, out var set))
                {
                    string? nearest = NameSuggestion.Nearest(setName, UncertaintySets.All.Keys);
                    binder.Problem(obj["set"], $"unknown uncertainty set '{setName}'", nearest is null ? $"use one of {string.Join(", ", UncertaintySets.All.Keys)}" : $"did you mean '{nearest}'?");
                }
                else if (!setsSeen.Add(setName)) binder.Problem(obj["set"], $"the set '{setName}' is included twice", "include each set once");
                else fromSets.AddRange(set.Select(e => e.Parameter));
                continue;
            }
            string? path = ReadString(binder, obj, "parameter", required: true);
            string? kind = ReadString(binder, obj, "distribution", required: true);
            ParameterInfo? info = null;
            if (path is not null)
            {
                info = ParameterPaths.Find(path);
                if (info is null)
                {
                    string? nearest = NameSuggestion.Nearest(path, paths);
                    binder.Problem(obj["parameter"], $"unknown parameter '{path}'", nearest is null ? "use a path such as health.walking_relative_risk (see docs/model.md)" : $"did you mean '{nearest}'?");
                }
                else if (!seen.Add(path)) binder.Problem(obj["parameter"], $"'{path}' is made uncertain twice", "keep one entry per parameter");
            }
            if (kind is null) continue;
            if (!DistributionKeys.TryGetValue(kind, out var keys))
            {
                string? nearest = NameSuggestion.Nearest(kind, DistributionKeys.Keys);
                binder.Problem(obj["distribution"], $"unknown distribution '{kind}'", nearest is null ? $"use one of {string.Join(", ", DistributionKeys.Keys)}" : $"did you mean '{nearest}'?");
                continue;
            }
            binder.CheckKeys(obj, ["parameter", "distribution", .. keys]);
            var values = new double[keys.Length];
            bool ok = true;
            for (int k = 0; k < keys.Length; k++)
            {
                var v = obj[keys[k]];
                if (v is null) { binder.Problem(obj, $"missing '{keys[k]}' for a {kind} distribution", $"add \"{keys[k]}\": <number>", $"{obj.Path}.{keys[k]}"); ok = false; }
                else if (v.Type is not (JTokenType.Integer or JTokenType.Float)) { binder.Problem(v, $"expected a number, found {JsonBinder.Describe(v)}", "write a number"); ok = false; }
                else values[k] = JsonBinder.ToDouble(v);
            }
            if (!ok) continue;
            var distribution = kind switch
            {
                "normal" => Distribution.Normal(values[0], values[1]),
                "lognormal" => Distribution.LogNormal(values[0], values[1], values[2]),
                "uniform" => Distribution.Uniform(values[0], values[1]),
                "triangular" => Distribution.Triangular(values[0], values[1], values[2]),
                _ => Distribution.Beta(values[0], values[1]),
            };
            var problems = distribution.Problems().ToList();
            if (problems.Count == 0 && distribution.SamplingProblem() is { } sampling) problems.Add(sampling);
            foreach (var p in problems) binder.Problem(obj, $"impossible {kind} distribution: {p}", "correct the distribution's parameters");
            if (problems.Count == 0 && info is not null)
            {
                double median = distribution.Quantile(0.5);
                if (!(median >= info.Min && median <= info.Max))
                    binder.Problem(obj, $"the distribution's median {median.ToString("G6", CultureInfo.InvariantCulture)} lies outside the parameter's range {info.Min.ToString(CultureInfo.InvariantCulture)} to {info.Max.ToString(CultureInfo.InvariantCulture)}", "centre the distribution inside the allowed range (draws outside it are clamped)");
                list.Add(new UncertainParameter(path!, distribution));
            }
        }
        // A scenario's own entry for a parameter replaces the set's; the set's come first, in their declared order.
        var own = list.ToImmutable();
        return [.. fromSets.Where(u => !seen.Contains(u.Path)).DistinctBy(u => u.Path), .. own];
    }

    private static SensitivitySpec? ReadSensitivity(JsonBinder binder, JToken? token, ImmutableArray<PolicyVariant> variants, int uncertainCount)
    {
        if (token is null || token.Type == JTokenType.Null) return null;
        if (token is not JObject obj)
        {
            binder.Problem(token, $"expected an object, found {JsonBinder.Describe(token)}", "write \"sensitivity\": { \"levers\": { \"funding_per_head_gbp\": [100, 400] } }");
            return null;
        }
        binder.CheckKeys(obj, SensitivityKeys);
        string? variant = ReadString(binder, obj, "variant", required: false);
        if (variant is not null && !variants.IsDefaultOrEmpty && variants.All(v => v.Name != variant))
        {
            string? nearest = NameSuggestion.Nearest(variant, variants.Select(v => v.Name));
            binder.Problem(obj["variant"], $"no variant is called '{variant}'", nearest is null ? $"use one of {string.Join(", ", variants.Select(v => v.Name))}" : $"did you mean '{nearest}'?");
        }
        string? compareWith = ReadString(binder, obj, "compare_with", required: false);
        if (compareWith is not null && !variants.IsDefaultOrEmpty)
        {
            string baseName = variant ?? variants[0].Name;
            if (variants.All(v => v.Name != compareWith))
            {
                string? nearest = NameSuggestion.Nearest(compareWith, variants.Select(v => v.Name));
                binder.Problem(obj["compare_with"], $"no variant is called '{compareWith}'", nearest is null ? $"use one of {string.Join(", ", variants.Select(v => v.Name))}" : $"did you mean '{nearest}'?");
            }
            else if (compareWith == baseName)
                binder.Problem(obj["compare_with"], $"'{compareWith}' is the base variant itself", "name another variant to compare with, or remove \"compare_with\"");
        }
        string? factors = ReadString(binder, obj, "factors", required: false);
        if (factors is not null && factors is not ("grouped" or "individual"))
            binder.Problem(obj["factors"], $"unknown factor layout '{factors}'", "write \"grouped\" (one factor per programme of an uncertainty set) or \"individual\" (every parameter its own factor)");
        int perSample = ReadInt(binder, obj, "replications_per_sample", 1, 1, MaxReplicationsPerSample);

        var levers = ImmutableArray.CreateBuilder<LeverRange>();
        var leverNames = LeverPaths.Numeric.Select(l => l.Name).ToArray();
        if (obj["levers"] is { } leversToken && leversToken.Type != JTokenType.Null)
        {
            if (leversToken is not JObject leversObj)
                binder.Problem(leversToken, $"expected an object, found {JsonBinder.Describe(leversToken)}", "write \"levers\": { \"funding_per_head_gbp\": [100, 400] }");
            else
                foreach (var property in leversObj.Properties())
                {
                    if (property.Name.StartsWith('$')) continue;
                    var info = LeverPaths.Find(property.Name);
                    if (info is null)
                    {
                        string? nearest = NameSuggestion.Nearest(property.Name, leverNames);
                        string fix = property.Name == "settlement" ? "the settlement is a category, not a range: set it with \"variant\" and vary the numeric levers"
                            : nearest is null ? $"use a numeric lever: {string.Join(", ", leverNames)}" : $"did you mean '{nearest}'?";
                        binder.Problem(property, $"unknown numeric lever '{property.Name}'", fix, property.Path);
                        continue;
                    }
                    string range = string.Create(CultureInfo.InvariantCulture, $"{info.Min} to {info.Max}");
                    if (property.Value is not JArray pair || pair.Count != 2 || pair.Any(v => v.Type is not (JTokenType.Integer or JTokenType.Float)))
                    {
                        binder.Problem(property.Value, $"expected [min, max], two numbers, found {JsonBinder.Describe(property.Value)}", $"write \"{info.Name}\": [min, max] inside {range}");
                        continue;
                    }
                    double min = JsonBinder.ToDouble(pair[0]), max = JsonBinder.ToDouble(pair[1]);
                    bool ok = true;
                    foreach (var (value, at) in new[] { (min, pair[0]), (max, pair[1]) })
                        if (!double.IsFinite(value) || value < info.Min || value > info.Max)
                        {
                            binder.Problem(at, $"{value.ToString(CultureInfo.InvariantCulture)} is outside the lever's range {range}", $"keep the range inside {range} ({info.Meaning})");
                            ok = false;
                        }
                    if (ok && !(min < max))
                    {
                        binder.Problem(pair, $"min {min.ToString(CultureInfo.InvariantCulture)} is not below max {max.ToString(CultureInfo.InvariantCulture)}", "write [min, max] with min < max (to fix a lever, set it in the variant instead)");
                        ok = false;
                    }
                    if (ok) levers.Add(new LeverRange(info.Name, min, max));
                }
        }

        var outcomes = SensitivitySpec.DefaultOutcomes;
        if (obj["outcomes"] is { } outcomesToken && outcomesToken.Type != JTokenType.Null)
        {
            var names = ModelCatalogue.Standard.Outcomes.All.Select(o => o.Name).ToArray();
            if (outcomesToken is not JArray array || array.Count == 0)
                binder.Problem(outcomesToken, $"expected a non-empty array of outcome names, found {JsonBinder.Describe(outcomesToken)}", "write \"outcomes\": [\"hle_years\", \"hle_gap_years\"]");
            else
            {
                var list = ImmutableArray.CreateBuilder<string>();
                foreach (var item in array)
                {
                    string? name = item.Type == JTokenType.String ? item.Value<string>() : null;
                    if (name is null || Array.IndexOf(names, name) < 0)
                    {
                        string? nearest = name is null ? null : NameSuggestion.Nearest(name, names);
                        binder.Problem(item, name is null ? $"expected an outcome name, found {JsonBinder.Describe(item)}" : $"unknown outcome '{name}'",
                            nearest is null ? "use an outcome name from the README, such as hle_gap_years" : $"did you mean '{nearest}'?");
                    }
                    else if (list.Contains(name)) binder.Problem(item, $"'{name}' is listed twice", "list each outcome once");
                    else list.Add(name);
                }
                outcomes = list.ToImmutable();
            }
        }
        if (levers.Count == 0 && uncertainCount == 0 && obj["levers"] is not JObject { HasValues: true })
            binder.Problem(obj, "nothing to vary: no lever ranges and no uncertain parameters", "add \"levers\": { \"funding_per_head_gbp\": [100, 400], … } (uncertain parameters are varied too)", string.IsNullOrEmpty(obj.Path) ? "sensitivity" : obj.Path);
        return new SensitivitySpec
        {
            Variant = variant, CompareWith = compareWith, Levers = levers.ToImmutable(), Outcomes = outcomes, ReplicationsPerSample = perSample,
            GroupParameters = factors != "individual",
        };
    }
}
