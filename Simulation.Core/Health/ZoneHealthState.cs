using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// People and cases of disease by zone and age band, in single precision (what the fast health year advances).
/// Age profiles are <see cref="AgeBands.Stride"/> long: people [zone * stride + band], cases
/// [(disease * zones + zone) * stride + band]; the padding bands are always empty.
/// </summary>
internal sealed class ZoneHealthState
{
    internal ZoneHealthState(int zones)
    {
        ZoneCount = zones;
        Population = new float[zones * AgeBands.Stride];
        Cases = new float[DiseaseCatalogue.Count * zones * AgeBands.Stride];
        ZoneTotal = new double[zones];
    }

    /// <summary>Number of zones.</summary>
    public int ZoneCount { get; }
    /// <summary>[zone * stride + band] people.</summary>
    public readonly float[] Population;
    /// <summary>[(disease * zones + zone) * stride + band] people of the band with the disease.</summary>
    public readonly float[] Cases;
    /// <summary>[zone] people at the end of the last year (summed in double precision); set at the start of a variant and after each year.</summary>
    public readonly double[] ZoneTotal;

    /// <summary>The age profile of <paramref name="zone"/>'s people (stride long).</summary>
    public Span<float> PeopleOf(int zone) => Population.AsSpan(zone * AgeBands.Stride, AgeBands.Stride);

    /// <summary>The age profile of <paramref name="zone"/>'s cases of <paramref name="disease"/> (stride long).</summary>
    public Span<float> CasesOf(Disease disease, int zone) => Cases.AsSpan(((int)disease * ZoneCount + zone) * AgeBands.Stride, AgeBands.Stride);

    /// <summary>Total people of a zone, summed in double precision in band order.</summary>
    public double ZonePopulation(int zone)
    {
        double sum = 0;
        var p = Population.AsSpan(zone * AgeBands.Stride, AgeBands.Count);
        for (int b = 0; b < p.Length; b++) sum += p[b];
        return sum;
    }

    /// <summary>Total people of the world.</summary>
    public double TotalPopulation()
    {
        double sum = 0;
        foreach (double x in Population) sum += x;
        return sum;
    }

    /// <summary>Sets <see cref="ZoneTotal"/> from the age profiles.</summary>
    public void MeasureZoneTotals()
    {
        for (int z = 0; z < ZoneCount; z++) ZoneTotal[z] = ZonePopulation(z);
    }

    internal void CopyFrom(ZoneHealthState source)
    {
        source.Population.CopyTo(Population, 0); source.Cases.CopyTo(Cases, 0); source.ZoneTotal.CopyTo(ZoneTotal, 0);
    }
}
