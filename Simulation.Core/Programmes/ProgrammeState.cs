namespace UrbanSim.Core.Programmes;

/// <summary>
/// Zonal programmes' spend in each zone: the cumulative effective spend per resident, [slot * zones + zone], whose
/// saturating response moves exposures and incidence; and spend waiting for its lag, in a ring of
/// <see cref="MaxLagYears"/> + 1 years, [(year slot * zonal programmes + slot) * zones + zone]. Slots are the zonal
/// programmes in catalogue order (<see cref="ProgrammeCatalogue.ZonalSlot"/>).
/// </summary>
internal sealed class ProgrammeState
{
    /// <summary>Longest programme lag that can be queued, years.</summary>
    public const int MaxLagYears = 10;

    internal ProgrammeState(int zones, int zonalProgrammes)
    {
        ZoneCount = zones;
        ZonalCount = zonalProgrammes;
        EffectiveSpendPerHeadGbp = new double[zonalProgrammes * zones];
        PendingSpendPerHeadGbp = new double[(MaxLagYears + 1) * zonalProgrammes * zones];
    }

    /// <summary>Number of zones.</summary>
    public int ZoneCount { get; }
    /// <summary>Number of zonal programmes.</summary>
    public int ZonalCount { get; }
    /// <summary>[slot * zones + zone] cumulative effective spend per resident, £.</summary>
    public readonly double[] EffectiveSpendPerHeadGbp;
    /// <summary>[(year slot * zonal + slot) * zones + zone] spend per resident due to take effect in a later year, £.</summary>
    public readonly double[] PendingSpendPerHeadGbp;

    /// <summary>Cumulative effective spend per resident of zonal slot <paramref name="slot"/> in every zone.</summary>
    public Span<double> EffectiveOf(int slot) => EffectiveSpendPerHeadGbp.AsSpan(slot * ZoneCount, ZoneCount);

    /// <summary>Spend per resident of zonal slot <paramref name="slot"/> due in <paramref name="year"/>, every zone.</summary>
    public Span<double> PendingOf(int slot, int year) =>
        PendingSpendPerHeadGbp.AsSpan((year % (MaxLagYears + 1) * ZonalCount + slot) * ZoneCount, ZoneCount);

    /// <summary>Everything due in <paramref name="year"/>, every slot and zone.</summary>
    public Span<double> PendingIn(int year) =>
        PendingSpendPerHeadGbp.AsSpan(year % (MaxLagYears + 1) * ZonalCount * ZoneCount, ZonalCount * ZoneCount);

    /// <summary>No spend yet.</summary>
    public void Clear()
    {
        Array.Clear(EffectiveSpendPerHeadGbp);
        Array.Clear(PendingSpendPerHeadGbp);
    }

    internal void CopyFrom(ProgrammeState source)
    {
        source.EffectiveSpendPerHeadGbp.CopyTo(EffectiveSpendPerHeadGbp, 0);
        source.PendingSpendPerHeadGbp.CopyTo(PendingSpendPerHeadGbp, 0);
    }
}
