using System.Runtime.Intrinsics;

namespace UrbanSim.Core.Health;

/// <summary>
/// The exposure–response functions of <see cref="ExposureResponse"/> with their logarithms computed once,
/// for the simulation's yearly loop: evaluates every all-cause and disease-incidence relative risk of a
/// zone in one call. Gives the same values as the one-at-a-time functions (a test checks).
/// </summary>
internal readonly struct CompiledExposureResponse
{
    private readonly ExposureResponseParameters _p;
    private readonly double _lnPm25Per10, _lnGreenPerTenth, _lnNo2Per10, _lnNo2RespiratoryPer10, _lnGreenMentalPerTenth;
    private readonly double _lnCardiovascular, _lnDiabetes, _lnMental, _lnCardiovascularPm25Per10, _lnRespiratoryPm25Per10;
    private readonly bool _squareRoot;
    // Evaluate8's coefficients per unit of exposure, in single precision: each formula's constant divisors folded
    // into one multiplier, and (square-root dose–response) ln RRref × sqrt(dose / reference) as ln RRref / sqrt(reference) × sqrt(dose).
    private readonly Vector256<float> _walkingPerMinute, _walkingCap, _cyclingPerMinute, _cyclingCap, _pm25PerMicrogram, _greenPerNdvi, _coldPerShare;
    private readonly Vector256<float> _walkingMetHoursPerMinute, _cyclingMetHoursPerMinute, _doseCap;
    private readonly Vector256<float> _cardiovascularPerRootDose, _diabetesPerRootDose, _mentalPerRootDose;
    private readonly Vector256<float> _cardiovascularPm25PerMicrogram, _respiratoryPm25PerMicrogram;
    private readonly Vector256<float> _no2PerMicrogram, _respiratoryNo2PerMicrogram, _mentalGreenPerNdvi, _mentalColdPerShare;

    public CompiledExposureResponse(in ExposureResponseParameters p)
    {
        _p = p;
        _lnPm25Per10 = Math.Log(p.Pm25RelativeRiskPer10MicrogramsPerM3);
        _lnGreenPerTenth = Math.Log(p.GreenSpaceRelativeRiskPerTenthNdvi);
        _lnNo2Per10 = Math.Log(p.No2RelativeRiskPer10MicrogramsPerM3);
        _lnNo2RespiratoryPer10 = Math.Log(p.No2ChronicRespiratoryRelativeRiskPer10MicrogramsPerM3);
        _lnGreenMentalPerTenth = Math.Log(p.GreenSpaceMentalDisorderRelativeRiskPerTenthNdvi);
        _lnCardiovascular = Math.Log(p.CardiovascularRelativeRiskAtReference);
        _lnDiabetes = Math.Log(p.Type2DiabetesRelativeRiskAtReference);
        _lnMental = Math.Log(p.CommonMentalDisorderRelativeRiskAtReference);
        _lnCardiovascularPm25Per10 = Math.Log(p.Pm25CardiovascularRelativeRiskPer10MicrogramsPerM3);
        _lnRespiratoryPm25Per10 = Math.Log(p.Pm25ChronicRespiratoryRelativeRiskPer10MicrogramsPerM3);
        _squareRoot = p.DiseaseDoseResponsePower == 0.5;
        _walkingPerMinute = Of((1 - p.WalkingRelativeRiskAtReference) / p.WalkingReferenceMinutesPerWeek);
        _walkingCap = Of(p.WalkingMaximumRiskReduction);
        _cyclingPerMinute = Of((1 - p.CyclingRelativeRiskAtReference) / p.CyclingReferenceMinutesPerWeek);
        _cyclingCap = Of(p.CyclingMaximumRiskReduction);
        _pm25PerMicrogram = Of(_lnPm25Per10 / 10);
        _greenPerNdvi = Of(_lnGreenPerTenth / 0.1);
        _coldPerShare = Of(p.ColdHomeRelativeRisk - 1);
        _walkingMetHoursPerMinute = Of(p.WalkingMarginalMets / 60);
        _cyclingMetHoursPerMinute = Of(p.CyclingMarginalMets / 60);
        _doseCap = Of(p.DiseaseMarginalMetHoursPerWeekCap);
        _cardiovascularPerRootDose = Of(_lnCardiovascular / Math.Sqrt(p.CardiovascularReferenceMarginalMetHoursPerWeek));
        _diabetesPerRootDose = Of(_lnDiabetes / Math.Sqrt(p.Type2DiabetesReferenceMarginalMetHoursPerWeek));
        _mentalPerRootDose = Of(_lnMental / Math.Sqrt(p.CommonMentalDisorderReferenceMarginalMetHoursPerWeek));
        _cardiovascularPm25PerMicrogram = Of(_lnCardiovascularPm25Per10 / 10);
        _respiratoryPm25PerMicrogram = Of(_lnRespiratoryPm25Per10 / 10);
        _no2PerMicrogram = Of(_lnNo2Per10 / 10);
        _respiratoryNo2PerMicrogram = Of(_lnNo2RespiratoryPer10 / 10);
        _mentalGreenPerNdvi = Of(_lnGreenMentalPerTenth / 0.1);
        _mentalColdPerShare = Of(p.ColdHomeMentalDisorderRelativeRisk - 1);
    }

    /// <summary>
    /// Writes the all-cause RR of each <see cref="Exposure"/> (indexed by the enum) and the incidence RR of
    /// each <see cref="Disease"/> (indexed by the enum) at exposure <paramref name="levels"/>, relative to zero exposure.
    /// </summary>
    public void Evaluate(in ExposureLevels levels, Span<double> allCause, Span<double> diseaseIncidence)
    {
        allCause[(int)Exposure.Walking] = ExposureResponse.WalkingRelativeRisk(_p, levels.WalkingMinutesPerWeek);
        allCause[(int)Exposure.Cycling] = ExposureResponse.CyclingRelativeRisk(_p, levels.CyclingMinutesPerWeek);
        allCause[(int)Exposure.Pm25] = Math.Exp(_lnPm25Per10 * levels.Pm25MicrogramsPerM3 / 10);
        allCause[(int)Exposure.GreenSpace] = Math.Exp(_lnGreenPerTenth * levels.GreenSpaceNdvi / 0.1);
        allCause[(int)Exposure.ColdHomes] = ExposureResponse.ColdHomeRelativeRisk(_p, levels.ColdHomeShare);
        allCause[(int)Exposure.No2] = Math.Exp(_lnNo2Per10 * levels.No2MicrogramsPerM3 / 10);

        double mets = ExposureResponse.MarginalMetHoursPerWeek(_p, levels.WalkingMinutesPerWeek, levels.CyclingMinutesPerWeek);
        double dose = Math.Min(Math.Max(mets, 0), _p.DiseaseMarginalMetHoursPerWeekCap);
        double pm25Per10 = levels.Pm25MicrogramsPerM3 / 10;
        diseaseIncidence[(int)Disease.Cardiovascular] =
            Math.Exp(_lnCardiovascular * Scaled(dose / _p.CardiovascularReferenceMarginalMetHoursPerWeek) + _lnCardiovascularPm25Per10 * pm25Per10);
        diseaseIncidence[(int)Disease.Type2Diabetes] = Math.Exp(_lnDiabetes * Scaled(dose / _p.Type2DiabetesReferenceMarginalMetHoursPerWeek));
        diseaseIncidence[(int)Disease.ChronicRespiratory] = Math.Exp(_lnRespiratoryPm25Per10 * pm25Per10 + _lnNo2RespiratoryPer10 * levels.No2MicrogramsPerM3 / 10);
        diseaseIncidence[(int)Disease.CommonMentalDisorder] = Math.Exp(_lnMental * Scaled(dose / _p.CommonMentalDisorderReferenceMarginalMetHoursPerWeek)
            + _lnGreenMentalPerTenth * levels.GreenSpaceNdvi / 0.1) * (1 + levels.ColdHomeShare * (_p.ColdHomeMentalDisorderRelativeRisk - 1));
    }

    private double Scaled(double ratio) => _squareRoot ? Math.Sqrt(ratio) : Math.Pow(ratio, _p.DiseaseDoseResponsePower);

    /// <summary>True when <see cref="Evaluate8"/> can be used (the ITHIM-R square-root dose–response).</summary>
    public bool SupportsVectors => _squareRoot;

    /// <summary>
    /// <see cref="Evaluate"/> for eight zones at once in single precision: each argument holds one exposure of
    /// eight zones, and each output span receives one vector per exposure or disease (indexed by the enums).
    /// The same formulas as the scalar version, with their constants folded (so no division, and one square root
    /// for the three diseases); requires <see cref="SupportsVectors"/>.
    /// </summary>
    public void Evaluate8(Vector256<float> walking, Vector256<float> cycling, Vector256<float> pm25,
        Vector256<float> greenNdvi, Vector256<float> coldShare, Vector256<float> no2, Span<Vector256<float>> allCause, Span<Vector256<float>> diseaseIncidence)
    {
        if (!_squareRoot) throw new InvalidOperationException("Vector evaluation needs the square-root dose–response.");
        var one = Vector256.Create(1f);
        allCause[(int)Exposure.Walking] = one - Vector256.MinNative(_walkingCap, _walkingPerMinute * walking);
        allCause[(int)Exposure.Cycling] = one - Vector256.MinNative(_cyclingCap, _cyclingPerMinute * cycling);
        allCause[(int)Exposure.Pm25] = Vector256.Exp(_pm25PerMicrogram * pm25);
        allCause[(int)Exposure.GreenSpace] = Vector256.Exp(_greenPerNdvi * greenNdvi);
        allCause[(int)Exposure.ColdHomes] = Vector256.FusedMultiplyAdd(coldShare, _coldPerShare, one);
        allCause[(int)Exposure.No2] = Vector256.Exp(_no2PerMicrogram * no2);

        var mets = Vector256.FusedMultiplyAdd(walking, _walkingMetHoursPerMinute, cycling * _cyclingMetHoursPerMinute);
        var rootDose = Vector256.Sqrt(Vector256.MinNative(Vector256.MaxNative(mets, Vector256<float>.Zero), _doseCap));
        diseaseIncidence[(int)Disease.Cardiovascular] = Vector256.Exp(
            Vector256.FusedMultiplyAdd(_cardiovascularPerRootDose, rootDose, _cardiovascularPm25PerMicrogram * pm25));
        diseaseIncidence[(int)Disease.Type2Diabetes] = Vector256.Exp(_diabetesPerRootDose * rootDose);
        diseaseIncidence[(int)Disease.ChronicRespiratory] = Vector256.Exp(
            Vector256.FusedMultiplyAdd(_respiratoryPm25PerMicrogram, pm25, _respiratoryNo2PerMicrogram * no2));
        diseaseIncidence[(int)Disease.CommonMentalDisorder] = Vector256.Exp(
            Vector256.FusedMultiplyAdd(_mentalPerRootDose, rootDose, _mentalGreenPerNdvi * greenNdvi))
            * Vector256.FusedMultiplyAdd(coldShare, _mentalColdPerShare, one);
    }

    private static Vector256<float> Of(double value) => Vector256.Create((float)value);
}
