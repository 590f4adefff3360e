using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace UrbanSim.Runner.Tests.Scenarios;

/// <summary>
/// A small JSON Schema validator for the keywords the scenario schema uses, so tests can check documents against
/// it without a new package. <see cref="Keywords"/> lists what it understands; a test makes sure the schema uses
/// nothing else, so no constraint is silently skipped.
/// </summary>
internal sealed class SchemaSubsetValidator(JObject root)
{
    /// <summary>Keywords this validator checks, plus annotations that need no checking.</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$defs", "$ref", "title", "description", "default",
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "minLength", "maxLength", "pattern",
        "properties", "patternProperties", "additionalProperties", "required", "items", "minItems", "maxItems",
        "allOf", "anyOf", "not", "if", "then",
    };

    /// <summary>Every problem with <paramref name="document"/>, as "json.path: what is wrong"; empty when it conforms.</summary>
    public List<string> Validate(JToken document)
    {
        var errors = new List<string>();
        Check(document, root, errors);
        return errors;
    }

    /// <summary>Every keyword used anywhere in the schema (keys of schema objects, not of property maps).</summary>
    public static IEnumerable<string> KeywordsUsed(JObject schema)
    {
        foreach (var property in schema.Properties())
        {
            yield return property.Name;
            IEnumerable<JToken> subschemas = property.Name switch
            {
                "properties" or "patternProperties" or "$defs" => ((JObject)property.Value).Properties().Select(p => p.Value),
                "items" or "not" or "if" or "then" => [property.Value],
                "allOf" or "anyOf" => (JArray)property.Value,
                _ => [],
            };
            foreach (var sub in subschemas.OfType<JObject>())
                foreach (string keyword in KeywordsUsed(sub)) yield return keyword;
        }
    }

    private bool Valid(JToken instance, JObject schema)
    {
        var errors = new List<string>();
        Check(instance, schema, errors);
        return errors.Count == 0;
    }

    private void Check(JToken instance, JObject schema, List<string> errors)
    {
        string at = instance.Path.Length == 0 ? "(root)" : instance.Path;
        if (schema["$ref"] is { } reference) Check(instance, Resolve((string)reference!), errors);
        if (schema["type"] is { } type && !(type is JArray types ? types.Any(t => IsType(instance, (string)t!)) : IsType(instance, (string)type!)))
        {
            errors.Add($"{at}: expected {type.ToString(Newtonsoft.Json.Formatting.None)}, found {instance.Type}");
            return;
        }
        if (schema["enum"] is JArray values && !values.Any(v => JToken.DeepEquals(v, instance)))
            errors.Add($"{at}: {instance.ToString(Newtonsoft.Json.Formatting.None)} is not one of the allowed values");
        if (schema["const"] is { } constant && !JToken.DeepEquals(constant, instance))
            errors.Add($"{at}: must be {constant.ToString(Newtonsoft.Json.Formatting.None)}");
        if (instance.Type is JTokenType.Integer or JTokenType.Float)
        {
            double x = (double)instance;
            if (schema["minimum"] is { } min && x < (double)min) errors.Add($"{at}: {x.ToString(CultureInfo.InvariantCulture)} is below the minimum {min}");
            if (schema["maximum"] is { } max && x > (double)max) errors.Add($"{at}: {x.ToString(CultureInfo.InvariantCulture)} is above the maximum {max}");
            if (schema["exclusiveMinimum"] is { } emin && x <= (double)emin) errors.Add($"{at}: {x.ToString(CultureInfo.InvariantCulture)} must be above {emin}");
        }
        if (instance.Type == JTokenType.String)
        {
            string s = (string)instance!;
            if (schema["minLength"] is { } minLength && s.Length < (int)minLength) errors.Add($"{at}: shorter than {minLength}");
            if (schema["maxLength"] is { } maxLength && s.Length > (int)maxLength) errors.Add($"{at}: longer than {maxLength}");
            if (schema["pattern"] is { } pattern && !Regex.IsMatch(s, (string)pattern!)) errors.Add($"{at}: does not match {pattern}");
        }
        if (instance is JObject obj)
        {
            var properties = schema["properties"] as JObject;
            var patterns = schema["patternProperties"] as JObject;
            foreach (string? name in schema["required"]?.Values<string>() ?? [])
                if (obj[name!] is null) errors.Add($"{at}: missing required '{name}'");
            foreach (var property in obj.Properties())
            {
                bool matched = false;
                if (properties?[property.Name] is JObject propertySchema) { matched = true; Check(property.Value, propertySchema, errors); }
                foreach (var pattern in patterns?.Properties() ?? [])
                {
                    if (!Regex.IsMatch(property.Name, pattern.Name)) continue;
                    matched = true;
                    Check(property.Value, (JObject)pattern.Value, errors);
                }
                if (!matched && schema["additionalProperties"] is { Type: JTokenType.Boolean } additional && !(bool)additional)
                    errors.Add($"{property.Path}: key '{property.Name}' is not in the schema");
            }
        }
        if (instance is JArray array)
        {
            if (schema["minItems"] is { } minItems && array.Count < (int)minItems) errors.Add($"{at}: fewer than {minItems} items");
            if (schema["maxItems"] is { } maxItems && array.Count > (int)maxItems) errors.Add($"{at}: more than {maxItems} items");
            if (schema["items"] is JObject items) foreach (var item in array) Check(item, items, errors);
        }
        foreach (var sub in (schema["allOf"] as JArray)?.OfType<JObject>() ?? []) Check(instance, sub, errors);
        if (schema["anyOf"] is JArray anyOf && !anyOf.OfType<JObject>().Any(s => Valid(instance, s)))
            errors.Add($"{at}: matches none of the alternatives");
        if (schema["not"] is JObject not && Valid(instance, not))
            errors.Add($"{at}: matches a combination the schema forbids ({not.ToString(Newtonsoft.Json.Formatting.None)})");
        if (schema["if"] is JObject condition && schema["then"] is JObject then && Valid(instance, condition))
            Check(instance, then, errors);
    }

    private JObject Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal)) throw new NotSupportedException($"$ref {reference}");
        return root["$defs"]?[reference[prefix.Length..]] as JObject ?? throw new InvalidOperationException($"$ref {reference} does not resolve");
    }

    private static bool IsType(JToken token, string type) => type switch
    {
        "object" => token.Type == JTokenType.Object,
        "array" => token.Type == JTokenType.Array,
        "string" => token.Type == JTokenType.String,
        "boolean" => token.Type == JTokenType.Boolean,
        "null" => token.Type == JTokenType.Null,
        "number" => token.Type is JTokenType.Integer or JTokenType.Float,
        "integer" => token.Type == JTokenType.Integer || (token.Type == JTokenType.Float && Math.Floor((double)token) == (double)token),
        _ => throw new NotSupportedException($"type {type}"),
    };
}
