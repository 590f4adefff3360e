namespace UrbanSim.Core.Settlements;

/// <summary>How central government gives a mayor money.</summary>
public enum SettlementKind
{
    /// <summary>Departmental pots that cannot fund another theme; part competitive; short, churned, clawed back.</summary>
    TiedGrants = 0,
    /// <summary>One multi-year budget, flexible across themes up to the flexibility share.</summary>
    SinglePot = 1,
    /// <summary>Single pot plus a share of the ICB's allocation pooled with the mayor.</summary>
    HealthDevolution = 2,
}
