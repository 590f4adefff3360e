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
        ReceivedTotalGbp = new double[regions];
        ExposureValueGbp = new double[regions * ExposureCatalogue.Count];
        DiseaseIncidenceValueGbp = new double[regions * DiseaseCatalogue.Count];
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
    /// <summary>[region] central money received over the variant, £.</summary>
    public readonly double[] ReceivedTotalGbp;
    /// <summary>[region * exposures + exposure] £ of QALYs a year per resident of a unit improvement of the exposure (last appraisal).</summary>
    public readonly double[] ExposureValueGbp;
    /// <summary>[region * diseases + disease] £ of QALYs a year per resident of a full (100%) cut in the disease's incidence (last appraisal).</summary>
    public readonly double[] DiseaseIncidenceValueGbp;
    /// <summary>[zone] targeting weight per resident from its mayor's commitment (proportionate universalism).</summary>
    public readonly double[] ZoneTargetingWeight;
}
