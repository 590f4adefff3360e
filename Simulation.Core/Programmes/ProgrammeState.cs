namespace UrbanSim.Core.Programmes;

/// <summary>
/// The stock programmes' state in each zone: the stock in place per resident, [slot * zones + zone], £; stock being
/// built, waiting for its lag, in a ring of <see cref="MaxLagYears"/> + 1 years, [(year slot * slots + slot) * zones +
/// zone], and its total per zone; the share of this year's upkeep each region paid, [slot * regions + region]; and
/// this year's factor on each disease's incidence from the prevention stock, [disease * zones + zone]. Slots are the
/// stock programmes in catalogue order (<see cref="ProgrammeCatalogue.StockSlot"/>).
/// </summary>
internal sealed class ProgrammeState
{
    /// <summary>Longest programme lag that can be queued, years.</summary>
    public const int MaxLagYears = 10;

    internal ProgrammeState(int zones, int stockProgrammes, int regions)
    {
        ZoneCount = zones;
        StockCount = stockProgrammes;
        RegionCount = regions;
        StockGbpPerHead = new double[stockProgrammes * zones];
        PendingGbpPerHead = new double[(MaxLagYears + 1) * stockProgrammes * zones];
        PendingTotalGbpPerHead = new double[stockProgrammes * zones];
        SchemeProgressGbpPerHead = new double[stockProgrammes * zones];
        Residents = new double[zones];
        UpkeepPaidShare = new double[stockProgrammes * regions];
        IncidenceFactor = new double[Health.DiseaseCatalogue.Count * zones];
        IncidenceFactorHistory = new double[Exposures.ExposureState.BuildUpYears * Health.DiseaseCatalogue.Count * zones];
        IncidenceFactorSum = new double[Health.DiseaseCatalogue.Count * zones];
        Clear();
    }

    /// <summary>Number of zones.</summary>
    public int ZoneCount { get; }
    /// <summary>Number of stock programmes.</summary>
    public int StockCount { get; }
    /// <summary>Number of regions.</summary>
    public int RegionCount { get; }
    /// <summary>[slot * zones + zone] stock in place per resident, £.</summary>
    public readonly double[] StockGbpPerHead;
    /// <summary>[(year slot * slots + slot) * zones + zone] stock per resident due in place in a later year, £.</summary>
    public readonly double[] PendingGbpPerHead;
    /// <summary>[slot * zones + zone] all stock per resident still being built, £.</summary>
    public readonly double[] PendingTotalGbpPerHead;
    /// <summary>
    /// [zone] the residents programmes count, fixed at the start of a variant (as region populations are): stocks are per
    /// these residents, and schemes and upkeep are sized by them.
    /// </summary>
    public readonly double[] Residents;
    /// <summary>[slot * zones + zone] money per resident already put into the zone's unfinished scheme, £ (0: none under way).</summary>
    public readonly double[] SchemeProgressGbpPerHead;
    /// <summary>[slot * regions + region] share of this year's upkeep paid (1 when nothing was due).</summary>
    public readonly double[] UpkeepPaidShare;
    /// <summary>[disease * zones + zone] this year's factor on the zone's incidence from prevention (1 = none).</summary>
    public readonly double[] IncidenceFactor;
    /// <summary>[(year slot * diseases + disease) * zones + zone] the incidence factors of the last five years.</summary>
    public readonly double[] IncidenceFactorHistory;
    /// <summary>[disease * zones + zone] their sum: / 5, the factor prevention's effect on mortality builds up to.</summary>
    public readonly double[] IncidenceFactorSum;

    /// <summary>Stock per resident of slot <paramref name="slot"/> in every zone.</summary>
    public Span<double> StockOf(int slot) => StockGbpPerHead.AsSpan(slot * ZoneCount, ZoneCount);

    /// <summary>Stock per resident still being built of slot <paramref name="slot"/> in every zone.</summary>
    public Span<double> PendingTotalOf(int slot) => PendingTotalGbpPerHead.AsSpan(slot * ZoneCount, ZoneCount);

    /// <summary>Stock per resident of slot <paramref name="slot"/> due in place in <paramref name="year"/>, every zone.</summary>
    public Span<double> PendingOf(int slot, int year) =>
        PendingGbpPerHead.AsSpan((year % (MaxLagYears + 1) * StockCount + slot) * ZoneCount, ZoneCount);

    /// <summary>Stock in place or being built of slot <paramref name="slot"/> in zone <paramref name="zone"/>: what a mayor counts as committed.</summary>
    public double CommittedGbpPerHead(int slot, int zone) => StockGbpPerHead[slot * ZoneCount + zone] + PendingTotalGbpPerHead[slot * ZoneCount + zone];

    /// <summary>Adds <paramref name="gbpPerHead"/> of slot <paramref name="slot"/>'s stock to zone <paramref name="zone"/>, in place in <paramref name="year"/>.</summary>
    public void Queue(int slot, int zone, int year, double gbpPerHead)
    {
        PendingOf(slot, year)[zone] += gbpPerHead;
        PendingTotalGbpPerHead[slot * ZoneCount + zone] += gbpPerHead;
    }

    /// <summary>No stock, nothing being built, upkeep paid, no prevention.</summary>
    public void Clear()
    {
        Array.Clear(StockGbpPerHead);
        Array.Clear(PendingGbpPerHead);
        Array.Clear(PendingTotalGbpPerHead);
        Array.Clear(SchemeProgressGbpPerHead);
        Array.Fill(UpkeepPaidShare, 1.0);
        Array.Fill(IncidenceFactor, 1.0);
        Array.Fill(IncidenceFactorHistory, 1.0);
        Array.Fill(IncidenceFactorSum, Exposures.ExposureState.BuildUpYears);
    }

    internal void CopyFrom(ProgrammeState source)
    {
        source.StockGbpPerHead.CopyTo(StockGbpPerHead, 0);
        source.PendingGbpPerHead.CopyTo(PendingGbpPerHead, 0);
        source.PendingTotalGbpPerHead.CopyTo(PendingTotalGbpPerHead, 0);
        source.SchemeProgressGbpPerHead.CopyTo(SchemeProgressGbpPerHead, 0);
        source.Residents.CopyTo(Residents, 0);
        source.UpkeepPaidShare.CopyTo(UpkeepPaidShare, 0);
        source.IncidenceFactor.CopyTo(IncidenceFactor, 0);
        source.IncidenceFactorHistory.CopyTo(IncidenceFactorHistory, 0);
        source.IncidenceFactorSum.CopyTo(IncidenceFactorSum, 0);
    }
}
