using UrbanSim.Core.Engine;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Government;

/// <summary>
/// Central government as an agent (seed 000 §4.2: "central government steer on policy priorities is an
/// under-appreciated resource"; seed 002: frequent reversals of national strategy). It sets the settlement (the
/// variant's lever) and a national steer on health in place policy, which starts at the mission's commitment and which it
/// changes now and then (its own churn). A mission compact binds successive governments as it binds new mayors: a
/// change of priority lands only (1 − compact) of the way from the mission to a fresh draw.
/// </summary>
internal sealed class NationalSteerState
{
    /// <summary>The national steer on health, 0–1.</summary>
    public double HealthSteer { get; set; }
    /// <summary>The mission's commitment: where the steer starts and what a compact holds it to.</summary>
    public double Mission { get; set; }
    /// <summary>Changes of priority so far in the variant.</summary>
    public int PriorityChanges { get; set; }
}

/// <summary>Central government's rules: its changes of priority, and how sitting mayors respond to its steer.</summary>
internal static class NationalSteer
{
    /// <summary>Start of a variant: the steer at the mission's commitment, no changes yet.</summary>
    public static void Start(NationalSteerState state, PolicyLevers levers)
    {
        state.Mission = levers.MissionCommitment;
        state.HealthSteer = levers.MissionCommitment;
        state.PriorityChanges = 0;
    }

    /// <summary>A steer after a change of priority: compact × mission + (1 − compact) × a fresh priority in [0, 1].</summary>
    public static double AfterChange(double mission, double compact, double freshPriority) =>
        Math.Clamp(compact, 0, 1) * mission + (1 - Math.Clamp(compact, 0, 1)) * freshPriority;

    /// <summary>
    /// The year's steer: with the politics' probability, central government changes its priority (a draw from the
    /// government stream, the same in every variant).
    /// </summary>
    public static void Year(NationalSteerState state, int year, double compact, PoliticsParameters politics, in ReplicationRandom random)
    {
        if (random.Uniform(RngStream.Government, year, 0, 0) >= politics.NationalPriorityChangePerYear) return;
        state.HealthSteer = AfterChange(state.Mission, compact, random.Uniform(RngStream.Government, year, 0, 1));
        state.PriorityChanges++;
    }

    /// <summary>A sitting mayor's commitment a year on: it closes the politics' share of its gap to the steer.</summary>
    public static double Respond(double commitment, double steer, double responsePerYear) =>
        commitment + Math.Clamp(responsePerYear, 0, 1) * (steer - commitment);
}
