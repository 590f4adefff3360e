using UrbanSim.Core.Health;

namespace UrbanSim.Core.Exposures;

/// <summary>
/// Each zone's exposures, [exposure * zones + zone] in the order of <see cref="ExposureCatalogue"/>: this year's
/// level, the start year's (the reference of relative risks), and the last <see cref="BuildUpYears"/> years'
/// levels with their running sum (health responds to their mean, HEAT's linear build-up).
/// </summary>
internal sealed class ExposureState
{
    /// <summary>Years of exposure history kept for the build-up.</summary>
    public const int BuildUpYears = HealthBuildUp.Years;

    internal ExposureState(int zones)
    {
        ZoneCount = zones;
        Level = new double[ExposureCatalogue.Count * zones];
        Start = new double[ExposureCatalogue.Count * zones];
        History = new double[BuildUpYears * ExposureCatalogue.Count * zones];
        Sum = new double[ExposureCatalogue.Count * zones];
    }

    /// <summary>Number of zones.</summary>
    public int ZoneCount { get; }
    /// <summary>[exposure * zones + zone] this year's exposure.</summary>
    public readonly double[] Level;
    /// <summary>[exposure * zones + zone] the start year's exposure.</summary>
    public readonly double[] Start;
    /// <summary>[((year % 5) * exposures + exposure) * zones + zone] the last five years' exposures.</summary>
    public readonly double[] History;
    /// <summary>[exposure * zones + zone] running sum of <see cref="History"/> over the five years.</summary>
    public readonly double[] Sum;

    /// <summary>This year's level of <paramref name="exposure"/> in every zone.</summary>
    public Span<double> LevelOf(Exposure exposure) => Level.AsSpan((int)exposure * ZoneCount, ZoneCount);

    /// <summary>The start year's level of <paramref name="exposure"/> in every zone.</summary>
    public Span<double> StartOf(Exposure exposure) => Start.AsSpan((int)exposure * ZoneCount, ZoneCount);

    /// <summary>This year's exposures of zone <paramref name="zone"/>.</summary>
    public ExposureLevels LevelsOf(int zone) => Read(Level, zone, 1);

    /// <summary>The start year's exposures of zone <paramref name="zone"/>.</summary>
    public ExposureLevels StartLevelsOf(int zone) => Read(Start, zone, 1);

    /// <summary>The exposures health responds to in zone <paramref name="zone"/>: the mean of the last five years'.</summary>
    public ExposureLevels EffectiveLevelsOf(int zone) => Read(Sum, zone, 1.0 / BuildUpYears);

    private ExposureLevels Read(double[] values, int zone, double scale) => new(
        values[(int)Exposure.Walking * ZoneCount + zone] * scale, values[(int)Exposure.Cycling * ZoneCount + zone] * scale,
        values[(int)Exposure.Pm25 * ZoneCount + zone] * scale, values[(int)Exposure.GreenSpace * ZoneCount + zone] * scale,
        values[(int)Exposure.ColdHomes * ZoneCount + zone] * scale, values[(int)Exposure.No2 * ZoneCount + zone] * scale);

    /// <summary>Makes this year's levels the start levels, and fills the history with them (no change yet).</summary>
    public void StartFromLevels()
    {
        Level.CopyTo(Start, 0);
        for (int y = 0; y < BuildUpYears; y++) Level.CopyTo(History, y * Level.Length);
        for (int i = 0; i < Level.Length; i++) Sum[i] = BuildUpYears * Level[i];
    }

    internal void CopyFrom(ExposureState source)
    {
        source.Level.CopyTo(Level, 0); source.Start.CopyTo(Start, 0);
        source.History.CopyTo(History, 0); source.Sum.CopyTo(Sum, 0);
    }
}
