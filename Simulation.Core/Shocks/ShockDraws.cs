using UrbanSim.Core.Engine;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Shocks;

/// <summary>Step 1 of a year: recessions, funding cuts and health shocks.</summary>
internal static class ShockDraws
{
    /// <summary>
    /// Draws year <paramref name="year"/>'s shocks from the Shocks stream (the same in every variant): a recession
    /// continues or, with its yearly probability, starts and lasts <see cref="ShockParameters.RecessionYears"/>; a
    /// funding cut and a health shock each happen with their yearly probability.
    /// </summary>
    public static void Draw(ShockParameters s, in ReplicationRandom random, int year, ref ShockState state)
    {
        if (state.RecessionYearsLeft > 0) state.RecessionYearsLeft--;
        if (state.RecessionYearsLeft == 0 && random.Uniform(RngStream.Shocks, year, 0, 0) < s.RecessionProbabilityPerYear)
            state.RecessionYearsLeft = s.RecessionYears;
        state.InRecession = state.RecessionYearsLeft > 0;
        state.FundingCut = random.Uniform(RngStream.Shocks, year, 0, 1) < s.FundingCutProbabilityPerYear;
        state.HealthShock = random.Uniform(RngStream.Shocks, year, 0, 2) < s.HealthShockProbabilityPerYear;
    }
}
