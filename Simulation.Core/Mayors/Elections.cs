using UrbanSim.Core.Engine;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Mayors;

/// <summary>
/// Every term, each mayor faces election. Delivery (homes built against the target, and money received that was
/// actually spent) moves the re-election chance; a new mayor brings a commitment drawn from the election stream
/// (the same draw in every variant), held to the mission's commitment as far as a mission compact binds.
/// </summary>
internal static class Elections
{
    /// <summary>Homes per 1,000 residents a year that counts as full delivery (England's 300,000 target ≈ 5.3).</summary>
    public const double HomesTargetPerThousandPerYear = 5.3;

    /// <summary>
    /// Re-election probability: the base rate moved up or down by delivery (0 = nothing delivered,
    /// 0.5 = average, 1 = everything promised).
    /// </summary>
    public static double ReelectionProbability(double baseProbability, double deliveryEffect, double delivery) =>
        Math.Clamp(baseProbability + deliveryEffect * (Math.Clamp(delivery, 0, 1) - 0.5), 0.01, 0.99);

    /// <summary>True when year <paramref name="year"/> ends a term.</summary>
    public static bool Due(int year, PoliticsParameters politics) => (year + 1) % politics.TermYears == 0;

    /// <summary>A new mayor's commitment: compact × the mission's + (1 − compact) × their own, drawn between the parameters' bounds.</summary>
    public static double NewMayorCommitment(double mission, double compact, double ownDraw, PoliticsParameters politics) =>
        Government.NationalSteer.AfterChange(mission, compact,
            politics.NewMayorCommitmentMin + (politics.NewMayorCommitmentMax - politics.NewMayorCommitmentMin) * ownDraw);

    /// <summary>
    /// Step 8 at the end of a term: each region's election. A re-elected mayor gains political capital; a new one
    /// brings a commitment (<see cref="NewMayorCommitment"/>) and starts with the start political capital. The term's
    /// delivery record is cleared. The caller re-appraises and re-targets afterwards.
    /// </summary>
    public static void Hold(MayorState mayors, ReadOnlySpan<double> regionPopulation, PoliticsParameters politics, in ReplicationRandom random, int year,
        double mission, double compact)
    {
        for (int r = 0; r < mayors.Count; r++)
        {
            double homesTarget = HomesTargetPerThousandPerYear * regionPopulation[r] / 1000 * politics.TermYears;
            double homesDelivery = homesTarget > 0 ? Math.Min(1, mayors.HomesThisTerm[r] / homesTarget) : 0;
            double spendDelivery = mayors.ReceivedThisTermGbp[r] > 0 ? Math.Min(1, mayors.SpentThisTermGbp[r] / mayors.ReceivedThisTermGbp[r]) : 0;
            double chance = ReelectionProbability(politics.BaseReelectionProbability, politics.DeliveryEffectOnReelection,
                politics.ElectionHomesWeight * homesDelivery + (1 - politics.ElectionHomesWeight) * spendDelivery);
            if (random.Uniform(RngStream.Elections, year, r, 0) < chance)
            {
                mayors.PoliticalCapital[r] = Math.Min(1, mayors.PoliticalCapital[r] + politics.ReelectionPoliticalCapitalGain);
            }
            else
            {
                mayors.Commitment[r] = NewMayorCommitment(mission, compact, random.Uniform(RngStream.Elections, year, r, 1), politics);
                mayors.PoliticalCapital[r] = politics.StartPoliticalCapital;
                mayors.MayorsElected[r]++;
            }
            mayors.HomesThisTerm[r] = mayors.SpentThisTermGbp[r] = mayors.ReceivedThisTermGbp[r] = 0;
        }
    }
}
