using System.Collections.Immutable;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Health;

/// <summary>Non-communicable diseases whose incidence the model links to urban exposures, in the order of disease arrays.</summary>
public enum Disease
{
    /// <summary>Cardiovascular disease (coronary heart disease and stroke).</summary>
    Cardiovascular,

    /// <summary>Type 2 diabetes.</summary>
    Type2Diabetes,

    /// <summary>Chronic respiratory disease (chronic obstructive pulmonary disease).</summary>
    ChronicRespiratory,

    /// <summary>Common mental disorders (depression).</summary>
    CommonMentalDisorder,
}

/// <summary>
/// What the model knows about one disease, declared once in <see cref="DiseaseCatalogue"/>: England's start-year
/// prevalence by age band, its deprivation gradient, the extra ill health of a case, what a case costs the NHS
/// and how fast cases remit. Which exposures change its incidence is in
/// <see cref="ExposureResponse.DiseaseIncidenceRelativeRisk"/>.
/// </summary>
/// <param name="Id">The disease.</param>
/// <param name="Name">snake_case name used in outputs.</param>
/// <param name="Label">Plain-English label.</param>
/// <param name="Prevalence">Share of each of the 19 age bands with the disease at the start (England).</param>
/// <param name="DeprivationGradient">Log prevalence ratio, most vs least deprived decile / 0.9 (see <see cref="DiseaseBaseline.DeprivationScore"/>).</param>
/// <param name="IllHealthExcess">Extra probability that a person with the disease reports less than good health.</param>
/// <param name="CostGbpPerCase">NHS treatment cost per prevalent case per year, £, from the scenario's health parameters.</param>
/// <param name="RemissionPerYear">Share of cases remitting in a year, from the scenario's health parameters.</param>
/// <param name="Source">Where the prevalence, gradient and excess come from.</param>
public sealed record DiseaseDefinition(
    Disease Id, string Name, string Label, ImmutableArray<double> Prevalence, double DeprivationGradient, double IllHealthExcess,
    Func<HealthParameters, double> CostGbpPerCase, Func<HealthParameters, double> RemissionPerYear, string Source)
{
    /// <summary>
    /// Share of deaths at ages 30+ whose underlying cause is the disease (ONS deaths registered in England and Wales,
    /// 2019): the part of mortality a sustained proportional fall in its incidence removes, in proportion, once
    /// prevalence has followed (<see cref="ShareOfDeathsSource"/>). Used for prevention only, whose effect does not come
    /// through the exposures' all-cause relative risks (those already carry the diseases' deaths).
    /// </summary>
    public double ShareOfDeaths { get; init; }

    /// <summary>Where <see cref="ShareOfDeaths"/> comes from.</summary>
    public string ShareOfDeathsSource { get; init; } = "";
}

/// <summary>The model's diseases, declared once; everything that lists or loops over diseases reads this.</summary>
public static class DiseaseCatalogue
{
    /// <summary>Number of diseases.</summary>
    public const int Count = 4;

    /// <summary>Every disease, in the order of <see cref="Disease"/>.</summary>
    public static readonly ImmutableArray<DiseaseDefinition> All =
    [
        new(Disease.Cardiovascular, "cardiovascular", "Cardiovascular disease",
            [0, 0.001, 0.001, 0.001, 0.002, 0.003, 0.004, 0.006, 0.010, 0.015, 0.025, 0.040, 0.060, 0.085, 0.120, 0.160, 0.210, 0.260, 0.310],
            0.5, 0.35, h => h.CardiovascularCostGbpPerCase, _ => 0,
            "CHD, stroke, heart failure: HSE 2017, QOF (rounded); QOF by IMD quintile about 1.6×; HSE general health by longstanding condition")
        { ShareOfDeaths = 0.24, ShareOfDeathsSource = "ONS 2019: diseases of the circulatory system (I00–I99), about 24% of deaths" },
        new(Disease.Type2Diabetes, "type2_diabetes", "Type 2 diabetes",
            [0, 0, 0, 0.0005, 0.002, 0.004, 0.006, 0.010, 0.018, 0.030, 0.045, 0.065, 0.085, 0.105, 0.125, 0.140, 0.150, 0.150, 0.150],
            0.7, 0.25, h => h.DiabetesCostGbpPerCase, _ => 0,
            "Diagnosed type 2 diabetes: HSE 2019, QOF (rounded, held flat at the oldest ages); QOF by IMD quintile about 2×")
        { ShareOfDeaths = 0.013, ShareOfDeathsSource = "ONS 2019: diabetes (E10–E14) as underlying cause, about 1.3% of deaths (a contributing cause of many more)" },
        new(Disease.ChronicRespiratory, "chronic_respiratory", "Chronic respiratory disease",
            [0, 0, 0, 0, 0, 0.001, 0.001, 0.002, 0.003, 0.006, 0.010, 0.018, 0.028, 0.040, 0.055, 0.070, 0.080, 0.085, 0.085],
            0.9, 0.40, h => h.RespiratoryCostGbpPerCase, _ => 0,
            "COPD: QOF register by age (rounded); QOF by IMD quintile about 2.5×")
        { ShareOfDeaths = 0.055, ShareOfDeathsSource = "ONS 2019: chronic lower respiratory diseases (J40–J47), about 5.5% of deaths" },
        new(Disease.CommonMentalDisorder, "common_mental_disorder", "Common mental disorders",
            [0, 0.01, 0.04, 0.06, 0.19, 0.19, 0.17, 0.17, 0.18, 0.18, 0.19, 0.19, 0.16, 0.16, 0.10, 0.10, 0.08, 0.08, 0.08],
            0.5, 0.45, h => h.MentalDisorderCostGbpPerCase, h => h.MentalDisorderRemissionPerYear,
            "APMS 2014 for 16+, MHCYP 2017 for children (rounded); QOF by IMD quintile about 1.6×")
        { ShareOfDeaths = 0.01, ShareOfDeathsSource = "ONS 2019: suicide and injury of undetermined intent, about 1% of deaths (as the deaths common mental disorders cause)" },
    ];

    /// <summary>The definition of <paramref name="disease"/>.</summary>
    public static DiseaseDefinition Of(Disease disease) => All[(int)disease];
}
