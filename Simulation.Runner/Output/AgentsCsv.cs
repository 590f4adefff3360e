using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>
/// agents.csv: what each agent did. Tidy, one row per variant, agent and quantity: the agent's type (<c>mayor</c>,
/// <c>icb</c>, each region's <c>developers</c> and <c>lenders</c> as groups, and each <c>developer_firm</c>), the agent (named by its mayoralty), its region, the quantity (its state at the end or its total over
/// the horizon, <see cref="RegionOutcomes"/>), and the mean, 5th and 95th percentiles over replications. Places'
/// own outcomes (HLE, homes) are in <c>summary.json</c>'s <c>by_region</c> block.
/// </summary>
internal static class AgentsCsv
{
    public const string Header = "variant,agent_type,agent,region,quantity,mean,p5,p95";

    public static void Write(TextWriter w, Scenario scenario, BatchAccumulator batch)
    {
        w.WriteLine(Header);
        if (batch.Layout.Regions == 0) return;
        var regions = Core.World.Places.Regions(Core.World.Places.Describe(scenario));
        for (int v = 0; v < batch.Layout.Variants; v++)
        {
            string variant = Csv.Text(scenario.Variants[v].Name);
            foreach (string agentType in RegionOutcomes.AgentTypes)
                for (int r = 0; r < regions.Length; r++)
                {
                    string agent = Csv.Text(RegionOutcomes.AgentName(agentType, regions[r].Name));
                    for (int o = 0; o < RegionOutcomes.Count; o++)
                    {
                        if (RegionOutcomes.AgentOf[o] != agentType) continue;
                        var s = batch.RegionOutcome[v][r][o].Summary();
                        w.WriteLine(string.Join(',', variant, agentType, agent, Csv.Text(regions[r].Name), RegionOutcomes.Names[o],
                            Csv.Number(s.Mean), Csv.Number(s.P5), Csv.Number(s.P95)));
                    }
                }
            var d = scenario.Parameters.Development;
            int perRegion = FirmOutcomes.PerRegion(d);
            for (int f = 0; f < batch.Layout.Firms; f++)
            {
                string region = regions[f / perRegion].Name;
                for (int k = 0; k < FirmOutcomes.Kept.Length; k++)
                {
                    var s = batch.FirmOutcome[v][f][k].Summary();
                    w.WriteLine(string.Join(',', variant, "developer_firm", Csv.Text(FirmOutcomes.Name(d, f % perRegion, region)), Csv.Text(region),
                        FirmOutcomes.Names[FirmOutcomes.Kept[k]], Csv.Number(s.Mean), Csv.Number(s.P5), Csv.Number(s.P95)));
                }
            }
        }
    }
}
