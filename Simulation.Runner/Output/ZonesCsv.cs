using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>
/// zones.csv: per variant and zone, the zone's region, capacity class, deprivation decile and start-year
/// population, and the means over replications of its start-year and final-year HLE and LE and their change; then the
/// zone's name, council and ICB when the zones file gives them (real places keep their ONS codes and names).
/// Zones are the same places in every replication (they depend on the seed only), so the means are of one place.
/// </summary>
internal static class ZonesCsv
{
    public const string Header =
        "variant,zone,region,capacity,deprivation_decile,population,hle_start_years,hle_final_years,hle_change_years,le_start_years,le_final_years,le_change_years,zone_name,local_authority,icb";

    public static void Write(TextWriter w, Scenario scenario, BatchAccumulator batch)
    {
        var places = Places.Describe(scenario);
        var zones = batch.Zones;
        w.WriteLine(Header);
        for (int v = 0; v < zones.Variants; v++)
            for (int z = 0; z < zones.Zones; z++)
            {
                double hleFinal = zones.Mean(v, z, 0), leFinal = zones.Mean(v, z, 1);
                double hleStart = zones.Mean(v, z, 2), leStart = zones.Mean(v, z, 3);
                var place = places[z];
                w.WriteLine(string.Join(',',
                    Csv.Text(scenario.Variants[v].Name), Csv.Text(place.ZoneId), Csv.Text(place.Region),
                    place.Capacity.ToString().ToLowerInvariant(),
                    place.DeprivationDecile.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Csv.Number(Math.Round(place.Population)),
                    Csv.Number(hleStart), Csv.Number(hleFinal), Csv.Number(hleFinal - hleStart),
                    Csv.Number(leStart), Csv.Number(leFinal), Csv.Number(leFinal - leStart),
                    Csv.Text(place.ZoneName ?? ""), Csv.Text(place.LocalAuthorityName ?? ""), Csv.Text(place.IcbName ?? "")));
            }
    }
}
