using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Outcomes;

/// <summary>
/// What an added outcome's <see cref="OutcomeDefinition.Measure"/> may read at the end of a variant: the final
/// state of the world, the variant's levers and the replication's parameters, its outcomes so far (every standard
/// and programme outcome is final by then) and its money ledger. Valid only during the call.
/// </summary>
public sealed class OutcomeContext
{
    private double[] _outcomes = [];
    private int _offset;

    /// <summary>The world at the end of the variant's last year.</summary>
    internal WorldState World { get; private set; } = null!;

    /// <summary>Number of zones.</summary>
    public int ZoneCount => World.ZoneCount;

    /// <summary>Residents of <paramref name="zone"/> at the end of the last year.</summary>
    public double Population(int zone) => World.Health.ZonePopulation(zone);

    /// <summary>Deprivation decile of <paramref name="zone"/>, 1 = most deprived.</summary>
    public int DeprivationDecile(int zone) => World.Zones.Decile[zone];

    /// <summary>Region (index, in the order of the world's regions) of <paramref name="zone"/>.</summary>
    public int Region(int zone) => World.Zones.Region[zone];

    /// <summary>Level of <paramref name="exposure"/> in <paramref name="zone"/> in the last year, in the exposure's unit.</summary>
    public double ExposureLevel(Exposure exposure, int zone) => World.Exposures.LevelOf(exposure)[zone];

    /// <summary>Dwellings in <paramref name="zone"/> at the end of the last year.</summary>
    public double Dwellings(int zone) => World.Homes.Dwellings[zone];

    /// <summary>The replication's parameters (uncertain ones drawn).</summary>
    public ModelParameters Parameters { get; private set; } = null!;

    /// <summary>The variant's levers.</summary>
    public PolicyLevers Levers { get; private set; } = null!;

    /// <summary>Where the variant's money went.</summary>
    public MoneyLedger Ledger { get; private set; }

    /// <summary>The variant's value of outcome <paramref name="outcome"/> (an index of the catalogue below the added ones).</summary>
    public double Outcome(int outcome) => _outcomes[_offset + outcome];

    internal void Set(WorldState world, ModelParameters parameters, PolicyLevers levers, MoneyLedger ledger, double[] outcomes, int offset)
    {
        World = world; Parameters = parameters; Levers = levers; Ledger = ledger; _outcomes = outcomes; _offset = offset;
    }
}
