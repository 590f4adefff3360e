namespace UrbanSim.Core.Scenarios;

/// <summary>
/// Every parameter of the model that is not a policy lever. Defaults are England-calibrated;
/// each is listed with its source or, where no published figure exists, marked as an assumption
/// in docs/model.md. Scenarios override any of them, or make them uncertain.
/// </summary>
public sealed record ModelParameters
{
    /// <summary>Rules of the funding settlements.</summary>
    public FundingParameters Funding { get; init; } = new();
    /// <summary>Developers, investors and the housing market.</summary>
    public DevelopmentParameters Development { get; init; } = new();
    /// <summary>What mayoral programmes cost and do.</summary>
    public ProgrammeParameters Programmes { get; init; } = new();
    /// <summary>Mayors, capacity and elections.</summary>
    public PoliticsParameters Politics { get; init; } = new();
    /// <summary>Integrated Care Boards.</summary>
    public IcbParameters Icb { get; init; } = new();
    /// <summary>Recessions, funding cuts and health shocks.</summary>
    public ShockParameters Shocks { get; init; } = new();
    /// <summary>Exposure–response, disease, valuation and demography.</summary>
    public HealthParameters Health { get; init; } = new();
}

/// <summary>Rules of the funding settlements.</summary>
public sealed record FundingParameters
{
    /// <summary>Cost of preparing one competitive bid, £ (Localis: £20k–£30k).</summary>
    [AllowedRange(0, 1e7), Meaning("Cost of preparing one competitive bid, £ (Localis: £20k–£30k)")]
    public double BidCostGbp { get; init; } = 25_000;

    /// <summary>Bids a region submits per theme per year (LUF: about one per council per round; docs/model.md §8.2).</summary>
    [AllowedRange(0, 50), Meaning("Bids a region submits per theme per year of competitive rounds")]
    public int BidsPerThemePerYear { get; init; } = 5;

    /// <summary>Shortest life of a tied pot before its first deadline, years.</summary>
    [AllowedRange(1, 10), Meaning("Shortest life of a tied pot before its first deadline, years")]
    public int TiedPotMinYears { get; init; } = 1;

    /// <summary>Longest life of a tied pot, years.</summary>
    [AllowedRange(1, 10), Meaning("Longest life of a tied pot, years")]
    public int TiedPotMaxYears { get; init; } = 3;

    /// <summary>Extensions a tied vintage's deadline can get, a year each, before what is left is forfeited (PAC 2024: 60 of 71 LUF round 1 projects extended).</summary>
    [AllowedRange(0, 5), Meaning("Extensions a tied vintage's deadline can get, a year each, before what is left is forfeited (PAC 2024: 60 of 71 LUF round 1 projects extended)")]
    public int TiedExtensionYears { get; init; } = 3;

    /// <summary>Share of a tied vintage's balance forfeited at each deadline it misses (no published clawback share: wide in scenarios).</summary>
    [AllowedRange(0, 1), Meaning("Share of a tied vintage's balance forfeited at each deadline it misses (no published clawback share: wide in scenarios)")]
    public double TiedForfeitShare { get; init; } = 0.02;

    /// <summary>Share of a settlement for skills, employment support and bus operations: spent on those, buying no modelled health.</summary>
    [AllowedRange(0, 1), Meaning("Share of a settlement for skills, employment support and bus operations: spent on those, buying no modelled health")]
    public double NonHealthShare { get; init; } = 0.35;

    /// <summary>Single pot outcomes framework: share of the period's money a mayoralty must deliver (spend) to meet it.</summary>
    [AllowedRange(0, 1), Meaning("Single pot outcomes framework: share of the period's money a mayoralty must deliver (spend) to meet it")]
    public double OutcomesFrameworkMinimumDelivery { get; init; } = 0.7;

    /// <summary>Single pot outcomes framework: share of the flexibility withdrawn for the next period when a mayoralty misses it.</summary>
    [AllowedRange(0, 1), Meaning("Single pot outcomes framework: share of the flexibility withdrawn for the next period when a mayoralty misses it")]
    public double OutcomesFrameworkFlexibilityLoss { get; init; } = 0.5;

    /// <summary>Share of a tied pot's balance a region can spend in a year (spending lag).</summary>
    [AllowedRange(0, 1), Meaning("Share of a tied pot's balance a region can spend in a year (spending lag)")]
    public double TiedSpendRatePerYear { get; init; } = 0.6;

    /// <summary>Share of a single pot's balance a region can spend in a year.</summary>
    [AllowedRange(0, 1), Meaning("Share of a single pot's balance a region can spend in a year")]
    public double SinglePotSpendRatePerYear { get; init; } = 0.85;

    /// <summary>Length of a single pot settlement, years (2026/27–2029/30: 4).</summary>
    [AllowedRange(1, 10), Meaning("Length of a single pot settlement, years (2026/27–2029/30: 4)")]
    public int SinglePotYears { get; init; } = 4;

    /// <summary>Share of the theme budgets by theme: transport.</summary>
    [AllowedRange(0, 1), Meaning("Share of the theme budgets by theme: transport")]
    public double TransportShare { get; init; } = 0.45;

    /// <summary>Share of the theme budgets by theme: housing.</summary>
    [AllowedRange(0, 1), Meaning("Share of the theme budgets by theme: housing")]
    public double HousingShare { get; init; } = 0.25;

    /// <summary>Share of the theme budgets by theme: regeneration.</summary>
    [AllowedRange(0, 1), Meaning("Share of the theme budgets by theme: regeneration")]
    public double RegenerationShare { get; init; } = 0.2;

    /// <summary>Share of the theme budgets by theme: public health.</summary>
    [AllowedRange(0, 1), Meaning("Share of the theme budgets by theme: public health")]
    public double PublicHealthShare { get; init; } = 0.1;
}

/// <summary>Residual land value pro forma, finance and planning.</summary>
public sealed record DevelopmentParameters
{
    /// <summary>Build cost, £ per m² (BCIS-like; trade estimates £1,200–£1,500).</summary>
    [AllowedRange(100, 10_000), Meaning("Build cost, £ per m² (BCIS-like; trade estimates £1,200–£1,500)")]
    public double BuildCostGbpPerM2 { get; init; } = 1_350;

    /// <summary>Floor area of a new home, m².</summary>
    [AllowedRange(20, 500), Meaning("Floor area of a new home, m²")]
    public double HomeSizeM2 { get; init; } = 85;

    /// <summary>Extra build cost of the healthy design (green, walkable, active design), share of build cost.</summary>
    [AllowedRange(0, 1), Meaning("Extra build cost of the healthy design (green, walkable, active design), share of build cost")]
    public double HealthyDesignCostUplift { get; init; } = 0.04;

    /// <summary>Sales price premium of the healthy design, share of GDV.</summary>
    [AllowedRange(0, 1), Meaning("Sales price premium of the healthy design, share of GDV")]
    public double HealthyDesignPriceUplift { get; init; } = 0.02;

    /// <summary>Developer's profit, share of GDV (PPG viability: 15–20%).</summary>
    [AllowedRange(0, 1), Meaning("Developer's profit, share of GDV (PPG viability: 15–20%)")]
    public double DeveloperProfitShareOfGdv { get; init; } = 0.175;

    /// <summary>Planning obligations (s106, CIL), share of residual land value (20–30%).</summary>
    [AllowedRange(0, 1), Meaning("Planning obligations (s106, CIL), share of residual land value (20–30%)")]
    public double PlanningObligationShareOfLandValue { get; init; } = 0.25;

    /// <summary>Share of scheme cost financed by investors' loans (UrbanSim pro forma: 70%).</summary>
    [AllowedRange(0, 1), Meaning("Share of scheme cost financed by investors' loans (UrbanSim pro forma: 70%)")]
    public double LoanToCost { get; init; } = 0.7;

    /// <summary>Years from start to completion of a scheme.</summary>
    [AllowedRange(1, 10), Meaning("Years from start to completion of a scheme")]
    public int BuildYears { get; init; } = 2;

    /// <summary>Investors' base required return per year (equity hurdle 8–12%).</summary>
    [AllowedRange(0, 1), Meaning("Investors' base required return per year (equity hurdle 8–12%)")]
    public double BaseRequiredReturnPerYear { get; init; } = 0.10;

    /// <summary>Extra required return per year at full perceived risk (a lender's view of the place from its track record).</summary>
    [AllowedRange(0, 1), Meaning("Extra required return per year at full perceived risk")]
    public double UncertaintyPremiumPerYear { get; init; } = 0.02;

    /// <summary>Extra required return per year during a recession.</summary>
    [AllowedRange(0, 1), Meaning("Extra required return per year during a recession")]
    public double RecessionPremiumPerYear { get; init; } = 0.03;

    /// <summary>Return the patient public fund accepts on healthy schemes, per year.</summary>
    [AllowedRange(0, 1), Meaning("Return the patient public fund accepts on healthy schemes, per year")]
    public double PatientFundReturnPerYear { get; init; } = 0.04;

    /// <summary>Share of planning applications granted (about 88%).</summary>
    [AllowedRange(0, 1), Meaning("Share of planning applications granted (about 88%)")]
    public double PlanningApprovalRate { get; init; } = 0.88;

    /// <summary>Private development lending available per resident per year, £ (up to about 4 homes per 1,000 residents, England's rate: 234,400 net additions in 2022–23, MHCLG).</summary>
    [AllowedRange(0, 1e5), Meaning("Private development lending available per resident per year, £ (up to about 4 homes per 1,000 residents, England's rate: 234,400 net additions in 2022–23, MHCLG)")]
    public double PrivateLendingGbpPerHeadPerYear { get; init; } = 350;

    /// <summary>Volume housebuilders in each region (the eight largest builders build over half of England's new homes: House of Lords 2016).</summary>
    [AllowedRange(1, 50), Meaning("Volume housebuilders in each region")]
    public int VolumeBuildersPerRegion { get; init; } = 3;

    /// <summary>Small and medium builders in each region (SMEs built about 10% of new homes in 2020, 39% in 1988: House of Lords 2022).</summary>
    [AllowedRange(1, 50), Meaning("Small and medium builders in each region")]
    public int SmeBuildersPerRegion { get; init; } = 6;

    /// <summary>Regeneration specialists in each region.</summary>
    [AllowedRange(1, 50), Meaning("Regeneration specialists in each region")]
    public int RegenerationSpecialistsPerRegion { get; init; } = 1;

    /// <summary>
    /// Required margin of an SME relative to the standard share of GDV (PPG viability: 15–20% of GDV for every kind; small
    /// builders pay more for finance and spread overheads over fewer homes, and some work on finer margins).
    /// </summary>
    [AllowedRange(0.5, 2), Meaning("An SME's required margin relative to the standard share of GDV")]
    public double SmeMarginMultiplier { get; init; } = 1.1;

    /// <summary>Required margin of a regeneration specialist relative to the standard share of GDV (partnership schemes with public land accept less).</summary>
    [AllowedRange(0.5, 2), Meaning("A regeneration specialist's required margin relative to the standard share of GDV")]
    public double RegenerationMarginMultiplier { get; init; } = 0.85;

    /// <summary>Share of a region's sites held for SMEs (the rest for volume builders and regeneration specialists).</summary>
    [AllowedRange(0, 1), Meaning("Share of sites held for SMEs")]
    public double SmeSiteShare { get; init; } = 0.45;

    /// <summary>Share of a region's sites held for regeneration specialists.</summary>
    [AllowedRange(0, 1), Meaning("Share of sites held for regeneration specialists")]
    public double RegenerationSiteShare { get; init; } = 0.1;

    /// <summary>
    /// Homes on a site held for an SME relative to any other site of its zone: SMEs build small sites (Homes England's small
    /// sites category: 20–70 homes, "a site size SMEs typically deliver"), so a zone's land is shared between its sites by
    /// this weight, its total unchanged.
    /// </summary>
    [AllowedRange(0.01, 1), Meaning("Homes on an SME's site relative to another site of its zone (SMEs build small sites)")]
    public double SmeSiteSizeRatio { get; init; } = 0.2;

    /// <summary>Developers' equity for development at the start, £ per resident of the region (all firms together).</summary>
    [AllowedRange(0, 1e5), Meaning("Developers' equity for development at the start, £ per resident of the region (all firms together)")]
    public double DeveloperEquityGbpPerHead { get; init; } = 400;

    /// <summary>Share of the developers' starting equity held by SMEs (the rest: volume builders, and a tenth to regeneration specialists).</summary>
    [AllowedRange(0, 0.9), Meaning("Share of the developers' starting equity held by SMEs")]
    public double SmeEquityShare { get; init; } = 0.12;

    /// <summary>Share of the gap between this year's prices and what a developer expects that it closes in a year (adaptive expectations).</summary>
    [AllowedRange(0, 1), Meaning("Share of the gap between this year's prices and a developer's expectation closed in a year")]
    public double DeveloperPriceLearningPerYear { get; init; } = 0.5;

    /// <summary>Share of a developer's profit paid out to its owners rather than kept as equity.</summary>
    [AllowedRange(0, 1), Meaning("Share of a developer's profit paid out to its owners rather than kept as equity")]
    public double DeveloperPayoutShare { get; init; } = 0.5;

    /// <summary>
    /// A developer's overheads (staff, offices, sales), share of the revenue its equity turns over in a normal year, and
    /// fixed in pounds when sales fall (Barratt Developments, 2020–21: gross margin 21.0%, operating margin 16.9%).
    /// </summary>
    [AllowedRange(0, 0.5), Meaning("A developer's overheads, share of the revenue its equity turns over in a normal year (Barratt 2020–21: about 4%)")]
    public double DeveloperOverheadShareOfRevenue { get; init; } = 0.04;

    /// <summary>
    /// Fall in the share of new homes that sell in the year they complete during a recession (property sales over
    /// £40,000 in Britain: 1.6 million in 2007, 0.9 million in 2008, ONS Social Trends 41, 2011); the rest are held
    /// and sell in later years, their loans outstanding.
    /// </summary>
    [AllowedRange(0, 0.99), Meaning("Fall in the share of new homes sold in the year they complete during a recession (Britain 2007 to 2008: 44%)")]
    public double RecessionSalesFall { get; init; } = 0.44;

    /// <summary>
    /// Discount on the homes of a failed developer that receivers sell, share of their market value (forced sales:
    /// 27% on average, Campbell, Giglio and Pathak 2011, American Economic Review 101(5)).
    /// </summary>
    [AllowedRange(0, 1), Meaning("Discount on a failed developer's homes sold by receivers (forced sales: about 27%)")]
    public double ForcedSaleDiscount { get; init; } = 0.27;

    /// <summary>Years after a developer fails before a new firm of its kind enters in its place.</summary>
    [AllowedRange(0, 50), Meaning("Years after a developer fails before a new firm of its kind enters in its place")]
    public int DeveloperEntryYears { get; init; } = 2;

    /// <summary>Private lenders in each region (banks, challenger banks, debt funds), each lending up to an equal share of the region's lending.</summary>
    [AllowedRange(1, 10), Meaning("Private lenders in each region, each lending up to an equal share of the region's lending")]
    public int LendersPerRegion { get; init; } = 3;

    /// <summary>Spread of the lenders' hurdle rates around the base required return, per year (the most cautious lender is the cheapest).</summary>
    [AllowedRange(0, 0.2), Meaning("Spread of the lenders' hurdle rates around the base required return, per year")]
    public double LenderHurdleSpreadPerYear { get; init; } = 0.02;

    /// <summary>The perceived risk above which the most cautious lender withdraws from a place; the others' tolerances rise evenly to 1.</summary>
    [AllowedRange(0, 1), Meaning("The perceived risk above which the most cautious lender withdraws from a place")]
    public double CautiousLenderRiskTolerance { get; init; } = 0.5;

    /// <summary>The risk lenders perceive in a place before they have seen its record, 0–1.</summary>
    [AllowedRange(0, 1), Meaning("The risk lenders perceive in a place before they have seen its record, 0–1")]
    public double LenderPriorRisk { get; init; } = 0.3;

    /// <summary>Share of the gap between a place's observed record and the risk a lender perceives that it closes in a year.</summary>
    [AllowedRange(0, 1), Meaning("Share of the gap between a place's observed record and the risk a lender perceives closed in a year")]
    public double LenderRiskLearningPerYear { get; init; } = 0.3;

    /// <summary>
    /// Weight of a place's churn of funding streams in the track record lenders judge it by; the share of its money not
    /// delivered takes the rest.
    /// </summary>
    [AllowedRange(0, 1), Meaning("Weight of a place's churn of funding streams in the track record lenders judge it by (undelivered money takes the rest)")]
    public double TrackRecordChurnWeight { get; init; } = 0.5;

    /// <summary>
    /// How long a discontinued funding stream stays in the churn lenders see: each year the record keeps this share of
    /// itself and takes the rest from the year's share of streams discontinued (an exponentially weighted mean).
    /// </summary>
    [AllowedRange(0, 0.99), Meaning("Share of a place's churn record kept from one year to the next (the rest is the year's share of streams discontinued)")]
    public double ChurnRecordMemory { get; init; } = 0.7;

    /// <summary>Fall in private lending during a recession, share.</summary>
    [AllowedRange(0, 1), Meaning("Fall in private lending during a recession, share")]
    public double RecessionLendingFall { get; init; } = 0.4;

    /// <summary>Extra walking by a healthy scheme's neighbourhood, minutes per week per resident at 100% healthy stock.</summary>
    [AllowedRange(0, 100_000), Meaning("Extra walking by a healthy scheme's neighbourhood, minutes per week per resident at 100% healthy stock")]
    public double HealthyHomesWalkingMinutesPerWeek { get; init; } = 45;

    /// <summary>Extra NDVI of a neighbourhood whose whole stock follows the healthy design.</summary>
    [AllowedRange(0, 1), Meaning("Extra NDVI of a neighbourhood whose whole stock follows the healthy design")]
    public double HealthyHomesGreenNdvi { get; init; } = 0.1;

    /// <summary>Residents per home (ONS 2021: 2.36).</summary>
    [AllowedRange(0.5, 10), Meaning("Residents per home (ONS 2021: 2.36)")]
    public double PeoplePerHome { get; init; } = 2.36;
}

/// <summary>Mayors, elections and political capital.</summary>
public sealed record PoliticsParameters
{
    /// <summary>Years between mayoral elections.</summary>
    [AllowedRange(1, 10), Meaning("Years between mayoral elections")]
    public int TermYears { get; init; } = 4;

    /// <summary>Probability an incumbent standing again is re-elected with average delivery (metro mayors 2021 and 2024: about four in five).</summary>
    [AllowedRange(0, 1), Meaning("Probability an incumbent standing again is re-elected with average delivery (metro mayors 2021 and 2024: about four in five)")]
    public double BaseReelectionProbability { get; init; } = 0.75;

    /// <summary>Change in re-election probability from worst to best delivery.</summary>
    [AllowedRange(0, 1), Meaning("Change in re-election probability from worst to best delivery")]
    public double DeliveryEffectOnReelection { get; init; } = 0.3;

    /// <summary>Lowest mission commitment a newly elected mayor may bring.</summary>
    [AllowedRange(0, 1), Meaning("Lowest mission commitment a newly elected mayor may bring")]
    public double NewMayorCommitmentMin { get; init; } = 0.1;

    /// <summary>Highest mission commitment a newly elected mayor may bring.</summary>
    [AllowedRange(0, 1), Meaning("Highest mission commitment a newly elected mayor may bring")]
    public double NewMayorCommitmentMax { get; init; } = 0.9;

    /// <summary>Planning powers: the strictest health standard the mayor can impose.</summary>
    [AllowedRange(0, 1), Meaning("Planning powers: the strictest health standard the mayor can impose")]
    public double PlanningPowers { get; init; } = 0.6;

    /// <summary>Political capital spent per year per unit of health standard imposed.</summary>
    [AllowedRange(0, 1), Meaning("Political capital spent per year per unit of health standard imposed")]
    public double StandardPoliticalCostPerYear { get; init; } = 0.05;

    /// <summary>Share of the health standard sought (within planning powers) that a mayor with no political capital can enforce; full capital enforces all of it.</summary>
    [AllowedRange(0, 1), Meaning("Share of the health standard sought that a mayor with no political capital can enforce (full capital: all of it)")]
    public double StandardAppliedWithoutCapital { get; init; } = 0.5;

    /// <summary>Political capital a mayor starts a term with: the first mayor, and each newly elected one.</summary>
    [AllowedRange(0, 1), Meaning("Political capital a mayor starts a term with (the first mayor and each newly elected one)")]
    public double StartPoliticalCapital { get; init; } = 0.6;

    /// <summary>Political capital a re-elected mayor gains (capped at 1).</summary>
    [AllowedRange(0, 1), Meaning("Political capital a re-elected mayor gains (capped at 1)")]
    public double ReelectionPoliticalCapitalGain { get; init; } = 0.2;

    /// <summary>Weight of homes delivered, against money spent, in the delivery record voters judge a mayor by.</summary>
    [AllowedRange(0, 1), Meaning("Weight of homes delivered, against money spent, in the delivery record voters judge a mayor by")]
    public double ElectionHomesWeight { get; init; } = 0.5;

    /// <summary>Share of a programme's full delivery rate a mayoralty with no delivery capacity reaches; full capacity reaches all of it.</summary>
    [AllowedRange(0, 1), Meaning("Share of a programme's full delivery rate a mayoralty with no delivery capacity reaches (full capacity: all of it)")]
    public double DeliveryShareWithoutCapacity { get; init; } = 0.5;

    /// <summary>Share of capacity spending's gain in delivery capacity that it also brings to analytical capacity.</summary>
    [AllowedRange(0, 1), Meaning("Share of capacity spending's gain in delivery capacity that it also brings to analytical capacity")]
    public double CapacitySpendAnalyticalShare { get; init; } = 0.5;

    /// <summary>
    /// Share of capacity spending's perceived non-health benefit that a mayor still sees where money is not won by
    /// competition (there capacity only speeds delivery and analysis; under competitive grants it also wins bids).
    /// </summary>
    [AllowedRange(0, 1), Meaning("Share of capacity spending's perceived benefit a mayor still sees where money is not won by competition")]
    public double CapacityValueWithoutCompetition { get; init; } = 0.5;

    /// <summary>
    /// How far a committed mayor tilts programme money towards deprived zones (proportionate universalism): a zone's weight
    /// per resident is e^(tilt × commitment × deprivation score), the score running from 0.45 (most deprived decile) to −0.45.
    /// </summary>
    [AllowedRange(0, 10), Meaning("How far a committed mayor tilts programme money to deprived zones: weight e^(tilt × commitment × deprivation score)")]
    public double TargetingTilt { get; init; } = 2;

    /// <summary>Spend per resident in a year on a programme at which its delivery gives a mayoralty full evidence of its effect (test and learn).</summary>
    [AllowedRange(0.01, 1000), Meaning("Spend per resident in a year on a programme at which its delivery gives full evidence of its effect (test and learn)")]
    public double LearningFullEvidenceGbpPerHead { get; init; } = 1;

    /// <summary>Analytical capacity a health-devolution deal brings at least (shared ICB analysts).</summary>
    [AllowedRange(0, 1), Meaning("Analytical capacity a health-devolution deal brings at least (shared ICB analysts)")]
    public double HealthDevolutionAnalyticalCapacity { get; init; } = 0.8;

    /// <summary>Capacity of an established mayoralty.</summary>
    [AllowedRange(0, 1), Meaning("Capacity of an established mayoralty")]
    public double EstablishedCapacity { get; init; } = 0.8;

    /// <summary>Capacity of a developing mayoralty.</summary>
    [AllowedRange(0, 1), Meaning("Capacity of a developing mayoralty")]
    public double DevelopingCapacity { get; init; } = 0.55;

    /// <summary>Capacity of a new mayoralty.</summary>
    [AllowedRange(0, 1), Meaning("Capacity of a new mayoralty")]
    public double NewCapacity { get; init; } = 0.3;

    /// <summary>Perceived benefit per £ below which a mayor holds money for a later year rather than spend it (DfT: a benefit–cost ratio below 1 is poor value).</summary>
    [AllowedRange(0, 10), Meaning("Perceived benefit per £ below which a mayor holds money for a later year rather than spend it (DfT: a benefit–cost ratio below 1 is poor value)")]
    public double ValueForMoneyHurdle { get; init; } = 1;

    /// <summary>How far a mayor without analytical capacity overvalues visible schemes and undervalues invisible ones (share of their health value).</summary>
    [AllowedRange(0, 5), Meaning("How far a mayor without analytical capacity overvalues visible schemes and undervalues invisible ones (share of their health value)")]
    public double VisibilityBias { get; init; } = 0.5;

    /// <summary>Log-scale standard deviation of a mayoralty's error in a programme's health value with no analytical capacity.</summary>
    [AllowedRange(0, 3), Meaning("Log-scale standard deviation of a mayoralty's error in a programme's health value with no analytical capacity")]
    public double AppraisalNoiseSd { get; init; } = 0.5;

    /// <summary>Share of its error in a programme's value a mayoralty at full analytical capacity corrects in a year of delivering it (test and learn).</summary>
    [AllowedRange(0, 1), Meaning("Share of its error in a programme's value a mayoralty at full analytical capacity corrects in a year of delivering it (test and learn)")]
    public double OwnLearningPerYear { get; init; } = 0.3;

    /// <summary>Share of the way to other mayoralties' mean estimate a mayoralty moves in a year (cross-regional learning).</summary>
    [AllowedRange(0, 1), Meaning("Share of the way to other mayoralties' mean estimate a mayoralty moves in a year (cross-regional learning)")]
    public double PeerLearningPerYear { get; init; } = 0.1;

    /// <summary>Probability central government changes its priority for health in place policy in a year (seed 002: 16 housing ministers and 10–12 growth strategies since 2010).</summary>
    [AllowedRange(0, 1), Meaning("Probability central government changes its priority for health in place policy in a year (seed 002: 16 housing ministers and 10–12 growth strategies since 2010)")]
    public double NationalPriorityChangePerYear { get; init; } = 0.25;

    /// <summary>Share of the gap between a sitting mayor's commitment and the national steer closed in a year.</summary>
    [AllowedRange(0, 1), Meaning("Share of the gap between a sitting mayor's commitment and the national steer closed in a year")]
    public double SteerResponsePerYear { get; init; } = 0.2;

    /// <summary>Fall in the return investors require at full political capital, per year (figurehead: the mayor lowers perceived risk).</summary>
    [AllowedRange(0, 0.1), Meaning("Fall in the return investors require at full political capital, per year (figurehead: the mayor lowers perceived risk)")]
    public double FigureheadRiskDiscountPerYear { get; init; } = 0.005;

    /// <summary>Partner money a mayor at full political capital brings per £ of area schemes (galvanising co-investment).</summary>
    [AllowedRange(0, 5), Meaning("Partner money a mayor at full political capital brings per £ of area schemes (galvanising co-investment)")]
    public double CoInvestmentPerGbp { get; init; } = 0.2;

    /// <summary>Political capital gained in a year whose money went in full to visible schemes.</summary>
    [AllowedRange(0, 1), Meaning("Political capital gained in a year whose money went in full to visible schemes")]
    public double PoliticalCapitalFromDelivery { get; init; } = 0.1;

    /// <summary>Partnership with the ICB gained in a year of full joint work (convening).</summary>
    [AllowedRange(0, 1), Meaning("Partnership with the ICB gained in a year of full joint work (convening)")]
    public double ConveningGainPerYear { get; init; } = 0.1;

    /// <summary>Partnership with the ICB lost in a year without joint work, share of its rise above the start.</summary>
    [AllowedRange(0, 1), Meaning("Partnership with the ICB lost in a year without joint work, share of its rise above the start")]
    public double ConveningDecayPerYear { get; init; } = 0.05;

    /// <summary>
    /// Weight of the joint money (against the savings it brings) in the measure of a year's joint work that convening
    /// builds the partnership with.
    /// </summary>
    [AllowedRange(0, 1), Meaning("Weight of joint money, against the savings it brings, in the year's joint work that builds the partnership")]
    public double ConveningJointMoneyWeight { get; init; } = 0.5;

    /// <summary>
    /// Share of a perceived-benefit curve's spend at which a remedy programme's marginal benefit has fallen by a factor e,
    /// of the cost of remedying all that is left (every cold home; every site's remediation): the cheapest first.
    /// </summary>
    [AllowedRange(0.01, 10), Meaning("Spend at which warm homes' and site assembly's perceived marginal benefit falls by a factor e, as a share of the cost of remedying all that is left")]
    public double RemedySaturationShare { get; init; } = 0.5;
}

/// <summary>Integrated Care Boards.</summary>
public sealed record IcbParameters
{
    /// <summary>ICB core allocation, £ per resident per year (2024/25: £1,732).</summary>
    [AllowedRange(0, 1e5), Meaning("ICB core allocation, £ per resident per year (2024/25: £1,732)")]
    public double AllocationGbpPerHead { get; init; } = 1_732;

    /// <summary>Share of the ICB allocation spent on prevention (4–5%).</summary>
    [AllowedRange(0, 1), Meaning("Share of the ICB allocation spent on prevention (4–5%)")]
    public double PreventionShare { get; init; } = 0.045;

    /// <summary>Partnership strength at which the ICB pools prevention money with the mayor.</summary>
    [AllowedRange(0, 1), Meaning("Partnership strength at which the ICB pools prevention money with the mayor")]
    public double PartnershipPoolingThreshold { get; init; } = 0.5;

    /// <summary>Share of its prevention budget the ICB pools when partnership allows.</summary>
    [AllowedRange(0, 1), Meaning("Share of its prevention budget the ICB pools when partnership allows")]
    public double PartnershipPooledPreventionShare { get; init; } = 0.5;

    /// <summary>
    /// What NHS care buys at the margin, £ per QALY: the opportunity cost of money the ICB pools with the mayor, and the
    /// health value of NHS costs saved (Martin, Lomas &amp; Claxton 2020: about £13,500).
    /// </summary>
    [AllowedRange(1_000, 1e6), Meaning("What NHS care buys at the margin, £ per QALY (Martin, Lomas & Claxton 2020: about £13,500)")]
    public double NhsCostPerQalyGbp { get; init; } = 13_500;

    /// <summary>
    /// The ICB's prior expectation of the NHS savings joint work brings, £ saved per £ of joint money (cumulative savings
    /// over cumulative joint spend); it learns from what lands. The NHS DPP was modelled to save £1.28 per £1 over 20 years
    /// (Thomas et al. 2017), less in the first years.
    /// </summary>
    [AllowedRange(0, 10), Meaning("The ICB's prior expectation of NHS savings per £ of joint money (DPP modelled: £1.28 per £1 over 20 years)")]
    public double PriorSavingsPerGbp { get; init; } = 0.5;

    /// <summary>Share of the gap between observed and expected savings per £ the ICB closes in a year (adaptive expectations).</summary>
    [AllowedRange(0, 1), Meaning("Share of the gap between observed and expected savings per £ the ICB closes in a year")]
    public double SavingsLearningPerYear { get; init; } = 0.3;

    /// <summary>
    /// How far the ICB's expected savings move its willingness to pool: the partnership it acts as if it had rises by
    /// this × (expected − prior savings per £).
    /// </summary>
    [AllowedRange(0, 2), Meaning("Partnership-equivalent rise in the ICB's willingness to pool per £ of expected savings above its prior")]
    public double SavingsResponse { get; init; } = 0.2;

    /// <summary>Width of the partnership range, centred on the threshold, over which the ICB moves from pooling none of its prevention money to the full share.</summary>
    [AllowedRange(0.01, 1), Meaning("Width of the partnership range, centred on the threshold, over which the ICB moves from pooling none of its prevention money to the full share")]
    public double PoolingRampWidth { get; init; } = 0.2;
}

/// <summary>Shocks drawn from the world stream: every variant sees the same ones.</summary>
public sealed record ShockParameters
{
    /// <summary>Probability a recession starts in a year (UK: 4 in 45 years).</summary>
    [AllowedRange(0, 1), Meaning("Probability a recession starts in a year (UK: 4 in 45 years)")]
    public double RecessionProbabilityPerYear { get; init; } = 0.09;

    /// <summary>Length of a recession, years.</summary>
    [AllowedRange(1, 10), Meaning("Length of a recession, years")]
    public int RecessionYears { get; init; } = 2;

    /// <summary>Fall in house prices during a recession, share (2008: about 15%).</summary>
    [AllowedRange(0, 1), Meaning("Fall in house prices during a recession, share (2008: about 15%)")]
    public double RecessionPriceFall { get; init; } = 0.12;

    /// <summary>Probability central funding is cut in a year.</summary>
    [AllowedRange(0, 1), Meaning("Probability central funding is cut in a year")]
    public double FundingCutProbabilityPerYear { get; init; } = 0.1;

    /// <summary>Size of a funding cut, share of that year's funding.</summary>
    [AllowedRange(0, 1), Meaning("Size of a funding cut, share of that year's funding")]
    public double FundingCutShare { get; init; } = 0.15;

    /// <summary>Probability of a health shock (epidemic) in a year.</summary>
    [AllowedRange(0, 1), Meaning("Probability of a health shock (epidemic) in a year")]
    public double HealthShockProbabilityPerYear { get; init; } = 0.02;

    /// <summary>Rise in mortality in a health-shock year, share (England 2020: about 14%).</summary>
    [AllowedRange(0, 5), Meaning("Rise in mortality in a health-shock year, share (England 2020: about 14%)")]
    public double HealthShockMortalityUplift { get; init; } = 0.14;
}
