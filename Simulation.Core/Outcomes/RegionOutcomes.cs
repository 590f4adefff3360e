using System.Collections.Immutable;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Outcomes;

/// <summary>
/// Outcomes of each region (mayoralty), for <c>summary.json</c>'s <c>by_region</c> block and <c>agents.csv</c>: its
/// start-year population, LE and HLE, and per variant its final LE and HLE, their change from the start year, the homes
/// built in it and the central money it received per resident; then what its agents did, each outcome tagged with its
/// agent (<see cref="AgentOf"/>): the mayoralty's mayors (elected, commitment, capacity, political capital, money
/// received and spent), its ICB (allocation, treatment costs, money pooled, savings landed and expected, partnership,
/// NHS care forgone), and its developers and lenders as groups (schemes, homes and expected profit; loans, finance
/// income and the patient fund's loans). LE and HLE of a region are the population-weighted means of its zones' (start-year residents as
/// weights), as published figures for a group of councils are compared (docs/places.md); the world's own LE and HLE pool
/// all zones into one life table.
/// </summary>
public static class RegionOutcomes
{
    /// <summary>Index of the final-year HLE (population-weighted over the region's zones), years.</summary>
    public const int HleYears = 0;
    /// <summary>Index of the final-year LE, years.</summary>
    public const int LeYears = 1;
    /// <summary>Index of the HLE change from the start year, years.</summary>
    public const int HleChangeYears = 2;
    /// <summary>Index of the LE change from the start year, years.</summary>
    public const int LeChangeYears = 3;
    /// <summary>Index of the homes completed in the region's zones over the horizon.</summary>
    public const int HomesBuilt = 4;
    /// <summary>Index of the money central government paid the region's mayor over the horizon, per start-year resident, £.</summary>
    public const int FundingPerHeadGbp = 5;
    /// <summary>Index of the mayors elected over the horizon (new mayors; the first is not counted).</summary>
    public const int MayorsElected = 6;
    /// <summary>Index of the mayor's mission commitment in the final year (0–1).</summary>
    public const int MayorCommitment = 7;
    /// <summary>Index of the mayoralty's delivery capacity in the final year (0–1).</summary>
    public const int MayorCapacity = 8;
    /// <summary>Index of the mayoralty's analytical capacity in the final year (0–1).</summary>
    public const int MayorAnalyticalCapacity = 9;
    /// <summary>Index of the mayor's political capital in the final year (0–1).</summary>
    public const int MayorPoliticalCapital = 10;
    /// <summary>Index of the central money the mayoralty received over the horizon, £.</summary>
    public const int MayorReceivedGbp = 11;
    /// <summary>Index of the mayoralty's programme spend over the horizon (its own money, pooled money and upkeep), £.</summary>
    public const int MayorSpentGbp = 12;
    /// <summary>Index of the ICB's allocation in the final year, £ a year.</summary>
    public const int IcbAllocationGbpPerYear = 13;
    /// <summary>Index of the NHS treatment cost of modelled disease and cold homes the ICB paid over the horizon, £ (undiscounted).</summary>
    public const int IcbTreatmentCostGbp = 14;
    /// <summary>Index of the ICB money the mayor spent over the horizon, £.</summary>
    public const int IcbPooledGbp = 15;
    /// <summary>Index of the NHS savings the ICB attributes to joint work, summed over the horizon, £.</summary>
    public const int IcbSavingsLandedGbp = 16;
    /// <summary>Index of the NHS savings per £ of joint money the ICB expects at the end.</summary>
    public const int IcbExpectedSavingsPerGbp = 17;
    /// <summary>Index of the mayor–ICB partnership in the final year (0–1).</summary>
    public const int IcbPartnership = 18;
    /// <summary>Index of the QALYs the NHS care given up for pooled money would have bought, discounted 1.5%.</summary>
    public const int IcbCareQalysForgone = 19;
    /// <summary>Index of the schemes the region's developers started over the horizon.</summary>
    public const int DevelopersSchemesStarted = 20;
    /// <summary>Index of the homes in the schemes the region's developers started over the horizon.</summary>
    public const int DevelopersHomesStarted = 21;
    /// <summary>Index of the region's developers' expected profit on the schemes they started, £.</summary>
    public const int DevelopersProfitGbp = 22;
    /// <summary>Index of the private development loans made in the region over the horizon, £.</summary>
    public const int LendersLentGbp = 23;
    /// <summary>Index of the private lenders' finance income on those loans, £.</summary>
    public const int LendersFinanceIncomeGbp = 24;
    /// <summary>Index of the patient public fund's loans in the region over the horizon, £.</summary>
    public const int LendersPatientLentGbp = 25;
    /// <summary>Index of the profit the region's developers made on the schemes they completed (at the prices then), £.</summary>
    public const int DevelopersRealisedProfitGbp = 26;
    /// <summary>Index of the region's developer firms that failed over the horizon.</summary>
    public const int DevelopersFailures = 27;
    /// <summary>Index of the region's developers' equity at the end (free and in schemes under way, trading firms), £.</summary>
    public const int DevelopersEquityGbp = 28;
    /// <summary>Index of the years the region's lenders stayed out of it, summed over its lenders.</summary>
    public const int LendersYearsWithdrawn = 29;
    /// <summary>Index of the private lenders' losses on loans to developers that failed, £.</summary>
    public const int LendersLossesGbp = 30;
    /// <summary>Index of the patient public fund's losses on loans to developers that failed, £.</summary>
    public const int LendersPatientLossesGbp = 31;
    /// <summary>Number of outcomes per region.</summary>
    public const int Count = 32;

    /// <summary>Names of the outcomes, in index order (snake_case, unit in the name).</summary>
    public static readonly ImmutableArray<string> Names =
    [
        "hle_years", "le_years", "hle_change_years", "le_change_years", "homes_built", "funding_per_head_gbp",
        "mayors_elected", "mayor_commitment", "mayor_capacity", "mayor_analytical_capacity", "mayor_political_capital",
        "mayor_received_gbp", "mayor_spent_gbp",
        "icb_allocation_gbp_per_year", "icb_treatment_cost_gbp", "icb_pooled_gbp", "icb_savings_landed_gbp",
        "icb_expected_savings_per_gbp", "icb_partnership", "icb_care_qalys_forgone",
        "developers_schemes_started", "developers_homes_started", "developers_profit_gbp",
        "lenders_lent_gbp", "lenders_finance_income_gbp", "lenders_patient_lent_gbp",
        "developers_realised_profit_gbp", "developers_failures", "developers_equity_gbp",
        "lenders_years_withdrawn", "lenders_losses_gbp", "lenders_patient_losses_gbp",
    ];

    /// <summary>Units of the outcomes, in index order.</summary>
    public static readonly ImmutableArray<string> Units =
    [
        "years", "years", "years", "years", "homes", "£ per resident",
        "mayors", "0–1", "0–1", "0–1", "0–1", "£", "£",
        "£ per year", "£", "£", "£", "£ per £", "0–1", "QALYs",
        "schemes", "homes", "£", "£", "£", "£",
        "£", "firms", "£",
        "lender-years", "£", "£",
    ];

    /// <summary>What each outcome means, in index order.</summary>
    public static readonly ImmutableArray<string> Descriptions =
    [
        "Final-year healthy life expectancy, population-weighted over the region's zones",
        "Final-year life expectancy, population-weighted over the region's zones",
        "Final-year minus start-year HLE, population-weighted over the region's zones",
        "Final-year minus start-year LE, population-weighted over the region's zones",
        "Homes completed in the region over the horizon",
        "Central money paid to the mayoralty over the horizon per start-year resident",
        "New mayors elected over the horizon (the first mayor is not counted)",
        "The mayor's mission commitment in the final year",
        "The mayoralty's delivery capacity in the final year",
        "The mayoralty's analytical capacity in the final year",
        "The mayor's political capital in the final year",
        "Central money the mayoralty received over the horizon",
        "The mayoralty's programme spend over the horizon (its own money, pooled ICB money and upkeep)",
        "The ICB's allocation in the final year",
        "NHS treatment cost of modelled disease and cold homes the ICB paid over the horizon, undiscounted",
        "ICB money the mayor spent over the horizon",
        "NHS savings the ICB attributed to joint work, summed over the horizon",
        "NHS savings per £ of joint money the ICB expected at the end (it starts at its prior and learns from what lands)",
        "The mayor–ICB partnership in the final year",
        "QALYs the NHS care given up for pooled money would have bought, discounted 1.5%",
        "Schemes the region's developers started over the horizon",
        "Homes in the schemes the region's developers started over the horizon",
        "The region's developers' expected profit on the schemes they started (profit share of GDV at the prices when they started)",
        "Private development loans made in the region over the horizon",
        "Private lenders' finance income on the loans made in the region",
        "The patient public fund's loans in the region over the horizon",
        "Profit the region's developers made on the schemes whose homes they sold, at the prices when they sold, less their overheads and the equity failed firms lost (losses count)",
        "The region's developer firms that failed over the horizon (they could not pay their overheads and interest)",
        "The region's trading developers' equity at the end, free and in schemes under way or homes not yet sold",
        "Years the region's lenders stayed out of it because it looked riskier than they tolerate, summed over its lenders",
        "Private lenders' losses on loans to developers that failed (what receivers' forced sales did not repay)",
        "The patient public fund's losses on loans to developers that failed",
    ];

    /// <summary>
    /// The agent each outcome describes, in index order: <c>region</c> (the place), <c>mayor</c>, <c>icb</c>, or the
    /// region's <c>developers</c> and <c>lenders</c> as groups (they are not yet firms of their own).
    /// </summary>
    public static readonly ImmutableArray<string> AgentOf =
    [
        "region", "region", "region", "region", "region", "region",
        "mayor", "mayor", "mayor", "mayor", "mayor", "mayor", "mayor",
        "icb", "icb", "icb", "icb", "icb", "icb", "icb",
        "developers", "developers", "developers", "lenders", "lenders", "lenders",
        "developers", "developers", "developers",
        "lenders", "lenders", "lenders",
    ];

    /// <summary>The kinds of agent in <see cref="AgentOf"/>, in the order tables list them.</summary>
    public static readonly ImmutableArray<string> AgentTypes = ["mayor", "icb", "developers", "lenders"];

    /// <summary>An agent's name in tables: its region and its kind ("Greater Manchester ICB", "North developers").</summary>
    public static string AgentName(string agentType, string region) => $"{region} {(agentType == "icb" ? "ICB" : agentType)}";

    /// <summary>Index of the start-year residents in the region baseline.</summary>
    public const int BaselinePopulation = 0;
    /// <summary>Index of the start-year LE in the region baseline, years.</summary>
    public const int BaselineLeYears = 1;
    /// <summary>Index of the start-year HLE in the region baseline, years.</summary>
    public const int BaselineHleYears = 2;
    /// <summary>Values in a region's baseline.</summary>
    public const int BaselineCount = 3;

    /// <summary>Names of the region baseline's values, in index order.</summary>
    public static readonly ImmutableArray<string> BaselineNames = ["population", "le_years", "hle_years"];

    /// <summary>Start-year population, LE and HLE of each region, from the zones' start-year values in <paramref name="result"/>.</summary>
    internal static void MeasureBaseline(WorldState start, ReplicationResult result)
    {
        if (result.Regions != start.RegionCount || result.Zones != start.ZoneCount) return;
        for (int r = 0; r < start.RegionCount; r++)
        {
            double people = 0, le = 0, hle = 0;
            foreach (int z in start.Regions.ZonesOf(r))
            {
                double w = start.Health.ZonePopulation(z);
                people += w;
                hle += w * result.ZoneBaseline[z * 2];
                le += w * result.ZoneBaseline[z * 2 + 1];
            }
            var row = result.RegionBaseline.AsSpan(r * BaselineCount, BaselineCount);
            row[BaselinePopulation] = people;
            row[BaselineLeYears] = people > 0 ? le / people : double.NaN;
            row[BaselineHleYears] = people > 0 ? hle / people : double.NaN;
        }
    }

    /// <summary>
    /// Variant <paramref name="variant"/>'s outcomes of each region: <paramref name="zoneFinal"/> holds each zone's final HLE
    /// and LE [zone * 2 + (0 HLE, 1 LE)]; the mayors and ICBs are as the variant left them.
    /// </summary>
    internal static void Measure(WorldState start, WorldState end, ReadOnlySpan<double> zoneFinal, in AgentStates agents, ReplicationResult result, int variant)
    {
        if (result.Regions != start.RegionCount || result.Zones != start.ZoneCount) return;
        int programmes = result.Catalogue.Programmes.Count;
        for (int r = 0; r < start.RegionCount; r++)
        {
            double people = 0, le = 0, hle = 0, leStart = 0, hleStart = 0, homes = 0;
            foreach (int z in start.Regions.ZonesOf(r))
            {
                double w = start.Health.ZonePopulation(z);
                people += w;
                hle += w * zoneFinal[z * 2];
                le += w * zoneFinal[z * 2 + 1];
                hleStart += w * result.ZoneBaseline[z * 2];
                leStart += w * result.ZoneBaseline[z * 2 + 1];
                homes += end.Homes.Dwellings[z] - start.Homes.Dwellings[z];
            }
            var row = result.RegionOutcomesOf(variant, r);
            row[HleYears] = hle / people;
            row[LeYears] = le / people;
            row[HleChangeYears] = (hle - hleStart) / people;
            row[LeChangeYears] = (le - leStart) / people;
            row[HomesBuilt] = homes;
            row[FundingPerHeadGbp] = agents.Mayors.ReceivedTotalGbp[r] / people;
            MeasureAgents(row, r, agents, result.RegionProgrammeSpendGbp.AsSpan((variant * result.Regions + r) * programmes, programmes));
        }
    }

    /// <summary>
    /// The agent outcomes of region <paramref name="region"/> (its mayors' and ICB's state now and totals so far) into
    /// <paramref name="row"/>; <paramref name="spendByProgrammeGbp"/> is the region's programme spend so far.
    /// </summary>
    internal static void MeasureAgents(Span<double> row, int region, in AgentStates agents, ReadOnlySpan<double> spendByProgrammeGbp)
    {
        int r = region;
        var (mayors, icbs, developers, firms, finance) = agents;
        row[MayorsElected] = mayors.MayorsElected[r];
        row[MayorCommitment] = mayors.Commitment[r];
        row[MayorCapacity] = mayors.Capacity[r];
        row[MayorAnalyticalCapacity] = mayors.AnalyticalCapacity[r];
        row[MayorPoliticalCapital] = mayors.PoliticalCapital[r];
        row[MayorReceivedGbp] = mayors.ReceivedTotalGbp[r];
        double spent = 0;
        foreach (double gbp in spendByProgrammeGbp) spent += gbp;
        row[MayorSpentGbp] = spent;
        row[IcbAllocationGbpPerYear] = icbs.AllocationGbpPerYear[r];
        row[IcbTreatmentCostGbp] = icbs.TreatmentCostTotalGbp[r];
        row[IcbPooledGbp] = icbs.PooledUsedGbp[r];
        row[IcbSavingsLandedGbp] = icbs.SavingsLandedGbp[r];
        row[IcbExpectedSavingsPerGbp] = icbs.ExpectedSavingsPerGbp[r];
        row[IcbPartnership] = icbs.Partnership[r];
        row[IcbCareQalysForgone] = icbs.CareQalysForgone[r];
        row[DevelopersSchemesStarted] = developers.SchemesStarted[r];
        row[DevelopersHomesStarted] = developers.HomesStarted[r];
        row[DevelopersProfitGbp] = developers.ExpectedProfitGbp[r];
        row[LendersLentGbp] = finance.LentGbp[r];
        row[LendersFinanceIncomeGbp] = finance.FinanceIncomeGbp[r];
        row[LendersPatientLentGbp] = finance.PatientLentGbp[r];
        row[DevelopersRealisedProfitGbp] = developers.RealisedProfitGbp[r];
        row[DevelopersFailures] = developers.Failures[r];
        double equity = 0;
        for (int f = r * firms.PerRegion; f < (r + 1) * firms.PerRegion; f++)
            if (firms.Alive[f]) equity += firms.EquityGbp[f] + firms.TiedGbp[f];
        row[DevelopersEquityGbp] = equity;
        double withdrawn = 0;
        for (int l = r * finance.LendersPerRegion; l < (r + 1) * finance.LendersPerRegion; l++) withdrawn += finance.LenderYearsWithdrawn[l];
        row[LendersYearsWithdrawn] = withdrawn;
        row[LendersLossesGbp] = finance.LoanLossesGbp[r];
        row[LendersPatientLossesGbp] = finance.PatientLossesGbp[r];
    }
}

/// <summary>The agents' state a region's agent outcomes are read from.</summary>
internal readonly record struct AgentStates(Mayors.MayorState Mayors, Icbs.IcbState Icbs, Development.DevelopersState Developers,
    Development.DeveloperFirmState Firms, Investors.FinanceState Finance);
