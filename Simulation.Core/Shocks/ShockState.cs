namespace UrbanSim.Core.Shocks;

/// <summary>This year's shocks, drawn from the world stream so every variant sees the same ones.</summary>
internal struct ShockState
{
    /// <summary>Years of the current recession still to run after this one.</summary>
    public int RecessionYearsLeft;
    /// <summary>A recession is under way this year (prices fall, finance costs rise, lending falls).</summary>
    public bool InRecession;
    /// <summary>Central funding is cut this year.</summary>
    public bool FundingCut;
    /// <summary>An epidemic raises mortality this year.</summary>
    public bool HealthShock;

    /// <summary>This year's shocks as flags, for the record of the replication.</summary>
    public readonly ShockKinds Kinds =>
        (InRecession ? ShockKinds.Recession : 0) | (FundingCut ? ShockKinds.FundingCut : 0) | (HealthShock ? ShockKinds.HealthShock : 0);
}
