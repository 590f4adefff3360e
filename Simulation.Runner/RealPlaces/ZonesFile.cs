using System.Globalization;
using UrbanSim.Core.World;

namespace UrbanSim.Runner.RealPlaces;

/// <summary>
/// Writes built zones as a zones CSV file the scenario loader reads (<c>"world": {"zones_csv": …}</c>), its sources in
/// '#' comment lines at the top. Numbers are written to a fixed number of decimals, so the same data always gives the
/// same bytes; <see cref="Rounded"/> is a zone as the file holds it.
/// </summary>
internal static class ZonesFile
{
    private static readonly string[] AgeColumns = [.. Enumerable.Range(0, AgeBands.Count).Select(Core.World.Places.AgeBandColumn)];

    /// <summary>The header, in the order columns are written.</summary>
    public static readonly string[] Columns =
    [
        "zone_id", "zone_name", "region", "region_capacity", "local_authority_code", "local_authority_name", "icb_code", "icb_name",
        "deprivation_decile", "population", .. AgeColumns,
        "walking_minutes_per_week", "cycling_minutes_per_week", "pm25_micrograms_per_m3", "green_space_ndvi", "cold_home_share",
        "house_price_gbp_per_m2", "site_capacity_homes", "remediation_cost_gbp_per_home", "mortality_ratio", "ill_health_odds_ratio",
    ];

    /// <summary>The zone with every number as the file writes it (read back, they are these values exactly).</summary>
    public static ZoneRecord Rounded(ZoneRecord z) => z with
    {
        Population = R(z.Population, 0), PeopleByAgeBand = [.. z.PeopleByAgeBand.Select(x => R(x, 1))],
        WalkingMinutesPerWeek = R(z.WalkingMinutesPerWeek, 2), CyclingMinutesPerWeek = R(z.CyclingMinutesPerWeek, 3),
        Pm25MicrogramsPerM3 = R(z.Pm25MicrogramsPerM3, 3), GreenSpaceNdvi = R(z.GreenSpaceNdvi, 4), ColdHomeShare = R(z.ColdHomeShare, 5),
        HousePriceGbpPerM2 = R(z.HousePriceGbpPerM2, 0), SiteCapacityHomes = R(z.SiteCapacityHomes, 0),
        RemediationCostGbpPerHome = R(z.RemediationCostGbpPerHome, 0),
        MortalityRatio = z.MortalityRatio is double m ? R(m, 6) : null, IllHealthOddsRatio = z.IllHealthOddsRatio is double h ? R(h, 6) : null,
    };

    private static double R(double value, int decimals) => double.Parse(F(value, decimals), CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="comments"/> as '#' lines, the header and one row per zone (rounded as <see cref="Rounded"/>).</summary>
    public static void Write(TextWriter w, IEnumerable<string> comments, IEnumerable<ZoneRecord> zones)
    {
        foreach (string comment in comments) w.WriteLine("# " + comment);
        w.WriteLine(string.Join(',', Columns));
        foreach (var z in zones)
        {
            w.WriteLine(string.Join(',', [
                Text(z.ZoneId), Text(z.ZoneName), Text(z.Region), z.RegionCapacity.ToString().ToLowerInvariant(),
                Text(z.LocalAuthorityCode), Text(z.LocalAuthorityName), Text(z.IcbCode), Text(z.IcbName),
                z.DeprivationDecile.ToString(CultureInfo.InvariantCulture), F(z.Population, 0), .. z.PeopleByAgeBand.Select(x => F(x, 1)),
                F(z.WalkingMinutesPerWeek, 2), F(z.CyclingMinutesPerWeek, 3), F(z.Pm25MicrogramsPerM3, 3), F(z.GreenSpaceNdvi, 4), F(z.ColdHomeShare, 5),
                F(z.HousePriceGbpPerM2, 0), F(z.SiteCapacityHomes, 0), F(z.RemediationCostGbpPerHome, 0),
                z.MortalityRatio is double m ? F(m, 6) : "", z.IllHealthOddsRatio is double h ? F(h, 6) : "",
            ]));
        }
    }

    private static string Text(string? value) =>
        value is null ? "" : value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
