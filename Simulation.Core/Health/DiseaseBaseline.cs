using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// England's start-year disease prevalence by age band, the population's age structure, the
/// national reference exposures, and the deprivation gradients of each disease. Rounded from the
/// sources cited per table; see docs/model.md.
/// </summary>
public static class DiseaseBaseline
{
    /// <summary>England population share by age band (ONS mid-2022 population estimates, rounded).</summary>
    public static ReadOnlySpan<double> PopulationShare =>
    [
        0.0100, 0.0441, 0.0591, 0.0611, 0.0571, 0.0611, 0.0661, 0.0691, 0.0671, 0.0631,
        0.0621, 0.0681, 0.0671, 0.0581, 0.0501, 0.0501, 0.0371, 0.0251, 0.0240,
    ];

    /// <summary>Cardiovascular disease (CHD, stroke, heart failure), share of the band (HSE 2017, QOF; rounded).</summary>
    public static ReadOnlySpan<double> CardiovascularPrevalence =>
    [
        0, 0.001, 0.001, 0.001, 0.002, 0.003, 0.004, 0.006, 0.010, 0.015,
        0.025, 0.040, 0.060, 0.085, 0.120, 0.160, 0.210, 0.260, 0.310,
    ];

    /// <summary>Diagnosed type 2 diabetes, share of the band (HSE 2019, QOF; rounded, held flat at the oldest ages).</summary>
    public static ReadOnlySpan<double> DiabetesPrevalence =>
    [
        0, 0, 0, 0.0005, 0.002, 0.004, 0.006, 0.010, 0.018, 0.030,
        0.045, 0.065, 0.085, 0.105, 0.125, 0.140, 0.150, 0.150, 0.150,
    ];

    /// <summary>Chronic respiratory disease (COPD), share of the band (QOF COPD register by age; rounded).</summary>
    public static ReadOnlySpan<double> RespiratoryPrevalence =>
    [
        0, 0, 0, 0, 0, 0.001, 0.001, 0.002, 0.003, 0.006,
        0.010, 0.018, 0.028, 0.040, 0.055, 0.070, 0.080, 0.085, 0.085,
    ];

    /// <summary>Common mental disorders, share of the band (APMS 2014 for 16+; MHCYP 2017 for children; rounded).</summary>
    public static ReadOnlySpan<double> MentalDisorderPrevalence =>
    [
        0, 0.01, 0.04, 0.06, 0.19, 0.19, 0.17, 0.17, 0.18, 0.18,
        0.19, 0.19, 0.16, 0.16, 0.10, 0.10, 0.08, 0.08, 0.08,
    ];

    /// <summary>Prevalence table of a disease.</summary>
    public static ReadOnlySpan<double> Prevalence(Disease disease) => disease switch
    {
        Disease.Cardiovascular => CardiovascularPrevalence,
        Disease.Type2Diabetes => DiabetesPrevalence,
        Disease.ChronicRespiratory => RespiratoryPrevalence,
        Disease.CommonMentalDisorder => MentalDisorderPrevalence,
        _ => throw new ArgumentOutOfRangeException(nameof(disease)),
    };

    /// <summary>
    /// Log prevalence ratio of a disease, most vs least deprived decile (QOF registers by IMD quintile:
    /// COPD about 2.5×, diabetes about 2×, CVD and common mental disorders about 1.6×; rounded).
    /// </summary>
    public static double DeprivationGradient(Disease disease) => disease switch
    {
        Disease.Cardiovascular => 0.5,
        Disease.Type2Diabetes => 0.7,
        Disease.ChronicRespiratory => 0.9,
        Disease.CommonMentalDisorder => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(disease)),
    };

    /// <summary>
    /// Deprivation multiplier of a disease's prevalence and incidence in a decile (1 = most deprived):
    /// exp(gradient × score), normalised so that the ten deciles average 1.
    /// </summary>
    public static double DeprivationMultiplier(Disease disease, int decile) => DeprivationMultipliers[(int)disease * 10 + decile - 1];

    private static readonly double[] DeprivationMultipliers = BuildDeprivationMultipliers();

    private static double[] BuildDeprivationMultipliers()
    {
        var multipliers = new double[4 * 10];
        for (int d = 0; d < 4; d++)
        {
            double gradient = DeprivationGradient((Disease)d), norm = 0;
            for (int decile = 1; decile <= 10; decile++) norm += Math.Exp(gradient * DeprivationScore(decile)) / 10;
            for (int decile = 1; decile <= 10; decile++) multipliers[d * 10 + decile - 1] = Math.Exp(gradient * DeprivationScore(decile)) / norm;
        }
        return multipliers;
    }

    /// <summary>
    /// Extra probability that a person with the disease reports less than good health
    /// (HSE general health by longstanding condition; rounded).
    /// </summary>
    public static double IllHealthExcess(Disease disease) => disease switch
    {
        Disease.Cardiovascular => 0.35,
        Disease.Type2Diabetes => 0.25,
        Disease.ChronicRespiratory => 0.40,
        Disease.CommonMentalDisorder => 0.45,
        _ => throw new ArgumentOutOfRangeException(nameof(disease)),
    };

    /// <summary>
    /// Deprivation score of a decile: +0.45 for the most deprived (1) to −0.45 for the least (10);
    /// multipliers are exp(gradient × score), so a gradient is the log ratio between the extremes / 0.9.
    /// </summary>
    public static double DeprivationScore(int decile) => 0.5 - (decile - 0.5) / 10.0;

    /// <summary>National reference exposures (England averages; sources in docs/model.md).</summary>
    public static ExposureLevels EnglandExposure => new(
        WalkingMinutesPerWeek: 80,      // NTS 2019: ~250 walking trips/person/yr × ~17 min
        CyclingMinutesPerWeek: 6,       // NTS 2019: ~15 cycle trips/person/yr × ~20 min
        Pm25MicrogramsPerM3: 9.5,       // Defra PCM, population-weighted England mean ~2019
        GreenSpaceNdvi: 0.35,           // typical urban residential NDVI within 500 m
        ColdHomeShare: 0.06);           // EHS: excess cold and damp hazards
}
