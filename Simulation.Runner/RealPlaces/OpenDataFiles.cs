namespace UrbanSim.Runner.RealPlaces;

/// <summary>One official file the importer reads: where it sits under <c>--from</c>, the columns it needs, what it is and where to download it.</summary>
/// <param name="Path">Path under the open-data folder, as in the layout of <c>../shared/data/england/</c>.</param>
/// <param name="Columns">The columns read (others are ignored).</param>
/// <param name="What">What the file is, with its year and publisher.</param>
/// <param name="Page">The public page the official data can be downloaded from.</param>
internal sealed record OpenDataFile(string Path, string[] Columns, string What, string Page);

/// <summary>
/// The official open data <c>urbansim places build</c> reads (Open Government Licence v3.0), in the folder layout of
/// <c>../shared/data/england/</c> (whose MANIFEST.md records where each CSV copy came from). docs/places.md lists them.
/// </summary>
internal static class OpenDataFiles
{
    public static readonly OpenDataFile Authorities = new("lookups/LAD25_CAUTH25_EN_LU.csv", ["LAD25CD", "LAD25NM", "CAUTH25CD", "CAUTH25NM"],
        "ONS, Local Authority District to Combined Authority (May 2025) Lookup in England",
        "https://geoportal.statistics.gov.uk/ (search 'Local Authority District to Combined Authority (May 2025) Lookup')");
    public static readonly OpenDataFile Authorities2024 = new("lookups/LAD24_CAUTH24_EN_LU.csv", ["LAD24CD", "LAD24NM", "CAUTH24CD", "CAUTH24NM"],
        "ONS, Local Authority District to Combined Authority (May 2024) Lookup in England (for councils whose code changed in 2025)",
        "https://geoportal.statistics.gov.uk/ (search 'Local Authority District to Combined Authority (May 2024) Lookup')");
    public static readonly OpenDataFile Regions = new("lookups/lookup_ltla24_region24.csv", ["ltla24_code", "ltla24_name", "region24_name", "region24_code"],
        "ONS, Local Authority District to Region (2024) Lookup in England (London's boroughs form the Greater London Authority)",
        "https://geoportal.statistics.gov.uk/ (search 'Local Authority District to Region (December 2024) Lookup')");
    public static readonly OpenDataFile SmallAreas = new("lookups/lookup_lsoa21_ward24_ltla24.csv", ["lsoa21_code", "lsoa21_name", "ltla24_code", "ltla24_name"],
        "ONS, LSOA (2021) to Electoral Ward (2024) to LAD (2024) Lookup in England and Wales",
        "https://geoportal.statistics.gov.uk/ (search 'LSOA (2021) to Electoral Ward (2024) to LAD (2024) Lookup')");
    public static readonly OpenDataFile MsoaNames = new("lookups/msoa21_names_from_boundaries.csv", ["msoa21_name", "msoa21_code"],
        "ONS, Middle layer Super Output Areas (December 2021) names and codes (an LSOA's name is its MSOA's name and a letter)",
        "https://geoportal.statistics.gov.uk/ (search 'MSOA (2021) names and codes')");
    public static readonly OpenDataFile Icbs = new("lookups/lookup_lsoa21_icb24.csv", ["lsoa21_code", "icb24_name", "icb24_code"],
        "ONS, LSOA (2021) to Sub ICB Location to Integrated Care Board (July 2024) Lookup in England",
        "https://geoportal.statistics.gov.uk/ (search 'LSOA (2021) to SICBL to ICB (July 2024) Lookup')");
    public static readonly OpenDataFile Lsoa2011To2021 = new("lookups/lookup_lsoa11_lsoa21_ltla22.csv", ["lsoa11_code", "lsoa21_code"],
        "ONS, LSOA (2011) to LSOA (2021) to LAD (2022) Best Fit Lookup in England and Wales",
        "https://geoportal.statistics.gov.uk/ (search 'LSOA (2011) to LSOA (2021) to Local Authority District (2022) Lookup')");
    public static readonly OpenDataFile Lsoa2011ToMsoa2011 = new("lookups/lookup_lsoa11_msoa11.csv", ["lsoa11_code", "msoa11_code"],
        "ONS, LSOA (2011) to MSOA (2011) Lookup in England and Wales",
        "https://geoportal.statistics.gov.uk/ (search 'Output Area to LSOA to MSOA to Local Authority District (December 2011) Lookup')");
    public static readonly OpenDataFile CouncilCodes = new("lookups/lookup_ltla_ltla.csv", ["ltla21_code", "ltla24_code"],
        "ONS, local authority district codes 2016–2024 (to carry councils' figures from older boundaries to 2024's)",
        "https://geoportal.statistics.gov.uk/ (search 'Local Authority District (April 2023) to LAD (December 2024)'); ONS Code History Database");
    public static readonly OpenDataFile RuralUrban = new("lookups/ruc21_lsoa21.csv", ["lsoa21_code", "ruc"],
        "ONS, 2021 Rural Urban Classification of LSOAs",
        "https://www.ons.gov.uk/methodology/geography/geographicalproducts/ruralurbanclassifications");
    public static readonly OpenDataFile Residents = new("population/census2021_usual_residents_lsoa21.csv", ["lsoa21_code", "total_residents"],
        "ONS, Census 2021 usual residents by LSOA (2021)",
        "https://www.nomisweb.co.uk/sources/census_2021_bulk (TS001)");
    public static readonly OpenDataFile Ages = new("population/population20_lsoa11.csv", ["lsoa11_code", .. Enumerable.Range(0, 90).Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)), "90+"],
        "ONS, mid-2020 small area population estimates by single year of age, LSOA (2011)",
        "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/lowersuperoutputareamidyearpopulationestimates");
    public static readonly OpenDataFile CouncilPopulation = new("population/population20_ltla21.csv", ["ltla21_code", "total_population"],
        "ONS, mid-2020 population estimates by local authority (2021) (weights for councils merged since)",
        "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/populationestimatesforukenglandandwalesscotlandandnorthernireland");
    public static readonly OpenDataFile Deprivation = new("deprivation/imd2025_england_lsoa21.csv", ["lsoa21_code", "IMD_decile", "IMD_rank", "IMD_score"],
        "MHCLG, English Indices of Deprivation 2025: Index of Multiple Deprivation by LSOA (2021)",
        "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025");
    public static readonly OpenDataFile DeprivationIndicators = new("deprivation/imd2025_england_lsoa21_indicators.csv", ["lsoa21_code", "comparative_illness_and_disability_ratio_indicator"],
        "MHCLG, English Indices of Deprivation 2025: underlying indicators by LSOA (2021) (comparative illness and disability ratio)",
        "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025");
    public static readonly OpenDataFile AirQuality = new("deprivation/imd2019_england_lsoa11_indicators.csv", ["lsoa11_code", "particulates_component_of_air_quality_indicator"],
        "MHCLG, English Indices of Deprivation 2019: underlying indicators by LSOA (2011) (particulates component of the air quality indicator)",
        "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019");
    public static readonly OpenDataFile LifeExpectancy = new("health/fingertips_life_expectancy.csv", ["area_code", "area_name", "period", "value", "inequality"],
        "OHID Fingertips (ONS data), life expectancy at birth by local authority, males and females",
        "https://fingertips.phe.org.uk/ (indicator 90366)");
    public static readonly OpenDataFile HealthyLifeExpectancy = new("health/fingertips_healthy_life_expectancy.csv", ["area_code", "area_name", "period", "value", "inequality"],
        "OHID Fingertips (ONS data), healthy life expectancy at birth by upper-tier local authority, males and females",
        "https://fingertips.phe.org.uk/ (indicator 90362)");
    public static readonly OpenDataFile LifeExpectancyGap = new("health/fingertips_inequality_life_expectancy.csv", ["area_code", "area_name", "period", "value", "inequality"],
        "OHID Fingertips (ONS data), inequality in life expectancy at birth within each local authority (slope index of inequality)",
        "https://fingertips.phe.org.uk/ (indicator 92901)");
    public static readonly OpenDataFile ActiveAdults = new("health/fingertips_active_adults.csv", ["area_code", "period", "value"],
        "OHID Fingertips (Sport England Active Lives), percentage of physically active adults by local authority",
        "https://fingertips.phe.org.uk/ (indicator 93014)");
    public static readonly OpenDataFile HealthIndex = new("health/england_health_index_indicators.csv", ["ltla21_code", "year", "indicator", "value"],
        "ONS, Health Index for England, indicators by local authority (2021) (air pollution: population-weighted PM2.5)",
        "https://www.ons.gov.uk/peoplepopulationandcommunity/healthandsocialcare/healthandwellbeing/datasets/healthindexscoresengland");
    public static readonly OpenDataFile FuelPoverty = new("exposures/desnz_subregional_fuel_poverty_2022_lsoa.csv", ["lsoa_code", "households", "fuel_poor_households"],
        "DESNZ, sub-regional fuel poverty in England 2024 (2022 data, LILEE) by LSOA (2021)",
        "https://www.gov.uk/government/statistics/sub-regional-fuel-poverty-2024-2022-data");
    public static readonly OpenDataFile CyclingByCouncil = new("exposures/cw0302_cycling_by_la_tidy.csv", ["area_code", "purpose", "frequency", "year", "percent"],
        "DfT, CW0302: percentage of adults who cycle, by frequency and local authority (Active Lives)",
        "https://www.gov.uk/government/statistical-data-sets/walking-and-cycling-statistics-cw");
    public static readonly OpenDataFile ActiveTravelByDeprivation = new("exposures/cw0305_walk_cycle_by_deprivation_quartile_tidy.csv", ["Demographic", "Mode", "Purpose", "Frequency", "year", "percent"],
        "DfT, CW0305: percentage of adults who walk or cycle, by frequency and deprivation quartile, England (Active Lives)",
        "https://www.gov.uk/government/statistical-data-sets/walking-and-cycling-statistics-cw");
    public static readonly OpenDataFile ParkAccess = new("exposures/ons_os_park_access_lsoa11_2020.csv", ["lsoa11cd", "average_distance"],
        "ONS/OS, access to public parks and playing fields (April 2020): average distance to the nearest, by LSOA (2011)",
        "https://www.ons.gov.uk/economy/environmentalaccounts/datasets/accesstogardensandpublicgreenspaceingreatbritain");
    public static readonly OpenDataFile Brownfield = new("exposures/brownfield-areas.csv", ["msoa", "brownfield area"],
        "DLUHC brownfield land registers (2022), hectares of registered sites by MSOA (2011) (Open Innovations' aggregation)",
        "https://www.planning.data.gov.uk/dataset/brownfield-land; https://github.com/open-innovations/brownfield-land");
    public static readonly OpenDataFile HousePrices = new("exposures/ukhpi_la_2021-03.csv", ["Local authorities", "March 2021"],
        "HM Land Registry, UK House Price Index: average price by local authority, March 2021",
        "https://www.gov.uk/government/statistical-data-sets/uk-house-price-index-data-downloads-march-2021");

    /// <summary>Every file, in the order docs/places.md lists them.</summary>
    public static readonly OpenDataFile[] All =
    [
        Authorities, Authorities2024, Regions, SmallAreas, MsoaNames, Icbs, Lsoa2011To2021, Lsoa2011ToMsoa2011, CouncilCodes, RuralUrban,
        Residents, Ages, CouncilPopulation, Deprivation, DeprivationIndicators, AirQuality,
        LifeExpectancy, HealthyLifeExpectancy, LifeExpectancyGap, ActiveAdults, HealthIndex,
        FuelPoverty, CyclingByCouncil, ActiveTravelByDeprivation, ParkAccess, Brownfield, HousePrices,
    ];
}
