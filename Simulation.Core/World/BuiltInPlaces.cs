using System.Collections.Immutable;

namespace UrbanSim.Core.World;

/// <summary>
/// Worlds of real places shipped with UrbanSim, for <c>"world": {"places": "…"}</c>: compact zones tables derived from
/// official open data by <c>urbansim places build</c> (their sources are in each table's comment lines and in
/// docs/places.md), compiled into the program so that they run on a fresh machine with no download.
/// </summary>
internal static class BuiltInPlaces
{
    /// <summary>
    /// The built-in worlds: <c>england_mcas</c> is England's 13 mayoral combined authorities and the Greater London
    /// Authority (May 2025), one zone per mayoralty and deprivation decile.
    /// </summary>
    public static readonly ImmutableArray<string> Names = ["england_mcas"];

    /// <summary>The file name a built-in world is stored under, as it appears in messages.</summary>
    public static string FileName(string name) => $"places/{name}.csv";

    /// <summary>The zones of built-in world <paramref name="name"/> (one of <see cref="Names"/>).</summary>
    internal static ZoneCsvResult Load(string name)
    {
        if (!Names.Contains(name)) throw new ArgumentException($"'{name}' is not a built-in world.", nameof(name));
        using var stream = typeof(BuiltInPlaces).Assembly.GetManifestResourceStream(FileName(name))
                           ?? throw new InvalidOperationException($"the built-in world {name} is not embedded in the program");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return ZoneCsv.Parse(lines, FileName(name));
    }

    /// <summary>The zones of built-in world <paramref name="name"/> as records (for tests and tools; scenarios use <c>"places"</c>).</summary>
    public static ImmutableArray<ZoneRecord> Zones(string name)
    {
        var loaded = Load(name);
        if (loaded.Problems.Count > 0) throw new InvalidOperationException($"the built-in world {name} is invalid: {loaded.Problems[0]}");
        return loaded.Zones;
    }
}
