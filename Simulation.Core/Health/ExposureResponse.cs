using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// Exposure–response functions of comparative risk assessment: relative risks (RR) of all-cause
/// mortality and of disease incidence, each relative to zero exposure, with coefficients from
/// <see cref="ExposureResponseParameters"/>. Pure and allocation-free.
/// </summary>
internal static class ExposureResponse
{
    /// <summary>Number of values of <see cref="Exposure"/>.</summary>
    public const int ExposureCount = ExposureCatalogue.Count;

    /// <summary>Upper age used for exposures that apply "and over".</summary>
    public const int OldestAgeYears = ExposureCatalogue.OldestAgeYears;

    /// <summary>Youngest age, in years, to which <paramref name="exposure"/>'s mortality function applies (<see cref="ExposureCatalogue"/>).</summary>
    public static int AgeFromYears(Exposure exposure) => ExposureCatalogue.Of(exposure).AgeFromYears;

    /// <summary>Oldest age, in years, to which <paramref name="exposure"/>'s mortality function applies (<see cref="ExposureCatalogue"/>).</summary>
    public static int AgeToYears(Exposure exposure) => ExposureCatalogue.Of(exposure).AgeToYears;

    /// <summary>
    /// All-cause mortality RR of walking (WHO HEAT): 1 − min(cap, (1 − RRref) · minutes / reference minutes).
    /// The reduction is linear in minutes up to the cap, as HEAT assumes.
    /// </summary>
    public static double WalkingRelativeRisk(in ExposureResponseParameters p, double walkingMinutesPerWeek) =>
        1 - Math.Min(p.WalkingMaximumRiskReduction,
            (1 - p.WalkingRelativeRiskAtReference) * walkingMinutesPerWeek / p.WalkingReferenceMinutesPerWeek);

    /// <summary>All-cause mortality RR of cycling (WHO HEAT): 1 − min(cap, (1 − RRref) · minutes / reference minutes).</summary>
    public static double CyclingRelativeRisk(in ExposureResponseParameters p, double cyclingMinutesPerWeek) =>
        1 - Math.Min(p.CyclingMaximumRiskReduction,
            (1 - p.CyclingRelativeRiskAtReference) * cyclingMinutesPerWeek / p.CyclingReferenceMinutesPerWeek);

    /// <summary>All-cause mortality RR of PM2.5: RRper10^(concentration / 10), log-linear as in WHO 2021.</summary>
    public static double Pm25RelativeRisk(in ExposureResponseParameters p, double pm25MicrogramsPerM3) =>
        Math.Exp(Math.Log(p.Pm25RelativeRiskPer10MicrogramsPerM3) * pm25MicrogramsPerM3 / 10);

    /// <summary>All-cause mortality RR of NO₂: RRper10^(concentration / 10), log-linear as in WHO 2021.</summary>
    public static double No2RelativeRisk(in ExposureResponseParameters p, double no2MicrogramsPerM3) =>
        Math.Exp(Math.Log(p.No2RelativeRiskPer10MicrogramsPerM3) * no2MicrogramsPerM3 / 10);

    /// <summary>All-cause mortality RR of residential greenness: RRper0.1^(NDVI / 0.1) (Rojas-Rueda et al. 2019).</summary>
    public static double GreenSpaceRelativeRisk(in ExposureResponseParameters p, double greenSpaceNdvi) =>
        Math.Exp(Math.Log(p.GreenSpaceRelativeRiskPerTenthNdvi) * greenSpaceNdvi / 0.1);

    /// <summary>
    /// Population all-cause mortality RR at ages 65+ of a share of people living in excessively cold homes:
    /// 1 + share · (RRcold − 1), with RRcold = 1.054 by default.
    /// </summary>
    /// <remarks>
    /// Derivation of RRcold: about 21.5% of England's roughly 28,000 excess winter deaths a year are
    /// attributable to the coldest quarter of homes (Marmot Review Team 2011, "The health impacts of cold
    /// homes and fuel poverty"; ONS excess winter mortality), about 6,000 deaths, which is about 1.33% of the
    /// roughly 450,000 deaths a year at ages 65+. The population attributable fraction of an exposure held
    /// by a share s is PAF = s(RR − 1) / (1 + s(RR − 1)); with s = 0.25 and PAF = 0.0133 this gives
    /// RR − 1 ≈ 0.054.
    /// </remarks>
    public static double ColdHomeRelativeRisk(in ExposureResponseParameters p, double coldHomeShare) =>
        1 + coldHomeShare * (p.ColdHomeRelativeRisk - 1);

    /// <summary>
    /// All-cause mortality RR of one exposure for people inside its age range (see <see cref="AgeFromYears"/>),
    /// relative to zero exposure.
    /// </summary>
    public static double RelativeRisk(in ExposureResponseParameters p, Exposure exposure, in ExposureLevels levels) => exposure switch
    {
        Exposure.Walking => WalkingRelativeRisk(p, levels.WalkingMinutesPerWeek),
        Exposure.Cycling => CyclingRelativeRisk(p, levels.CyclingMinutesPerWeek),
        Exposure.Pm25 => Pm25RelativeRisk(p, levels.Pm25MicrogramsPerM3),
        Exposure.GreenSpace => GreenSpaceRelativeRisk(p, levels.GreenSpaceNdvi),
        Exposure.ColdHomes => ColdHomeRelativeRisk(p, levels.ColdHomeShare),
        Exposure.No2 => No2RelativeRisk(p, levels.No2MicrogramsPerM3),
        _ => throw new ArgumentOutOfRangeException(nameof(exposure), exposure, null),
    };

    /// <summary>
    /// All-cause mortality RR of all exposures combined for age band <paramref name="ageBand"/>, relative to
    /// zero exposure. Exposures combine multiplicatively (independent effects, as in comparative risk
    /// assessment). Where only part of the band lies in an exposure's age range, the factor is diluted to
    /// that share: 1 + share · (RR − 1), assuming ages spread evenly within the band.
    /// </summary>
    public static double AllCauseMortalityRelativeRisk(in ExposureResponseParameters p, int ageBand, in ExposureLevels levels)
    {
        double combined = 1;
        for (int i = 0; i < ExposureCount; i++)
        {
            var exposure = (Exposure)i;
            double share = AgeBands.ShareWithinAges(ageBand, AgeFromYears(exposure), AgeToYears(exposure));
            if (share > 0) combined *= 1 + share * (RelativeRisk(p, exposure, levels) - 1);
        }
        return combined;
    }

    /// <summary>
    /// Physical activity from active travel in marginal MET-hours per week (METs above rest × hours):
    /// walking minutes / 60 · walking marginal METs + cycling minutes / 60 · cycling marginal METs.
    /// </summary>
    public static double MarginalMetHoursPerWeek(in ExposureResponseParameters p, double walkingMinutesPerWeek, double cyclingMinutesPerWeek) =>
        walkingMinutesPerWeek / 60 * p.WalkingMarginalMets + cyclingMinutesPerWeek / 60 * p.CyclingMarginalMets;

    /// <summary>
    /// Disease incidence RR of a physical activity dose, ITHIM-R style:
    /// RRref^((min(dose, cap) / reference dose)^power). Concave in dose, so the first hours matter most;
    /// a negative dose counts as none.
    /// </summary>
    public static double PhysicalActivityRelativeRisk(in ExposureResponseParameters p, double relativeRiskAtReference,
        double referenceMarginalMetHoursPerWeek, double marginalMetHoursPerWeek)
    {
        double dose = Math.Min(Math.Max(marginalMetHoursPerWeek, 0), p.DiseaseMarginalMetHoursPerWeekCap);
        double ratio = dose / referenceMarginalMetHoursPerWeek;
        // exp(ln RR · ratio^power); the square root is the common (ITHIM-R) case and much cheaper than Pow.
        double scaled = p.DiseaseDoseResponsePower == 0.5 ? Math.Sqrt(ratio) : Math.Pow(ratio, p.DiseaseDoseResponsePower);
        return Math.Exp(Math.Log(relativeRiskAtReference) * scaled);
    }

    /// <summary>
    /// Incidence RR of <paramref name="disease"/> from its exposures, relative to none; exposures combine
    /// multiplicatively. Cardiovascular: activity and PM2.5; type 2 diabetes: activity; chronic respiratory: PM2.5
    /// and NO₂; common mental disorders: activity, greenness (RRper0.1^(NDVI / 0.1)) and cold homes
    /// (1 + share · (RRcold − 1)).
    /// </summary>
    public static double DiseaseIncidenceRelativeRisk(in ExposureResponseParameters p, Disease disease, in ExposureLevels levels)
    {
        double mets = MarginalMetHoursPerWeek(p, levels.WalkingMinutesPerWeek, levels.CyclingMinutesPerWeek);
        double pm25Per10 = levels.Pm25MicrogramsPerM3 / 10;
        return disease switch
        {
            Disease.Cardiovascular =>
                PhysicalActivityRelativeRisk(p, p.CardiovascularRelativeRiskAtReference, p.CardiovascularReferenceMarginalMetHoursPerWeek, mets)
                * Math.Exp(Math.Log(p.Pm25CardiovascularRelativeRiskPer10MicrogramsPerM3) * pm25Per10),
            Disease.Type2Diabetes =>
                PhysicalActivityRelativeRisk(p, p.Type2DiabetesRelativeRiskAtReference, p.Type2DiabetesReferenceMarginalMetHoursPerWeek, mets),
            Disease.ChronicRespiratory =>
                Math.Exp(Math.Log(p.Pm25ChronicRespiratoryRelativeRiskPer10MicrogramsPerM3) * pm25Per10
                         + Math.Log(p.No2ChronicRespiratoryRelativeRiskPer10MicrogramsPerM3) * levels.No2MicrogramsPerM3 / 10),
            Disease.CommonMentalDisorder =>
                PhysicalActivityRelativeRisk(p, p.CommonMentalDisorderRelativeRiskAtReference, p.CommonMentalDisorderReferenceMarginalMetHoursPerWeek, mets)
                * Math.Exp(Math.Log(p.GreenSpaceMentalDisorderRelativeRiskPerTenthNdvi) * levels.GreenSpaceNdvi / 0.1)
                * (1 + levels.ColdHomeShare * (p.ColdHomeMentalDisorderRelativeRisk - 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(disease), disease, null),
        };
    }
}
