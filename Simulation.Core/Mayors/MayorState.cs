using UrbanSim.Core.Health;

namespace UrbanSim.Core.Mayors;

/// <summary>
/// Each region's mayor and mayoralty during a variant: capacity, mission commitment, political capital and
/// analytical capacity; the planning standard applied this year; the term's delivery record; the health value
/// of programmes from the mayor's last appraisal; and the targeting weight of each zone.
/// </summary>
internal sealed class MayorState
{
    internal MayorState(int regions, int zones, int programmes)
    {
        Count = regions;
        Capacity = new double[regions]; Commitment = new double[regions]; PoliticalCapital = new double[regions];
        AnalyticalCapacity = new double[regions]; StandardApplied = new double[regions];
        HomesThisTerm = new double[regions]; SpentThisTermGbp = new double[regions]; ReceivedThisTermGbp = new double[regions];
        ReceivedTotalGbp = new double[regions]; MayorsElected = new int[regions];
        ExposureValueGbp = new double[regions * ExposureCatalogue.Count];
        DiseaseIncidenceValueGbp = new double[regions * DiseaseCatalogue.Count];
        ExposureAppraisal = new HealthValue[regions * ExposureCatalogue.Count];
        DiseaseAppraisal = new HealthValue[regions * DiseaseCatalogue.Count];
        BeliefError = new double[regions * programmes];
        DeliveredThisYearGbp = new double[regions * programmes];
        ZoneTargetingWeight = new double[zones];
        Programmes = programmes;
    }

    /// <summary>Number of regions.</summary>
    public int Count { get; }
    /// <summary>Number of programmes appraised.</summary>
    public int Programmes { get; }
    /// <summary>[region] delivery capacity (0–1): bid success, and the floor analytical capacity decays to.</summary>
    public readonly double[] Capacity;
    /// <summary>[region] mission commitment (0–1): weight on health and on the most deprived places.</summary>
    public readonly double[] Commitment;
    /// <summary>[region] political capital (0–1): how much of a planning standard the mayor can enforce.</summary>
    public readonly double[] PoliticalCapital;
    /// <summary>[region] analytical capacity (0–1): how much of health value the mayor can count.</summary>
    public readonly double[] AnalyticalCapacity;
    /// <summary>[region] planning health standard applied this year.</summary>
    public readonly double[] StandardApplied;
    /// <summary>[region] homes completed this term.</summary>
    public readonly double[] HomesThisTerm;
    /// <summary>[region] programme money spent this term, £.</summary>
    public readonly double[] SpentThisTermGbp;
    /// <summary>[region] money received this term, £.</summary>
    public readonly double[] ReceivedThisTermGbp;
    /// <summary>[region] new mayors elected over the variant (0: the first mayor served throughout).</summary>
    public readonly int[] MayorsElected;
    /// <summary>[region] central money received over the variant, £.</summary>
    public readonly double[] ReceivedTotalGbp;
    /// <summary>
    /// [region * exposures + exposure] what the mayor believes a unit improvement of the exposure is worth, £ a year per
    /// resident: the appraisal's parts blended by analytical capacity (<see cref="MayorKnowledge"/>), set each year.
    /// </summary>
    public readonly double[] ExposureValueGbp;
    /// <summary>[region * diseases + disease] what the mayor believes a full (100%) cut in the disease's incidence is worth, £ a year per resident.</summary>
    public readonly double[] DiseaseIncidenceValueGbp;
    /// <summary>[region * exposures + exposure] the full appraisal of a unit improvement, by part (last appraisal).</summary>
    public readonly HealthValue[] ExposureAppraisal;
    /// <summary>[region * diseases + disease] the full appraisal of a 100% cut in incidence, by part (last appraisal).</summary>
    public readonly HealthValue[] DiseaseAppraisal;
    /// <summary>
    /// [region * programmes + programme] the mayoralty's error in a programme's health value, on the log scale: drawn
    /// at the start, shrunk by what it learns from its own delivery and from other mayoralties; it acts in proportion to
    /// how little analytical capacity the mayoralty has.
    /// </summary>
    public readonly double[] BeliefError;
    /// <summary>[region * programmes + programme] spend delivered this year, £ (what the mayoralty learns from).</summary>
    public readonly double[] DeliveredThisYearGbp;
    /// <summary>[zone] targeting weight per resident from its mayor's commitment (proportionate universalism).</summary>
    public readonly double[] ZoneTargetingWeight;
}

/// <summary>
/// A health value split the way a HAUS-like appraisal reports it, £ a year per resident: QALYs from deaths prevented,
/// QALYs from ill health prevented (morbidity), and the NHS treatment costs saved, which land on the ICB, not the mayor.
/// </summary>
/// <param name="MortalityGbp">QALYs of deaths prevented × £70,000.</param>
/// <param name="MorbidityGbp">QALYs of ill health prevented × £70,000.</param>
/// <param name="NhsSavingGbp">NHS treatment costs saved, £.</param>
internal readonly record struct HealthValue(double MortalityGbp, double MorbidityGbp, double NhsSavingGbp);
