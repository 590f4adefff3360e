namespace UrbanSim.Core.Scenarios;

/// <summary>Exposure–response, disease, cost and calibration parameters of the health model.</summary>
public sealed record HealthParameters
{
    /// <summary>All-cause mortality RR of walking 168 min/week (WHO HEAT: 0.89, 0.83–0.96).</summary>
    [AllowedRange(0.01, 1), Meaning("All-cause mortality RR of walking 168 min/week (WHO HEAT: 0.89, 0.83–0.96)")]
    public double WalkingRelativeRisk { get; init; } = 0.89;

    /// <summary>All-cause mortality RR of cycling 100 min/week (WHO HEAT: 0.90, 0.87–0.94).</summary>
    [AllowedRange(0.01, 1), Meaning("All-cause mortality RR of cycling 100 min/week (WHO HEAT: 0.90, 0.87–0.94)")]
    public double CyclingRelativeRisk { get; init; } = 0.90;

    /// <summary>All-cause mortality RR per 10 µg/m³ PM2.5 (WHO 2021: 1.08, 1.06–1.09).</summary>
    [AllowedRange(1, 3), Meaning("All-cause mortality RR per 10 µg/m³ PM2.5 (WHO 2021: 1.08, 1.06–1.09)")]
    public double Pm25RelativeRiskPer10 { get; init; } = 1.08;

    /// <summary>All-cause mortality RR per 10 µg/m³ NO₂ (WHO 2021, Atkinson 2018: 1.02, 1.01–1.04; overlaps PM2.5).</summary>
    [AllowedRange(1, 3), Meaning("All-cause mortality RR per 10 µg/m³ NO₂ (WHO 2021, Atkinson 2018: 1.02, 1.01–1.04; overlaps PM2.5)")]
    public double No2RelativeRiskPer10 { get; init; } = 1.02;

    /// <summary>Chronic respiratory disease incidence RR per 10 µg/m³ NO₂ (Atkinson 2018, respiratory mortality: about 1.03).</summary>
    [AllowedRange(1, 3), Meaning("Chronic respiratory disease incidence RR per 10 µg/m³ NO₂ (Atkinson 2018, respiratory mortality: about 1.03)")]
    public double RespiratoryNo2RelativeRiskPer10 { get; init; } = 1.03;

    /// <summary>Common mental disorder incidence RR per +0.1 NDVI within 500 m (assumed as for mortality: 0.96; evidence weak, wide in scenarios).</summary>
    [AllowedRange(0.01, 1.5), Meaning("Common mental disorder incidence RR per +0.1 NDVI within 500 m (assumed as for mortality: 0.96; evidence weak, wide in scenarios)")]
    public double MentalDisorderGreenSpaceRelativeRiskPer01Ndvi { get; init; } = 0.96;

    /// <summary>Common mental disorder incidence RR of living in an excessively cold home (Marmot Review Team 2011: about 1.3; wide in scenarios).</summary>
    [AllowedRange(0.5, 5), Meaning("Common mental disorder incidence RR of living in an excessively cold home (Marmot Review Team 2011: about 1.3; wide in scenarios)")]
    public double MentalDisorderColdHomeRelativeRisk { get; init; } = 1.3;

    /// <summary>Extra share not in good health among residents of excessively cold homes (Int J Public Health 2017: warmth −16% health service use; wide in scenarios).</summary>
    [AllowedRange(0, 0.5), Meaning("Extra share not in good health among residents of excessively cold homes (Int J Public Health 2017: warmth −16% health service use; wide in scenarios)")]
    public double ColdHomeIllHealthExcess { get; init; } = 0.05;

    /// <summary>All-cause mortality RR per +0.1 NDVI within 500 m (Rojas-Rueda 2019: 0.96).</summary>
    [AllowedRange(0.01, 1), Meaning("All-cause mortality RR per +0.1 NDVI within 500 m (Rojas-Rueda 2019: 0.96)")]
    public double GreenSpaceRelativeRiskPer01Ndvi { get; init; } = 0.96;

    /// <summary>All-cause mortality RR at 65+ for living in an excessively cold home (derived, docs/model.md).</summary>
    [AllowedRange(1, 3), Meaning("All-cause mortality RR at 65+ for living in an excessively cold home (derived, docs/model.md)")]
    public double ColdHomeRelativeRisk65Plus { get; init; } = 1.054;

    /// <summary>CVD incidence RR at 11.25 marginal MET-h/week (Wahid 2016: 0.83).</summary>
    [AllowedRange(0.01, 1), Meaning("CVD incidence RR at 11.25 marginal MET-h/week (Wahid 2016: 0.83)")]
    public double CardiovascularActivityRelativeRisk { get; init; } = 0.83;

    /// <summary>Type 2 diabetes incidence RR at 11.25 marginal MET-h/week (Smith 2016: 0.74).</summary>
    [AllowedRange(0.01, 1), Meaning("Type 2 diabetes incidence RR at 11.25 marginal MET-h/week (Smith 2016: 0.74)")]
    public double DiabetesActivityRelativeRisk { get; init; } = 0.74;

    /// <summary>Depression incidence RR at 8.8 marginal MET-h/week (Pearce 2022: 0.75).</summary>
    [AllowedRange(0.01, 1), Meaning("Depression incidence RR at 8.8 marginal MET-h/week (Pearce 2022: 0.75)")]
    public double MentalDisorderActivityRelativeRisk { get; init; } = 0.75;

    /// <summary>CVD incidence RR per 10 µg/m³ PM2.5 (Chen &amp; Hoek 2020, circulatory: 1.11).</summary>
    [AllowedRange(1, 3), Meaning("CVD incidence RR per 10 µg/m³ PM2.5 (Chen & Hoek 2020, circulatory: 1.11)")]
    public double CardiovascularPm25RelativeRiskPer10 { get; init; } = 1.11;

    /// <summary>Chronic respiratory disease incidence RR per 10 µg/m³ PM2.5 (Chen &amp; Hoek 2020, COPD: 1.11).</summary>
    [AllowedRange(1, 3), Meaning("Chronic respiratory disease incidence RR per 10 µg/m³ PM2.5 (Chen & Hoek 2020, COPD: 1.11)")]
    public double RespiratoryPm25RelativeRiskPer10 { get; init; } = 1.11;

    /// <summary>Deprivation gradient of mortality: log rate ratio between the extreme deciles / 0.9 (calibrated to the ONS LE SII).</summary>
    [AllowedRange(0, 5), Meaning("Deprivation gradient of mortality: log rate ratio between the extreme deciles / 0.9 (calibrated to the ONS LE SII)")]
    public double DeprivationMortalityGradient { get; init; } = 0.75;

    /// <summary>Deprivation gradient of not-good health: log odds ratio between the extreme deciles / 0.9 (calibrated to the ONS HLE SII).</summary>
    [AllowedRange(0, 5), Meaning("Deprivation gradient of not-good health: log odds ratio between the extreme deciles / 0.9 (calibrated to the ONS HLE SII)")]
    public double DeprivationIllHealthGradient { get; init; } = 1.25;

    /// <summary>Live births per resident per year (ONS 2022: 10.1 per 1,000).</summary>
    [AllowedRange(0, 0.1), Meaning("Live births per resident per year (ONS 2022: 10.1 per 1,000)")]
    public double BirthsPerPersonPerYear { get; init; } = 0.0101;

    /// <summary>NHS cost per prevalent case of cardiovascular disease per year, £ (BHF: £7.4bn / 7.6m).</summary>
    [AllowedRange(0, 1e6), Meaning("NHS cost per prevalent case of cardiovascular disease per year, £ (BHF: £7.4bn / 7.6m)")]
    public double CardiovascularCostGbpPerCase { get; init; } = 970;

    /// <summary>NHS cost per prevalent case of type 2 diabetes per year, £ (Diabetes UK: ~£10bn / 4.3m).</summary>
    [AllowedRange(0, 1e6), Meaning("NHS cost per prevalent case of type 2 diabetes per year, £ (Diabetes UK: ~£10bn / 4.3m)")]
    public double DiabetesCostGbpPerCase { get; init; } = 2_300;

    /// <summary>NHS cost per prevalent case of chronic respiratory disease per year, £ (COPD: £1.9bn / 1.2m).</summary>
    [AllowedRange(0, 1e6), Meaning("NHS cost per prevalent case of chronic respiratory disease per year, £ (COPD: £1.9bn / 1.2m)")]
    public double RespiratoryCostGbpPerCase { get; init; } = 1_600;

    /// <summary>NHS cost per case of common mental disorder per year, £ (King's Fund 'Paying the Price').</summary>
    [AllowedRange(0, 1e6), Meaning("NHS cost per case of common mental disorder per year, £ (King's Fund 'Paying the Price')")]
    public double MentalDisorderCostGbpPerCase { get; init; } = 700;

    /// <summary>NHS cost per excessively cold home per year, £ (BRE 2023: £540m / 700k homes).</summary>
    [AllowedRange(0, 1e6), Meaning("NHS cost per excessively cold home per year, £ (BRE 2023: £540m / 700k homes)")]
    public double ColdHomeCostGbpPerHome { get; init; } = 771;

    /// <summary>Health-state utility of a person in good or very good health (EQ-5D UK norms).</summary>
    [AllowedRange(0, 1), Meaning("Health-state utility of a person in good or very good health (EQ-5D UK norms)")]
    public double UtilityInGoodHealth { get; init; } = 0.90;

    /// <summary>Health-state utility of a person not in good health.</summary>
    [AllowedRange(0, 1), Meaning("Health-state utility of a person not in good health")]
    public double UtilityNotInGoodHealth { get; init; } = 0.60;

    /// <summary>Remission of common mental disorders per year (episodes last months).</summary>
    [AllowedRange(0, 1), Meaning("Remission of common mental disorders per year (episodes last months)")]
    public double MentalDisorderRemissionPerYear { get; init; } = 0.5;
}
