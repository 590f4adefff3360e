using UrbanSim.Core.Outcomes;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// The year's life tables of the world, of each deprivation decile and (start and final year) of each zone, with
/// the slope index of inequality across deciles. The health step adds each zone's people, deaths and people in good
/// health by band into the decile sums (single precision) and sets the zone tables' rows; tables are computed four
/// at a time (<see cref="AbridgedLifeTable.ExpectanciesAtBirthYears4"/>, identical to one at a time).
/// </summary>
internal sealed class PopulationLifeTables
{
    // Table t's rates and shares are lane t % 4 of block t / 4: [block * Block + band * 4 + lane].
    private const int Block = AgeBands.Count * AbridgedLifeTable.Lanes;
    private const int World = ReplicationResult.Deciles;

    private readonly int _zones;
    private readonly double[] _zoneRates, _zoneGood, _zoneLe, _zoneHle;
    private readonly double[] _groupRates = new double[3 * Block], _groupGood = new double[3 * Block];
    private readonly double[] _groupLe = new double[3 * AbridgedLifeTable.Lanes], _groupHle = new double[3 * AbridgedLifeTable.Lanes];
    private readonly double[] _value = new double[ReplicationResult.Deciles], _value2 = new double[ReplicationResult.Deciles], _pop = new double[ReplicationResult.Deciles];

    internal PopulationLifeTables(int zones)
    {
        _zones = zones;
        int blocks = (zones + AbridgedLifeTable.Lanes - 1) / AbridgedLifeTable.Lanes;
        _zoneRates = new double[blocks * Block]; _zoneGood = new double[blocks * Block];
        _zoneLe = new double[blocks * AbridgedLifeTable.Lanes]; _zoneHle = new double[blocks * AbridgedLifeTable.Lanes];
    }

    /// <summary>[decile * stride + band] people of the year (single precision).</summary>
    internal readonly float[] DecilePeople = new float[ReplicationResult.Deciles * AgeBands.Stride];
    /// <summary>[decile * stride + band] people × death rate.</summary>
    internal readonly float[] DecileDeaths = new float[ReplicationResult.Deciles * AgeBands.Stride];
    /// <summary>[decile * stride + band] people × share in good health.</summary>
    internal readonly float[] DecileGood = new float[ReplicationResult.Deciles * AgeBands.Stride];

    /// <summary>HLE per decile from the last <see cref="Compute"/>, NaN for an empty decile.</summary>
    public readonly double[] DecileHleYears = new double[ReplicationResult.Deciles];

    private static int TableIndex(int table, int band) =>
        table / AbridgedLifeTable.Lanes * Block + band * AbridgedLifeTable.Lanes + table % AbridgedLifeTable.Lanes;

    /// <summary>Empties the decile sums.</summary>
    public void ClearDeciles()
    {
        DecilePeople.AsSpan().Clear(); DecileDeaths.AsSpan().Clear(); DecileGood.AsSpan().Clear();
    }

    /// <summary>Adds a band of a zone of decile <paramref name="decile"/> (0-based) to the decile sums.</summary>
    public void AddToDecile(int decile, int band, double people, double deathRate, double goodShare)
    {
        int i = decile * AgeBands.Stride + band;
        DecilePeople[i] += (float)people;
        DecileDeaths[i] += (float)(people * deathRate);
        DecileGood[i] += (float)(people * goodShare);
    }

    /// <summary>Sets band <paramref name="band"/> of zone <paramref name="zone"/>'s life table.</summary>
    public void SetZoneRow(int zone, int band, double deathRate, double goodShare)
    {
        int i = TableIndex(zone, band);
        _zoneRates[i] = deathRate;
        _zoneGood[i] = goodShare;
    }

    /// <summary>Every zone's LE and HLE from the rows set by <see cref="SetZoneRow"/>, into [zone * 2 + (0 HLE, 1 LE)].</summary>
    public void ZoneTables(Span<double> destination) => FourAtATime(_zoneRates, _zoneGood, _zones, _zoneLe, _zoneHle, destination);

    /// <summary>
    /// Life tables of the whole world and of each populated decile; SII of LE and HLE across deciles (ONS method).
    /// The eleven tables (deciles 1–10, then the world) are computed four at a time.
    /// </summary>
    public void Compute(out double le, out double hle, out double leGap, out double hleGap)
    {
        for (int decile = 0; decile < ReplicationResult.Deciles; decile++) DecileRates(decile, decile, decile);
        DecileRates(0, ReplicationResult.Deciles - 1, World);
        FourAtATime(_groupRates, _groupGood, World + 1, _groupLe, _groupHle, []);
        int groups = 0;
        for (int decile = 0; decile < ReplicationResult.Deciles; decile++)
        {
            double pop = 0;
            for (int b = 0; b < AgeBands.Count; b++) pop += DecilePeople[decile * AgeBands.Stride + b];
            DecileHleYears[decile] = double.NaN;
            if (pop <= 0) continue;
            _value[groups] = _groupLe[decile];
            _value2[groups] = _groupHle[decile];
            DecileHleYears[decile] = _groupHle[decile];
            _pop[groups] = pop;
            groups++;
        }
        (le, hle) = (_groupLe[World], _groupHle[World]);
        leGap = groups > 1 ? SlopeIndexOfInequality.Compute(_value.AsSpan(0, groups), _pop.AsSpan(0, groups)) : 0;
        hleGap = groups > 1 ? SlopeIndexOfInequality.Compute(_value2.AsSpan(0, groups), _pop.AsSpan(0, groups)) : 0;
    }

    /// <summary>Death rates and shares in good health of deciles <paramref name="fromDecile"/>–<paramref name="toDecile"/> together, as table <paramref name="table"/>.</summary>
    private void DecileRates(int fromDecile, int toDecile, int table)
    {
        for (int b = 0; b < AgeBands.Count; b++)
        {
            double pop = 0, deaths = 0, good = 0;
            for (int d = fromDecile; d <= toDecile; d++)
            {
                int i = d * AgeBands.Stride + b;
                pop += DecilePeople[i]; deaths += DecileDeaths[i]; good += DecileGood[i];
            }
            _groupRates[TableIndex(table, b)] = pop > 0 ? deaths / pop : EnglandReference.DeathRatePerPersonYear[b];
            _groupGood[TableIndex(table, b)] = pop > 0 ? good / pop : EnglandReference.ShareInGoodHealth[b];
        }
    }

    /// <summary>
    /// Life tables 0 … <paramref name="tables"/> − 1 of a four-at-a-time buffer; the unused lanes of the last block
    /// are copies of its first table (so every lane is a valid table) and their results are not used. Writes LE and
    /// HLE to <paramref name="le"/> and <paramref name="hle"/>, and, if <paramref name="pairs"/> is not empty, also to
    /// [table * 2 + (0 HLE, 1 LE)] of it.
    /// </summary>
    private static void FourAtATime(double[] rates, double[] good, int tables, double[] le, double[] hle, Span<double> pairs)
    {
        const int lanes = AbridgedLifeTable.Lanes;
        int blocks = (tables + lanes - 1) / lanes;
        int last = (blocks - 1) * lanes;
        for (int t = tables; t < last + lanes; t++)
            for (int b = 0; b < AgeBands.Count; b++)
            {
                rates[TableIndex(t, b)] = rates[TableIndex(last, b)];
                good[TableIndex(t, b)] = good[TableIndex(last, b)];
            }
        for (int block = 0; block < blocks; block++)
            AbridgedLifeTable.ExpectanciesAtBirthYears4(rates.AsSpan(block * Block, Block), good.AsSpan(block * Block, Block),
                le.AsSpan(block * lanes, lanes), hle.AsSpan(block * lanes, lanes));
        if (pairs.IsEmpty) return;
        for (int t = 0; t < tables; t++)
        {
            pairs[t * 2] = hle[t];
            pairs[t * 2 + 1] = le[t];
        }
    }
}
