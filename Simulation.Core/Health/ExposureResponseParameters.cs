namespace UrbanSim.Core.Health;

/// <summary>
/// Coefficients of the exposure–response functions in <see cref="ExposureResponse"/>. <see cref="Default"/>
/// holds the central published estimates; a simulation samples the uncertain ones per replication
/// (for example <c>Default with { WalkingRelativeRiskAtReference = draw }</c>) and passes them in.
/// </summary>
/// <remarks>
/// <c>default(ExposureResponseParameters)</c> is all zeros and meaningless; start from <see cref="Default"/>.
/// </remarks>
internal readonly record struct ExposureResponseParameters
{
    /// <summary>Lower end of the 95% interval of <see cref="WalkingRelativeRiskAtReference"/>. Source: WHO HEAT (Kelly et al. 2014).</summary>
    public const double WalkingRelativeRiskLower95 = 0.83;

    /// <summary>Upper end of the 95% interval of <see cref="WalkingRelativeRiskAtReference"/>. Source: WHO HEAT (Kelly et al. 2014).</summary>
    public const double WalkingRelativeRiskUpper95 = 0.96;

    /// <summary>Lower end of the 95% interval of <see cref="CyclingRelativeRiskAtReference"/>. Source: WHO HEAT (Kelly et al. 2014).</summary>
    public const double CyclingRelativeRiskLower95 = 0.87;

    /// <summary>Upper end of the 95% interval of <see cref="CyclingRelativeRiskAtReference"/>. Source: WHO HEAT (Kelly et al. 2014).</summary>
    public const double CyclingRelativeRiskUpper95 = 0.94;

    /// <summary>Lower end of the 95% interval of <see cref="Pm25RelativeRiskPer10MicrogramsPerM3"/>. Source: WHO 2021 (Chen &amp; Hoek 2020).</summary>
    public const double Pm25RelativeRiskLower95 = 1.06;

    /// <summary>Upper end of the 95% interval of <see cref="Pm25RelativeRiskPer10MicrogramsPerM3"/>. Source: WHO 2021 (Chen &amp; Hoek 2020).</summary>
    public const double Pm25RelativeRiskUpper95 = 1.09;

    /// <summary>All-cause mortality RR of walking <see cref="WalkingReferenceMinutesPerWeek"/> versus none.</summary>
    public double WalkingRelativeRiskAtReference { get; init; }

    /// <summary>Walking volume at which <see cref="WalkingRelativeRiskAtReference"/> was estimated.</summary>
    public double WalkingReferenceMinutesPerWeek { get; init; }

    /// <summary>Largest all-cause mortality reduction walking can give (HEAT cap).</summary>
    public double WalkingMaximumRiskReduction { get; init; }

    /// <summary>All-cause mortality RR of cycling <see cref="CyclingReferenceMinutesPerWeek"/> versus none.</summary>
    public double CyclingRelativeRiskAtReference { get; init; }

    /// <summary>Cycling volume at which <see cref="CyclingRelativeRiskAtReference"/> was estimated.</summary>
    public double CyclingReferenceMinutesPerWeek { get; init; }

    /// <summary>Largest all-cause mortality reduction cycling can give (HEAT cap).</summary>
    public double CyclingMaximumRiskReduction { get; init; }

    /// <summary>All-cause mortality RR per 10 µg/m³ of PM2.5.</summary>
    public double Pm25RelativeRiskPer10MicrogramsPerM3 { get; init; }

    /// <summary>All-cause mortality RR per 10 µg/m³ of NO₂.</summary>
    public double No2RelativeRiskPer10MicrogramsPerM3 { get; init; }

    /// <summary>Chronic respiratory disease incidence RR per 10 µg/m³ of NO₂.</summary>
    public double No2ChronicRespiratoryRelativeRiskPer10MicrogramsPerM3 { get; init; }

    /// <summary>Common mental disorder incidence RR per +0.1 NDVI within 500 m of home.</summary>
    public double GreenSpaceMentalDisorderRelativeRiskPerTenthNdvi { get; init; }

    /// <summary>Common mental disorder incidence RR of living in an excessively cold home versus not.</summary>
    public double ColdHomeMentalDisorderRelativeRisk { get; init; }

    /// <summary>All-cause mortality RR per +0.1 NDVI within 500 m of home.</summary>
    public double GreenSpaceRelativeRiskPerTenthNdvi { get; init; }

    /// <summary>All-cause mortality RR, ages 65+, of living in an excessively cold home versus not.</summary>
    public double ColdHomeRelativeRisk { get; init; }

    /// <summary>Marginal METs of walking (METs above rest).</summary>
    public double WalkingMarginalMets { get; init; }

    /// <summary>Marginal METs of cycling (METs above rest).</summary>
    public double CyclingMarginalMets { get; init; }

    /// <summary>Physical activity dose above which disease risk falls no further, marginal MET-hours per week.</summary>
    public double DiseaseMarginalMetHoursPerWeekCap { get; init; }

    /// <summary>Power applied to relative dose in the disease dose–response curves.</summary>
    public double DiseaseDoseResponsePower { get; init; }

    /// <summary>Cardiovascular disease incidence RR at <see cref="CardiovascularReferenceMarginalMetHoursPerWeek"/>.</summary>
    public double CardiovascularRelativeRiskAtReference { get; init; }

    /// <summary>Activity dose at which <see cref="CardiovascularRelativeRiskAtReference"/> was estimated.</summary>
    public double CardiovascularReferenceMarginalMetHoursPerWeek { get; init; }

    /// <summary>Type 2 diabetes incidence RR at <see cref="Type2DiabetesReferenceMarginalMetHoursPerWeek"/>.</summary>
    public double Type2DiabetesRelativeRiskAtReference { get; init; }

    /// <summary>Activity dose at which <see cref="Type2DiabetesRelativeRiskAtReference"/> was estimated.</summary>
    public double Type2DiabetesReferenceMarginalMetHoursPerWeek { get; init; }

    /// <summary>Depression incidence RR at <see cref="CommonMentalDisorderReferenceMarginalMetHoursPerWeek"/>.</summary>
    public double CommonMentalDisorderRelativeRiskAtReference { get; init; }

    /// <summary>Activity dose at which <see cref="CommonMentalDisorderRelativeRiskAtReference"/> was estimated.</summary>
    public double CommonMentalDisorderReferenceMarginalMetHoursPerWeek { get; init; }

    /// <summary>Cardiovascular disease incidence RR per 10 µg/m³ of PM2.5.</summary>
    public double Pm25CardiovascularRelativeRiskPer10MicrogramsPerM3 { get; init; }

    /// <summary>Chronic respiratory disease incidence RR per 10 µg/m³ of PM2.5.</summary>
    public double Pm25ChronicRespiratoryRelativeRiskPer10MicrogramsPerM3 { get; init; }

    /// <summary>Central published estimates.</summary>
    public static ExposureResponseParameters Default { get; } = new()
    {
        // WHO HEAT (Kelly et al. 2014, IJBNPA; HEAT 2017 guide): RR 0.89 (0.83–0.96) at 168 min/week, cap 30%.
        WalkingRelativeRiskAtReference = 0.89,
        WalkingReferenceMinutesPerWeek = 168,
        WalkingMaximumRiskReduction = 0.30,

        // WHO HEAT (Kelly et al. 2014): RR 0.90 (0.87–0.94) at 100 min/week, cap 45%.
        CyclingRelativeRiskAtReference = 0.90,
        CyclingReferenceMinutesPerWeek = 100,
        CyclingMaximumRiskReduction = 0.45,

        // WHO 2021 air quality guidelines review (Chen & Hoek 2020): 1.08 (1.06–1.09) per 10 µg/m³.
        Pm25RelativeRiskPer10MicrogramsPerM3 = 1.08,
        // WHO 2021 / Atkinson et al. 2018: all-cause mortality 1.02 (1.01–1.04) per 10 µg/m³ NO₂.
        No2RelativeRiskPer10MicrogramsPerM3 = 1.02,
        // Atkinson et al. 2018: respiratory mortality about 1.03 per 10 µg/m³ NO₂ (used for incidence, as for PM2.5).
        No2ChronicRespiratoryRelativeRiskPer10MicrogramsPerM3 = 1.03,
        // Mental health: assumptions with wide distributions in the bundled scenarios (docs/model.md §7.17).
        GreenSpaceMentalDisorderRelativeRiskPerTenthNdvi = 0.96,
        ColdHomeMentalDisorderRelativeRisk = 1.3,

        // Rojas-Rueda et al. 2019, Lancet Planetary Health: about 4% lower mortality per +0.1 NDVI within 500 m.
        GreenSpaceRelativeRiskPerTenthNdvi = 0.96,

        // Derived in ExposureResponse.ColdHomeRelativeRisk from Marmot Review Team 2011 and ONS excess winter mortality.
        ColdHomeRelativeRisk = 1.054,

        // ITHIM-R: walking 3.5 METs and cycling 6.8 METs, minus 1 MET of rest.
        WalkingMarginalMets = 2.5,
        CyclingMarginalMets = 5.8,

        // ITHIM-R R/PA_dose_response.R: 0.5-power transform of dose, cap 35 marginal MET-h/week for diseases.
        DiseaseMarginalMetHoursPerWeekCap = 35,
        DiseaseDoseResponsePower = 0.5,

        // Wahid et al. 2016, JAHA: 17% lower cardiovascular disease at 11.25 MET-h/week (150 min moderate).
        CardiovascularRelativeRiskAtReference = 0.83,
        CardiovascularReferenceMarginalMetHoursPerWeek = 11.25,

        // Smith et al. 2016, Diabetologia: 26% lower type 2 diabetes at 11.25 MET-h/week.
        Type2DiabetesRelativeRiskAtReference = 0.74,
        Type2DiabetesReferenceMarginalMetHoursPerWeek = 11.25,

        // Pearce et al. 2022, JAMA Psychiatry: 25% lower depression at 8.8 marginal MET-h/week.
        CommonMentalDisorderRelativeRiskAtReference = 0.75,
        CommonMentalDisorderReferenceMarginalMetHoursPerWeek = 8.8,

        // Chen & Hoek 2020: circulatory disease 1.11 per 10 µg/m³; COPD 1.11 per 10 µg/m³.
        Pm25CardiovascularRelativeRiskPer10MicrogramsPerM3 = 1.11,
        Pm25ChronicRespiratoryRelativeRiskPer10MicrogramsPerM3 = 1.11,
    };

    /// <summary>Maps the scenario's health parameters onto the exposure–response functions' parameters.</summary>
    public static ExposureResponseParameters From(Scenarios.HealthParameters h) => Default with
    {
        WalkingRelativeRiskAtReference = h.WalkingRelativeRisk,
        CyclingRelativeRiskAtReference = h.CyclingRelativeRisk,
        Pm25RelativeRiskPer10MicrogramsPerM3 = h.Pm25RelativeRiskPer10,
        No2RelativeRiskPer10MicrogramsPerM3 = h.No2RelativeRiskPer10,
        No2ChronicRespiratoryRelativeRiskPer10MicrogramsPerM3 = h.RespiratoryNo2RelativeRiskPer10,
        GreenSpaceMentalDisorderRelativeRiskPerTenthNdvi = h.MentalDisorderGreenSpaceRelativeRiskPer01Ndvi,
        ColdHomeMentalDisorderRelativeRisk = h.MentalDisorderColdHomeRelativeRisk,
        GreenSpaceRelativeRiskPerTenthNdvi = h.GreenSpaceRelativeRiskPer01Ndvi,
        ColdHomeRelativeRisk = h.ColdHomeRelativeRisk65Plus,
        CardiovascularRelativeRiskAtReference = h.CardiovascularActivityRelativeRisk,
        Type2DiabetesRelativeRiskAtReference = h.DiabetesActivityRelativeRisk,
        CommonMentalDisorderRelativeRiskAtReference = h.MentalDisorderActivityRelativeRisk,
        Pm25CardiovascularRelativeRiskPer10MicrogramsPerM3 = h.CardiovascularPm25RelativeRiskPer10,
        Pm25ChronicRespiratoryRelativeRiskPer10MicrogramsPerM3 = h.RespiratoryPm25RelativeRiskPer10,
    };
}
