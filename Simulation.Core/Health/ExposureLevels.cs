namespace UrbanSim.Core.Health;

/// <summary>Average exposures of a population (a zone, an age band or an appraised group).</summary>
/// <param name="WalkingMinutesPerWeek">Walking for travel or leisure, minutes per person per week.</param>
/// <param name="CyclingMinutesPerWeek">Cycling, minutes per person per week.</param>
/// <param name="Pm25MicrogramsPerM3">Annual mean PM2.5 concentration at home, µg/m³.</param>
/// <param name="GreenSpaceNdvi">Mean normalised difference vegetation index within 500 m of home (−1 to 1).</param>
/// <param name="ColdHomeShare">Share of people living in excessively cold homes (0 to 1).</param>
/// <param name="No2MicrogramsPerM3">Annual mean NO₂ concentration at home, µg/m³.</param>
public readonly record struct ExposureLevels(
    double WalkingMinutesPerWeek,
    double CyclingMinutesPerWeek,
    double Pm25MicrogramsPerM3,
    double GreenSpaceNdvi,
    double ColdHomeShare,
    double No2MicrogramsPerM3)
{
    /// <summary>The level of one exposure, in that exposure's own unit.</summary>
    public double Of(Exposure exposure) => exposure switch
    {
        Exposure.Walking => WalkingMinutesPerWeek,
        Exposure.Cycling => CyclingMinutesPerWeek,
        Exposure.Pm25 => Pm25MicrogramsPerM3,
        Exposure.GreenSpace => GreenSpaceNdvi,
        Exposure.ColdHomes => ColdHomeShare,
        Exposure.No2 => No2MicrogramsPerM3,
        _ => throw new ArgumentOutOfRangeException(nameof(exposure), exposure, null),
    };

    /// <summary>Levels from a span in the order of <see cref="Exposure"/>.</summary>
    public static ExposureLevels From(ReadOnlySpan<double> levels) => new(levels[0], levels[1], levels[2], levels[3], levels[4], levels[5]);

    /// <summary>These levels with each exposure moved <paramref name="step"/> of its unit in its healthier direction, kept within its range.</summary>
    public ExposureLevels Improved(double step)
    {
        Span<double> levels = stackalloc double[ExposureCatalogue.Count];
        foreach (var e in ExposureCatalogue.All)
        {
            double moved = Of(e.Id) + e.HealthierSign * step;
            // A reduction stops at the floor; an increase is not capped (the appraisal values a small step of the function).
            levels[(int)e.Id] = e.HigherIsHealthier ? moved : Math.Max(e.MinimumLevel, moved);
        }
        return From(levels);
    }
}
