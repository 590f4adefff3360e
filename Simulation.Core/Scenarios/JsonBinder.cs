using System.Globalization;
using System.Reflection;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Scenarios;

/// <summary>
/// Binds JSON objects onto immutable records with validation, collecting every problem with its
/// file, line, column, JSON path and a fix. Property names are the records' names in snake_case;
/// numeric properties are checked against their <see cref="AllowedRangeAttribute"/>; enums are
/// snake_case strings; keys starting with '$' (such as "$schema") are ignored.
/// </summary>
internal sealed class JsonBinder(string file)
{
    public string File { get; } = file;
    public List<ValidationProblem> Problems { get; } = [];

    /// <summary>Records a problem at a token's position.</summary>
    public void Problem(JToken? token, string message, string fix, string? path = null)
    {
        var info = (Newtonsoft.Json.IJsonLineInfo?)token;
        int line = info is { } li && li.HasLineInfo() ? li.LineNumber : 0;
        int column = info is { } lc && lc.HasLineInfo() ? lc.LinePosition : 0;
        Problems.Add(new ValidationProblem(File, line, column, path ?? token?.Path ?? "", message, fix));
    }

    /// <summary>Reports keys of <paramref name="obj"/> not in <paramref name="allowed"/>, suggesting the nearest valid one.</summary>
    public void CheckKeys(JObject obj, IReadOnlyCollection<string> allowed)
    {
        foreach (var property in obj.Properties())
        {
            if (property.Name.StartsWith('$') || allowed.Contains(property.Name)) continue;
            string? nearest = NameSuggestion.Nearest(property.Name, allowed);
            Problem(property, $"unknown key '{property.Name}'",
                nearest is null ? $"remove it; valid keys here are: {string.Join(", ", allowed)}" : $"did you mean '{nearest}'?",
                property.Path);
        }
    }


    /// <summary>
    /// A copy of <paramref name="defaults"/> with the values given in <paramref name="token"/> (an object or null).
    /// Invalid values are reported and the default kept, so every problem in the file is found in one pass.
    /// </summary>
    public T Bind<T>(JToken? token, T defaults) where T : class => (T)Bind(token, defaults, typeof(T));

    private object Bind(JToken? token, object defaults, Type type)
    {
        if (token is null || token.Type == JTokenType.Null) return defaults;
        if (token is not JObject obj)
        {
            Problem(token, $"expected an object, found {Describe(token)}", "write { \"key\": value, … }");
            return defaults;
        }
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .ToDictionary(p => ParameterPaths.SnakeCase(p.Name), StringComparer.Ordinal);
        CheckKeys(obj, properties.Keys);
        object copy = ParameterPaths.CloneRecord(defaults);
        foreach (var jp in obj.Properties())
        {
            if (!properties.TryGetValue(jp.Name, out var prop)) continue;
            object? current = prop.GetValue(copy);
            if (TryConvert(jp.Value, prop, current, out object? value)) prop.SetValue(copy, value);
        }
        return copy;
    }

    private bool TryConvert(JToken value, PropertyInfo prop, object? current, out object? result)
    {
        result = null;
        var type = prop.PropertyType;
        var range = prop.GetCustomAttribute<AllowedRangeAttribute>();
        string meaning = prop.GetCustomAttribute<MeaningAttribute>()?.Text ?? "";
        if (type == typeof(double) || type == typeof(int))
        {
            if (value.Type is not (JTokenType.Integer or JTokenType.Float))
            {
                Problem(value, $"expected a number, found {Describe(value)}", $"write a number{RangeText(range)}{(meaning.Length > 0 ? $" ({meaning})" : "")}");
                return false;
            }
            double number = ToDouble(value);
            if (type == typeof(int) && Math.Abs(number - Math.Round(number)) > 0)
            {
                Problem(value, $"expected a whole number, found {number.ToString(CultureInfo.InvariantCulture)}", $"write a whole number{RangeText(range)}");
                return false;
            }
            if (!double.IsFinite(number) || (range is not null && (number < range.Min || number > range.Max)))
            {
                Problem(value, $"{number.ToString(CultureInfo.InvariantCulture)} is out of range", $"use a value{RangeText(range)}{(meaning.Length > 0 ? $" ({meaning})" : "")}");
                return false;
            }
            result = type == typeof(int) ? (object)(int)Math.Round(number) : number;
            return true;
        }
        if (type == typeof(bool))
        {
            if (value.Type != JTokenType.Boolean) { Problem(value, $"expected true or false, found {Describe(value)}", "write true or false"); return false; }
            result = value.Value<bool>();
            return true;
        }
        if (type.IsEnum || type == typeof(Settlement))
        {
            // A choice by name: an enum's values, or one of the registered settlements.
            string[] names = type.IsEnum ? ParameterPaths.EnumNames(type) : [.. SettlementCatalogue.Names];
            if (value.Type != JTokenType.String) { Problem(value, $"expected one of {string.Join(", ", names)}, found {Describe(value)}", $"write one of \"{string.Join("\", \"", names)}\""); return false; }
            string text = value.Value<string>()!;
            int index = Array.IndexOf(names, text);
            if (index < 0)
            {
                string? nearest = NameSuggestion.Nearest(text, names);
                Problem(value, $"'{text}' is not one of {string.Join(", ", names)}", nearest is null ? $"write one of \"{string.Join("\", \"", names)}\"" : $"did you mean '{nearest}'?");
                return false;
            }
            result = type.IsEnum ? Enum.GetValues(type).GetValue(index) : SettlementCatalogue.All[index];
            return true;
        }
        if (type == typeof(string))
        {
            if (value.Type != JTokenType.String) { Problem(value, $"expected a string, found {Describe(value)}", "write a \"string\""); return false; }
            result = value.Value<string>();
            return true;
        }
        if (type.IsClass && current is not null)
        {
            result = Bind(value, current, type);
            return true;
        }
        throw new InvalidOperationException($"Scenario binder cannot bind {type.Name}.");
    }

    private static string RangeText(AllowedRangeAttribute? range) => range is null ? "" :
        string.Create(CultureInfo.InvariantCulture, $" from {range.Min} to {range.Max}");

    /// <summary>A JSON number as a double, including whole numbers too big for a long (read as BigInteger).</summary>
    public static double ToDouble(JToken token) => (double)token;

    /// <summary>A short description of a token for messages: "a string", "the number 3".</summary>
    public static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"the string \"{token.Value<string>()}\"",
        JTokenType.Integer or JTokenType.Float => $"the number {ToDouble(token).ToString(CultureInfo.InvariantCulture)}",
        JTokenType.Boolean => $"{token.Value<bool>().ToString().ToLowerInvariant()}",
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        JTokenType.Null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };
}
