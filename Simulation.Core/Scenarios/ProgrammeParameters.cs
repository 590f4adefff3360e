namespace UrbanSim.Core.Scenarios;

/// <summary>
/// What a mayor's programmes cost and do. Capital programmes build a stock of infrastructure per resident in the zones
/// they treat; exposures respond to the stock (a Hill function with a half-response stock, towards a ceiling set from the
/// best real places), the stock depreciates and costs upkeep, and an in-year delivery capacity limits how fast money
/// becomes stock. Sources and distributions: docs/model.md §7.8 and §8.2.3.
/// </summary>
public sealed record ProgrammeParameters
{
    /// <summary>Active travel: walking a fully built network brings a zone towards, minutes per adult per week (about twice England's, as in the best walking countries).</summary>
    [AllowedRange(0, 10080), Meaning("Active travel: walking a fully built network brings a zone towards, minutes per adult per week (about twice England's, as in the best walking countries)")]
    public double ActiveTravelWalkingCeilingMinutesPerWeek { get; init; } = 160;

    /// <summary>Active travel: cycling a fully built network brings a zone towards, minutes per adult per week (Netherlands: about 1,000 km a year, 90 min/week).</summary>
    [AllowedRange(0, 10080), Meaning("Active travel: cycling a fully built network brings a zone towards, minutes per adult per week (Netherlands: about 1,000 km a year, 90 min/week)")]
    public double ActiveTravelCyclingCeilingMinutesPerWeek { get; init; } = 90;

    /// <summary>Active travel: infrastructure stock per resident that closes half the gap to the walking ceiling, £ (calibrated to mini-Holland high-dose areas).</summary>
    [AllowedRange(1, 1e6), Meaning("Active travel: infrastructure stock per resident that closes half the gap to the walking ceiling, £ (calibrated to mini-Holland high-dose areas)")]
    public double ActiveTravelWalkingHalfResponseGbpPerHead { get; init; } = 700;

    /// <summary>Active travel: infrastructure stock per resident that closes half the gap to the cycling ceiling, £ (calibrated to mini-Holland high-dose areas).</summary>
    [AllowedRange(1, 1e6), Meaning("Active travel: infrastructure stock per resident that closes half the gap to the cycling ceiling, £ (calibrated to mini-Holland high-dose areas)")]
    public double ActiveTravelCyclingHalfResponseGbpPerHead { get; init; } = 2200;

    /// <summary>Active travel: Hill exponent of the response to stock (above 1: networks work once connected).</summary>
    [AllowedRange(0.5, 5), Meaning("Active travel: Hill exponent of the response to stock (above 1: networks work once connected)")]
    public double ActiveTravelResponseExponent { get; init; } = 1.5;

    /// <summary>Active travel: stock per resident a scheme builds in its zone, £ (mini-Holland: about £100 per borough resident, concentrated in about a fifth).</summary>
    [AllowedRange(1, 1e6), Meaning("Active travel: stock per resident a scheme builds in its zone, £ (mini-Holland: about £100 per borough resident, concentrated in about a fifth)")]
    public double ActiveTravelSchemeDoseGbpPerHead { get; init; } = 500;

    /// <summary>Active travel: share of a scheme's stock that serves the rest of its region (low-dose areas).</summary>
    [AllowedRange(0, 1), Meaning("Active travel: share of a scheme's stock that serves the rest of its region (low-dose areas)")]
    public double ActiveTravelSpilloverShare { get; init; } = 0.1;

    /// <summary>Active travel: years from spending to a scheme in use (mini-Holland effects at wave 1).</summary>
    [AllowedRange(0, 10), Meaning("Active travel: years from spending to a scheme in use (mini-Holland effects at wave 1)")]
    public int ActiveTravelLagYears { get; init; } = 1;

    /// <summary>Active travel: share of the stock lost each year when maintained (asset life about 25 years).</summary>
    [AllowedRange(0, 1), Meaning("Active travel: share of the stock lost each year when maintained (asset life about 25 years)")]
    public double ActiveTravelDepreciationPerYear { get; init; } = 0.04;

    /// <summary>Active travel: upkeep a year as a share of the stock's value.</summary>
    [AllowedRange(0, 1), Meaning("Active travel: upkeep a year as a share of the stock's value")]
    public double ActiveTravelUpkeepSharePerYear { get; init; } = 0.02;

    /// <summary>Active travel: extra share of the stock lost in a year its upkeep is not paid.</summary>
    [AllowedRange(0, 1), Meaning("Active travel: extra share of the stock lost in a year its upkeep is not paid")]
    public double ActiveTravelUnmaintainedDecayPerYear { get; init; } = 0.08;

    /// <summary>Active travel: most new spend a mayoralty at full capacity can deliver in a year, £ per resident.</summary>
    [AllowedRange(0, 1e5), Meaning("Active travel: most new spend a mayoralty at full capacity can deliver in a year, £ per resident")]
    public double ActiveTravelDeliveryGbpPerHeadPerYear { get; init; } = 40;

    /// <summary>Non-health benefit per £ a mayor perceives from a first scheme: active travel (journey quality, safety, congestion).</summary>
    [AllowedRange(0, 100), Meaning("Non-health benefit per £ a mayor perceives from a first scheme: active travel (journey quality, safety, congestion)")]
    public double ActiveTravelOtherBenefitPerGbp { get; init; } = 1.5;

    /// <summary>Clean air: share of a zone's NO₂ a full programme can remove (the local road-traffic share).</summary>
    [AllowedRange(0, 1), Meaning("Clean air: share of a zone's NO₂ a full programme can remove (the local road-traffic share)")]
    public double CleanAirNo2ReductionShare { get; init; } = 0.5;

    /// <summary>Clean air: share of a zone's PM2.5 a full programme can remove (ULEZ: PM2.5 change not significant).</summary>
    [AllowedRange(0, 1), Meaning("Clean air: share of a zone's PM2.5 a full programme can remove (ULEZ: PM2.5 change not significant)")]
    public double CleanAirPm25ReductionShare { get; init; } = 0.08;

    /// <summary>Clean air: scheme stock per resident at half the full reduction, £.</summary>
    [AllowedRange(1, 1e6), Meaning("Clean air: scheme stock per resident at half the full reduction, £")]
    public double CleanAirHalfResponseGbpPerHead { get; init; } = 90;

    /// <summary>Clean air: Hill exponent of the response to stock.</summary>
    [AllowedRange(0.5, 5), Meaning("Clean air: Hill exponent of the response to stock")]
    public double CleanAirResponseExponent { get; init; } = 1;

    /// <summary>Clean air: stock per resident a scheme (a clean air zone, bus upgrades) builds in its zone, £ (Bradford CAZ: about £70 per resident).</summary>
    [AllowedRange(1, 1e6), Meaning("Clean air: stock per resident a scheme (a clean air zone, bus upgrades) builds in its zone, £ (Bradford CAZ: about £70 per resident)")]
    public double CleanAirSchemeDoseGbpPerHead { get; init; } = 60;

    /// <summary>Clean air: share of a scheme's stock that serves the rest of its region (cleaner fleets travel).</summary>
    [AllowedRange(0, 1), Meaning("Clean air: share of a scheme's stock that serves the rest of its region (cleaner fleets travel)")]
    public double CleanAirSpilloverShare { get; init; } = 0.15;

    /// <summary>Clean air: years from spending to effect.</summary>
    [AllowedRange(0, 10), Meaning("Clean air: years from spending to effect")]
    public int CleanAirLagYears { get; init; } = 1;

    /// <summary>Clean air: share of the effect lost each year as the fleet would have turned over anyway.</summary>
    [AllowedRange(0, 1), Meaning("Clean air: share of the effect lost each year as the fleet would have turned over anyway")]
    public double CleanAirDepreciationPerYear { get; init; } = 0.12;

    /// <summary>Clean air: operation and enforcement a year as a share of the stock's value.</summary>
    [AllowedRange(0, 1), Meaning("Clean air: operation and enforcement a year as a share of the stock's value")]
    public double CleanAirUpkeepSharePerYear { get; init; } = 0.05;

    /// <summary>Clean air: extra share of the effect lost in a year without operation and enforcement.</summary>
    [AllowedRange(0, 1), Meaning("Clean air: extra share of the effect lost in a year without operation and enforcement")]
    public double CleanAirUnmaintainedDecayPerYear { get; init; } = 0.3;

    /// <summary>Clean air: most new spend a mayoralty at full capacity can deliver in a year, £ per resident.</summary>
    [AllowedRange(0, 1e5), Meaning("Clean air: most new spend a mayoralty at full capacity can deliver in a year, £ per resident")]
    public double CleanAirDeliveryGbpPerHeadPerYear { get; init; } = 30;

    /// <summary>Non-health benefit per £ a mayor perceives from a first scheme: clean air and buses (journey times, reliability).</summary>
    [AllowedRange(0, 100), Meaning("Non-health benefit per £ a mayor perceives from a first scheme: clean air and buses (journey times, reliability)")]
    public double CleanAirOtherBenefitPerGbp { get; init; } = 1;

    /// <summary>Green space: most NDVI gain within 500 m a full programme brings.</summary>
    [AllowedRange(0, 1), Meaning("Green space: most NDVI gain within 500 m a full programme brings")]
    public double GreenSpaceMaxNdviGain { get; init; } = 0.1;

    /// <summary>Green space: stock per resident at half the full gain, £ (no published spend → NDVI relationship: wide in scenarios).</summary>
    [AllowedRange(1, 1e6), Meaning("Green space: stock per resident at half the full gain, £ (no published spend → NDVI relationship: wide in scenarios)")]
    public double GreenSpaceHalfResponseGbpPerHead { get; init; } = 200;

    /// <summary>Green space: Hill exponent of the response to stock.</summary>
    [AllowedRange(0.5, 5), Meaning("Green space: Hill exponent of the response to stock")]
    public double GreenSpaceResponseExponent { get; init; } = 1;

    /// <summary>Green space: stock per resident a scheme (parks, street trees) builds in its zone, £.</summary>
    [AllowedRange(1, 1e6), Meaning("Green space: stock per resident a scheme (parks, street trees) builds in its zone, £")]
    public double GreenSpaceSchemeDoseGbpPerHead { get; init; } = 100;

    /// <summary>Green space: share of a scheme's stock that serves the rest of its region.</summary>
    [AllowedRange(0, 1), Meaning("Green space: share of a scheme's stock that serves the rest of its region")]
    public double GreenSpaceSpilloverShare { get; init; } = 0.05;

    /// <summary>Green space: years from spending to greener surroundings (planting and growth).</summary>
    [AllowedRange(0, 10), Meaning("Green space: years from spending to greener surroundings (planting and growth)")]
    public int GreenSpaceLagYears { get; init; } = 3;

    /// <summary>Green space: share of the stock lost each year when maintained.</summary>
    [AllowedRange(0, 1), Meaning("Green space: share of the stock lost each year when maintained")]
    public double GreenSpaceDepreciationPerYear { get; init; } = 0.03;

    /// <summary>Green space: upkeep a year as a share of the stock's value (parks maintenance).</summary>
    [AllowedRange(0, 1), Meaning("Green space: upkeep a year as a share of the stock's value (parks maintenance)")]
    public double GreenSpaceUpkeepSharePerYear { get; init; } = 0.04;

    /// <summary>Green space: extra share of the stock lost in a year its upkeep is not paid.</summary>
    [AllowedRange(0, 1), Meaning("Green space: extra share of the stock lost in a year its upkeep is not paid")]
    public double GreenSpaceUnmaintainedDecayPerYear { get; init; } = 0.1;

    /// <summary>Green space: most new spend a mayoralty at full capacity can deliver in a year, £ per resident.</summary>
    [AllowedRange(0, 1e5), Meaning("Green space: most new spend a mayoralty at full capacity can deliver in a year, £ per resident")]
    public double GreenSpaceDeliveryGbpPerHeadPerYear { get; init; } = 20;

    /// <summary>Non-health benefit per £ a mayor perceives from a first scheme: green space (amenity).</summary>
    [AllowedRange(0, 100), Meaning("Non-health benefit per £ a mayor perceives from a first scheme: green space (amenity)")]
    public double GreenSpaceOtherBenefitPerGbp { get; init; } = 1;

    /// <summary>Warm homes: cost to remedy one excessively cold home, £ (BRE: £6.7k–£6.8k).</summary>
    [AllowedRange(100, 1e6), Meaning("Warm homes: cost to remedy one excessively cold home, £ (BRE: £6.7k–£6.8k)")]
    public double WarmHomesCostGbpPerHome { get; init; } = 6750;

    /// <summary>Warm homes: share of remedied homes that become excessively cold again each year (measure lives).</summary>
    [AllowedRange(0, 1), Meaning("Warm homes: share of remedied homes that become excessively cold again each year (measure lives)")]
    public double WarmHomesDepreciationPerYear { get; init; } = 0.02;

    /// <summary>Warm homes: most retrofit spend a mayoralty at full capacity can deliver in a year, £ per resident (installer capacity).</summary>
    [AllowedRange(0, 1e5), Meaning("Warm homes: most retrofit spend a mayoralty at full capacity can deliver in a year, £ per resident (installer capacity)")]
    public double WarmHomesDeliveryGbpPerHeadPerYear { get; init; } = 30;

    /// <summary>Non-health benefit per £ a mayor perceives: warm homes (energy bills).</summary>
    [AllowedRange(0, 100), Meaning("Non-health benefit per £ a mayor perceives: warm homes (energy bills)")]
    public double WarmHomesOtherBenefitPerGbp { get; init; } = 1.1;

    /// <summary>Joint prevention: most reduction in type 2 diabetes incidence (diabetes prevention at full reach).</summary>
    [AllowedRange(0, 1), Meaning("Joint prevention: most reduction in type 2 diabetes incidence (diabetes prevention at full reach)")]
    public double JointPreventionDiabetesMaxReduction { get; init; } = 0.15;

    /// <summary>Joint prevention: service stock per resident at half the most diabetes reduction, £ (calibrated to the NHS DPP's IRR 0.938).</summary>
    [AllowedRange(0.01, 1e5), Meaning("Joint prevention: service stock per resident at half the most diabetes reduction, £ (calibrated to the NHS DPP's IRR 0.938)")]
    public double JointPreventionDiabetesHalfResponseGbpPerHead { get; init; } = 2.8;

    /// <summary>Joint prevention: most reduction in CVD incidence (health checks, blood pressure, smoking cessation; wide in scenarios).</summary>
    [AllowedRange(0, 1), Meaning("Joint prevention: most reduction in CVD incidence (health checks, blood pressure, smoking cessation; wide in scenarios)")]
    public double JointPreventionCardiovascularMaxReduction { get; init; } = 0.15;

    /// <summary>Joint prevention: service stock per resident at half the most CVD reduction, £ (wide in scenarios).</summary>
    [AllowedRange(0.01, 1e5), Meaning("Joint prevention: service stock per resident at half the most CVD reduction, £ (wide in scenarios)")]
    public double JointPreventionCardiovascularHalfResponseGbpPerHead { get; init; } = 45;

    /// <summary>Joint prevention: most reduction in chronic respiratory disease incidence (smoking cessation; wide in scenarios).</summary>
    [AllowedRange(0, 1), Meaning("Joint prevention: most reduction in chronic respiratory disease incidence (smoking cessation; wide in scenarios)")]
    public double JointPreventionRespiratoryMaxReduction { get; init; } = 0.15;

    /// <summary>Joint prevention: service stock per resident at half the most respiratory reduction, £ (wide in scenarios).</summary>
    [AllowedRange(0.01, 1e5), Meaning("Joint prevention: service stock per resident at half the most respiratory reduction, £ (wide in scenarios)")]
    public double JointPreventionRespiratoryHalfResponseGbpPerHead { get; init; } = 45;

    /// <summary>Joint prevention: share of the service stock's effect that wanes each year (lifestyle change fades).</summary>
    [AllowedRange(0, 1), Meaning("Joint prevention: share of the service stock's effect that wanes each year (lifestyle change fades)")]
    public double JointPreventionDepreciationPerYear { get; init; } = 0.25;

    /// <summary>Joint prevention: years from spending to effect.</summary>
    [AllowedRange(0, 10), Meaning("Joint prevention: years from spending to effect")]
    public int JointPreventionLagYears { get; init; } = 1;

    /// <summary>Joint prevention: most new spend a mayoralty at full capacity can deliver in a year, £ per resident.</summary>
    [AllowedRange(0, 1e5), Meaning("Joint prevention: most new spend a mayoralty at full capacity can deliver in a year, £ per resident")]
    public double JointPreventionDeliveryGbpPerHeadPerYear { get; init; } = 40;

    /// <summary>Non-health benefit per £ a mayor perceives from a first £: joint prevention.</summary>
    [AllowedRange(0, 100), Meaning("Non-health benefit per £ a mayor perceives from a first £: joint prevention")]
    public double JointPreventionOtherBenefitPerGbp { get; init; } = 0.3;

    /// <summary>Non-health benefit per £: site assembly (land value uplift, visible homes).</summary>
    [AllowedRange(0, 100), Meaning("Non-health benefit per £: site assembly (land value uplift, visible homes)")]
    public double SiteAssemblyOtherBenefitPerGbp { get; init; } = 2;

    /// <summary>Capacity: spend per resident in a year at which capacity closes 63% of its gap to 1, £.</summary>
    [AllowedRange(1, 1e5), Meaning("Capacity: spend per resident in a year at which capacity closes 63% of its gap to 1, £")]
    public double CapacityScaleGbpPerHead { get; init; } = 10;

    /// <summary>Capacity lost per year without reinvestment (staff turnover), share.</summary>
    [AllowedRange(0, 1), Meaning("Capacity lost per year without reinvestment (staff turnover), share")]
    public double CapacityDecayPerYear { get; init; } = 0.05;

    /// <summary>Non-health benefit per £: capacity (better bids, better delivery).</summary>
    [AllowedRange(0, 100), Meaning("Non-health benefit per £: capacity (better bids, better delivery)")]
    public double CapacityOtherBenefitPerGbp { get; init; } = 1.5;

    /// <summary>Years a programme's health benefit is counted in its appraisal.</summary>
    [AllowedRange(1, 100), Meaning("Years a programme's health benefit is counted in its appraisal")]
    public int AppraisalYears { get; init; } = 10;
}
