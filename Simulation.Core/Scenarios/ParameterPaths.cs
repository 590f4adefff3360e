using System.Collections.Immutable;
using System.Reflection;
using System.Text;

namespace UrbanSim.Core.Scenarios;

/// <summary>A numeric model parameter addressable by a dotted snake_case path such as "health.walking_relative_risk".</summary>
internal sealed record ParameterInfo(string Path, Type Type, double Min, double Max, string Meaning, PropertyInfo Group, PropertyInfo Property);

/// <summary>
/// The catalogue of model parameters, read from the <see cref="ModelParameters"/> records, so the
/// scenario loader, the uncertainty sampler, the docs and the schema all use one list.
/// </summary>
internal static class ParameterPaths
{
    /// <summary>Every numeric parameter, in declaration order.</summary>
    public static readonly IReadOnlyList<ParameterInfo> All = Build();

    private static readonly Dictionary<string, ParameterInfo> ByPath = All.ToDictionary(p => p.Path, StringComparer.Ordinal);

    /// <summary>snake_case of a PascalCase name: WalkingRelativeRisk → walking_relative_risk, Pm25 → pm25.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>An enum's value names in snake_case, in declaration order, as scenario files write them.</summary>
    public static string[] EnumNames(Type enumType) =>
        Enum.GetNames(enumType).Select(SnakeCase).ToArray();


    private static List<ParameterInfo> Build()
    {
        var list = new List<ParameterInfo>();
        foreach (var group in typeof(ModelParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            foreach (var prop in group.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (prop.PropertyType != typeof(double) && prop.PropertyType != typeof(int)) continue;
                var range = prop.GetCustomAttribute<AllowedRangeAttribute>()
                    ?? throw new InvalidOperationException($"{group.Name}.{prop.Name} has no AllowedRange.");
                string meaning = prop.GetCustomAttribute<MeaningAttribute>()?.Text ?? "";
                list.Add(new ParameterInfo($"{SnakeCase(group.Name)}.{SnakeCase(prop.Name)}", prop.PropertyType, range.Min, range.Max, meaning, group, prop));
            }
        }
        return list;
    }

    /// <summary>The parameter at <paramref name="path"/>, or null.</summary>
    public static ParameterInfo? Find(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>Current value of a parameter.</summary>
    public static double Get(ModelParameters parameters, ParameterInfo info) =>
        Convert.ToDouble(info.Property.GetValue(info.Group.GetValue(parameters)), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A copy of <paramref name="parameters"/> with one parameter changed (integers are rounded).</summary>
    public static ModelParameters With(ModelParameters parameters, ParameterInfo info, double value)
    {
        object group = info.Group.GetValue(parameters)!;
        object groupCopy = CloneRecord(group);
        info.Property.SetValue(groupCopy, info.Type == typeof(int) ? (object)(int)Math.Round(value) : value);
        var rootCopy = (ModelParameters)CloneRecord(parameters);
        info.Group.SetValue(rootCopy, groupCopy);
        return rootCopy;
    }

    /// <summary>A copy of <paramref name="parameters"/> with a variant's <paramref name="settings"/> applied (itself when there are none).</summary>
    public static ModelParameters With(ModelParameters parameters, ImmutableArray<ParameterSetting> settings)
    {
        if (settings.IsDefaultOrEmpty) return parameters;
        foreach (var setting in settings)
            parameters = With(parameters, Find(setting.Path) ?? throw new InvalidOperationException($"Unknown parameter '{setting.Path}' passed validation."), setting.Value);
        return parameters;
    }

    /// <summary>Shallow copy of a record through its compiler-generated clone method.</summary>
    internal static object CloneRecord(object record) =>
        record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;
}

/// <summary>Draws a replication's uncertain parameters: the same for every variant of the replication.</summary>
internal static class ParameterSampler
{
    /// <summary>
    /// The scenario's parameters with each uncertain one replaced by a draw. The draw's key is the
    /// parameter's path (hashed), not its position, so reordering the list does not change the numbers.
    /// Draws outside the parameter's allowed range are clamped to it.
    /// </summary>
    public static ModelParameters Sample(Scenario scenario, Engine.ReplicationRandom random) => Sample(scenario, random, []);

    /// <summary>As <see cref="Sample(Scenario, Engine.ReplicationRandom)"/>, also writing each value used into <paramref name="drawn"/> (in the order of the scenario's list, if it is long enough).</summary>
    public static ModelParameters Sample(Scenario scenario, Engine.ReplicationRandom random, Span<double> drawn)
    {
        if (scenario.Uncertain.IsEmpty) return scenario.Parameters;
        // One copy of the root and of each group touched, however many parameters are drawn.
        var root = (ModelParameters)ParameterPaths.CloneRecord(scenario.Parameters);
        var copied = new List<PropertyInfo>(4);
        for (int i = 0; i < scenario.Uncertain.Length; i++)
        {
            var uncertain = scenario.Uncertain[i];
            var info = ParameterPaths.Find(uncertain.Path)
                ?? throw new InvalidOperationException($"Unknown parameter '{uncertain.Path}' passed validation.");
            double u = random.Uniform(Engine.RngStream.Parameters, 0, StableHash(uncertain.Path));
            double value = Math.Clamp(uncertain.Distribution.Quantile(u), info.Min, info.Max);
            if (!copied.Contains(info.Group))
            {
                info.Group.SetValue(root, ParameterPaths.CloneRecord(info.Group.GetValue(root)!));
                copied.Add(info.Group);
            }
            info.Property.SetValue(info.Group.GetValue(root), info.Type == typeof(int) ? (object)(int)Math.Round(value) : value);
            if (i < drawn.Length) drawn[i] = info.Type == typeof(int) ? Math.Round(value) : value;
        }
        return root;
    }

    /// <summary>FNV-1a hash of a string: stable across processes, unlike string.GetHashCode.</summary>
    public static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) { hash ^= c; hash *= 16777619; }
        return (int)(hash & 0x7FFFFFFF);
    }

}
