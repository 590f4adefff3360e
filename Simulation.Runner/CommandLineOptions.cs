using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace UrbanSim.Runner;

/// <summary>
/// Options whose values are checked as they are read, with one plain sentence when they are wrong ("--reps must be a
/// whole number from 1 to 100000000; got 'ten'"), never a .NET type name.
/// </summary>
internal static class CommandLineOptions
{
    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int?> Whole(string name, string description, int min, int max)
    {
        var option = new Option<int?>(name) { Description = description };
        option.CustomParser = result => ParseWhole(result, name, min, max);
        return option;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> with a default.</summary>
    public static Option<int> Whole(string name, string description, int min, int max, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.CustomParser = result => ParseWhole(result, name, min, max) ?? defaultValue;
        return option;
    }

    /// <summary>An optional seed: a whole number from 0 to 2⁶⁴ − 1.</summary>
    public static Option<ulong?> Seed(string description)
    {
        var option = new Option<ulong?>("--seed") { Description = description };
        option.CustomParser = result =>
        {
            string text = Token(result);
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)) return seed;
            result.AddError($"--seed must be a whole number from 0 to {ulong.MaxValue}; got '{text}'");
            return null;
        };
        return option;
    }

    private static int? ParseWhole(ArgumentResult result, string name, int min, int max)
    {
        string text = Token(result);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            result.AddError($"{name} must be a whole number from {min} to {max}; got '{text}'");
            return null;
        }
        if (value < min || value > max)
        {
            result.AddError($"{name} must be from {min} to {max}; got {value}");
            return null;
        }
        return value;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
}
