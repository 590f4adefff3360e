namespace UrbanSim.Core.Shocks;

/// <summary>Which shocks hit a year (the same in every variant of a replication), as flags.</summary>
[Flags]
public enum ShockKinds
{
    /// <summary>No shock.</summary>
    None = 0,
    /// <summary>A recession is under way: prices fall, finance costs rise, lending falls.</summary>
    Recession = 1,
    /// <summary>Central funding is cut.</summary>
    FundingCut = 2,
    /// <summary>An epidemic raises mortality.</summary>
    HealthShock = 4,
}
