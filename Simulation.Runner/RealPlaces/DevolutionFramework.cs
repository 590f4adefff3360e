using UrbanSim.Core.World;

namespace UrbanSim.Runner.RealPlaces;

/// <summary>A strategic authority as the importer treats it: ONS code and name, capacity class, and whether it has an elected mayor.</summary>
internal sealed record Authority(string Code, string Name, CapacityClass Capacity, bool Mayoral, string Reason);

/// <summary>
/// The capacity class of each combined authority and of the Greater London Authority, following the devolution
/// framework of the English Devolution White Paper (MHCLG, 16 December 2024): <b>established</b> is an Established
/// Mayoral Strategic Authority, eligible for an integrated settlement (the six the White Paper names) and London;
/// <b>developing</b> a mayoralty with a mayor since 2017 that is not yet established; <b>new</b> a mayoralty whose first
/// mayor was elected in 2024 or 2025. docs/places.md gives the reasoning. Authorities without a mayor (Devon and Torbay,
/// Lancashire) are built only when asked for, as <b>new</b>.
/// </summary>
internal static class DevolutionFramework
{
    /// <summary>ONS code of the Greater London Authority (not in the combined-authority lookup: London is not a combined authority).</summary>
    public const string GreaterLondonCode = "E61000001";
    public const string GreaterLondonName = "Greater London Authority";
    /// <summary>The ONS region whose boroughs form the Greater London Authority.</summary>
    public const string LondonRegion = "London";

    private static readonly Dictionary<string, (CapacityClass Capacity, bool Mayoral, string Reason)> Classes = new(StringComparer.Ordinal)
    {
        ["E47000001"] = (CapacityClass.Established, true, "Established Mayoral Strategic Authority (White Paper 2024); integrated settlement from 2025/26; mayor since 2017"),
        ["E47000002"] = (CapacityClass.Established, true, "Established Mayoral Strategic Authority (White Paper 2024); mayor since 2018"),
        ["E47000003"] = (CapacityClass.Established, true, "Established Mayoral Strategic Authority (White Paper 2024); mayor since 2021"),
        ["E47000004"] = (CapacityClass.Established, true, "Established Mayoral Strategic Authority (White Paper 2024); mayor since 2017"),
        ["E47000006"] = (CapacityClass.Developing, true, "mayor since 2017; not named an Established Mayoral Strategic Authority in 2024"),
        ["E47000007"] = (CapacityClass.Established, true, "Established Mayoral Strategic Authority (White Paper 2024); integrated settlement from 2025/26; mayor since 2017"),
        ["E47000008"] = (CapacityClass.Developing, true, "mayor since 2017; not named an Established Mayoral Strategic Authority in 2024"),
        ["E47000009"] = (CapacityClass.Developing, true, "mayor since 2017; not named an Established Mayoral Strategic Authority in 2024"),
        ["E47000012"] = (CapacityClass.New, true, "first mayor elected May 2024"),
        ["E47000013"] = (CapacityClass.New, true, "first mayor elected May 2024"),
        ["E47000014"] = (CapacityClass.Established, true, "Established Mayoral Strategic Authority (White Paper 2024); North of Tyne mayor since 2019, the North East's since May 2024"),
        ["E47000015"] = (CapacityClass.New, false, "combined county authority without a mayor (2025)"),
        ["E47000016"] = (CapacityClass.New, true, "first mayor elected May 2025"),
        ["E47000017"] = (CapacityClass.New, true, "first mayor elected May 2025"),
        ["E47000018"] = (CapacityClass.New, false, "combined county authority without a mayor (2025)"),
        [GreaterLondonCode] = (CapacityClass.Established, true, "elected mayor since 2000, with its own funding settlement"),
    };

    /// <summary>The authority of ONS code <paramref name="code"/>, or null when the framework does not know it.</summary>
    public static Authority? Of(string code, string name) =>
        Classes.TryGetValue(code, out var c) ? new Authority(code, name, c.Capacity, c.Mayoral, c.Reason) : null;

    /// <summary>The councils of an ONS region outside every combined authority, named and coded as the region (only in an England-wide build).</summary>
    public static Authority OutsideAuthorities(string regionCode, string regionName) =>
        new(regionCode, regionName, CapacityClass.New, false, "no combined authority: the councils of the ONS region outside them");
}
