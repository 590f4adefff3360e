using UrbanSim.Core.Agents;

namespace UrbanSim.Core.Engine;

public sealed partial class ReplicationRunner
{
    /// <summary>Homes per 1,000 residents a year that counts as full delivery (England's 300,000 target ≈ 5.3).</summary>
    private const double HomesTargetPerThousandPerYear = 5.3;

    /// <summary>
    /// Step 9: every term, each mayor faces election. Delivery (homes built against the target, and money
    /// received that was actually spent) moves the re-election chance; a new mayor brings a commitment
    /// drawn from the election stream (the same draw in every variant) and re-appraises the programmes.
    /// </summary>
    private void ElectionsIfDue(int year)
    {
        var politics = _p.Politics;
        if ((year + 1) % politics.TermYears != 0) return;
        for (int r = 0; r < _regions; r++)
        {
            double homesTarget = HomesTargetPerThousandPerYear * _regionPopulation[r] / 1000 * politics.TermYears;
            double homesDelivery = homesTarget > 0 ? Math.Min(1, _homesThisTerm[r] / homesTarget) : 0;
            double spendDelivery = _receivedThisTerm[r] > 0 ? Math.Min(1, _spentThisTerm[r] / _receivedThisTerm[r]) : 0;
            double chance = Mayors.ReelectionProbability(politics.BaseReelectionProbability, politics.DeliveryEffectOnReelection,
                0.5 * homesDelivery + 0.5 * spendDelivery);
            if (_random.Uniform(RngStream.Elections, year, r, 0) < chance)
            {
                _politicalCapital[r] = Math.Min(1, _politicalCapital[r] + 0.2);
            }
            else
            {
                double u = _random.Uniform(RngStream.Elections, year, r, 1);
                _commitment[r] = politics.NewMayorCommitmentMin + (politics.NewMayorCommitmentMax - politics.NewMayorCommitmentMin) * u;
                _politicalCapital[r] = 0.6;
            }
            _homesThisTerm[r] = _spentThisTerm[r] = _receivedThisTerm[r] = 0;
            AppraiseProgrammes(r);
            SetTargeting(r);
        }
    }
}
