using UrbanSim.Core.Engine;
using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Mayors;

/// <summary>
/// What a mayoralty knows of health (seed 000 §4.5: local data and valuation tools such as HAUS). With full analytical
/// capacity it sees the appraisal whole: deaths and ill health prevented, and the NHS savings, which it counts as far as
/// its partnership with the ICB makes them its business. With none it sees only deaths, overvalues visible schemes and
/// undervalues invisible ones, and misjudges each programme by an error it corrects as it delivers and learns from
/// other mayoralties (test and learn). Capacity in between blends the two views.
/// </summary>
internal static class MayorKnowledge
{
    /// <summary>
    /// What a mayoralty of analytical capacity <paramref name="analyticalCapacity"/> believes <paramref name="value"/> is
    /// worth: a × (deaths + ill health + <paramref name="nhsShareCounted"/> × NHS savings) + (1 − a) × deaths.
    /// </summary>
    public static double Perceived(in HealthValue value, double analyticalCapacity, double nhsShareCounted)
    {
        double a = Math.Clamp(analyticalCapacity, 0, 1);
        return a * (value.MortalityGbp + value.MorbidityGbp + Math.Clamp(nhsShareCounted, 0, 1) * value.NhsSavingGbp) + (1 - a) * value.MortalityGbp;
    }

    /// <summary>
    /// The factor on a programme's health value from how the mayoralty sees it: (1 + bias × visibility × (1 − a)),
    /// not below 0, × e^((1 − a) × error). Visible schemes (+1) are overvalued and invisible ones (−1) undervalued
    /// without analytical capacity; the error fades as capacity rises.
    /// </summary>
    public static double ProgrammeFactor(int visibility, double visibilityBias, double analyticalCapacity, double beliefError)
    {
        double unseen = 1 - Math.Clamp(analyticalCapacity, 0, 1);
        return Math.Max(0, 1 + visibilityBias * visibility * unseen) * Math.Exp(unseen * beliefError);
    }

    /// <summary>Sets region <paramref name="region"/>'s believed values of each exposure and disease from its last appraisal.</summary>
    public static void SetPerceivedValues(MayorState mayors, int region, double nhsShareCounted)
    {
        double a = mayors.AnalyticalCapacity[region];
        for (int e = 0; e < ExposureCatalogue.Count; e++)
        {
            int i = region * ExposureCatalogue.Count + e;
            mayors.ExposureValueGbp[i] = Perceived(mayors.ExposureAppraisal[i], a, nhsShareCounted);
        }
        for (int d = 0; d < DiseaseCatalogue.Count; d++)
        {
            int i = region * DiseaseCatalogue.Count + d;
            mayors.DiseaseIncidenceValueGbp[i] = Perceived(mayors.DiseaseAppraisal[i], a, nhsShareCounted);
        }
    }

    /// <summary>
    /// Start of a variant: each mayoralty's first error in each programme's value, normal with the politics'
    /// appraisal noise as standard deviation, drawn from the appraisal stream (the same in every variant).
    /// </summary>
    public static void DrawBeliefErrors(MayorState mayors, in ReplicationRandom random, double noiseSd)
    {
        for (int r = 0; r < mayors.Count; r++)
            for (int p = 0; p < mayors.Programmes; p++)
                mayors.BeliefError[r * mayors.Programmes + p] = noiseSd * random.StandardNormal(RngStream.Appraisal, 0, r, p);
    }

    /// <summary>
    /// End of a year: each mayoralty learns. From its own delivery, it corrects a share own rate × analytical capacity
    /// × evidence of its error in each programme it delivered (evidence = this year's spend per resident over the spend
    /// that gives full evidence, up to 1);
    /// from the others, it moves a share of the way to their mean error (cross-regional learning: independent errors
    /// average out). Both at once, from the errors at the start of the step, so region order does not matter.
    /// </summary>
    public static void Learn(MayorState mayors, ReadOnlySpan<double> regionPopulation, PoliticsParameters politics, Span<double> scratch)
    {
        int regions = mayors.Count, programmes = mayors.Programmes;
        var before = scratch[..(regions * programmes)];
        mayors.BeliefError.AsSpan(0, regions * programmes).CopyTo(before);
        for (int p = 0; p < programmes; p++)
        {
            double total = 0;
            for (int r = 0; r < regions; r++) total += before[r * programmes + p];
            for (int r = 0; r < regions; r++)
            {
                int i = r * programmes + p;
                double evidence = regionPopulation[r] > 0 ? Math.Min(1, mayors.DeliveredThisYearGbp[i] / regionPopulation[r] / politics.LearningFullEvidenceGbpPerHead) : 0;
                double own = politics.OwnLearningPerYear * Math.Clamp(mayors.AnalyticalCapacity[r], 0, 1) * evidence;
                double othersMean = regions > 1 ? (total - before[i]) / (regions - 1) : before[i];
                mayors.BeliefError[i] = before[i] * (1 - own) + politics.PeerLearningPerYear * (othersMean - before[i]);
            }
        }
    }
}
