namespace UrbanSim.Core.Health;

/// <summary>
/// WHO HEAT's build-up of health effects: a sustained change in exposure reaches its full effect on
/// mortality linearly over <see cref="Years"/> years (HEAT methods guide, 2017).
/// </summary>
/// <remarks>
/// Convention: year 0 is the first year in which the new exposure holds. The effect is 1/5 of the full
/// effect in year 0, 2/5 in year 1, …, and complete from year 4 (the fifth year) on. This equals using,
/// in each year, the mean exposure of that year and the four before it (a 5-year trailing moving average),
/// which is how the simulation applies it; for functions linear in exposure the two are identical.
/// </remarks>
internal static class HealthBuildUp
{
    /// <summary>Years over which an effect builds up to its full size. Source: WHO HEAT.</summary>
    public const int Years = 5;

    /// <summary>
    /// Share of the full effect reached <paramref name="yearsSinceChange"/> years after a change
    /// (0 in the first year of the change): min(1, (years + 1) / 5), and 0 before the change.
    /// </summary>
    public static double BuildUpFraction(int yearsSinceChange) =>
        yearsSinceChange < 0 ? 0 : Math.Min(1.0, (yearsSinceChange + 1) / (double)Years);

    /// <summary>
    /// The level in effect <paramref name="yearsSinceChange"/> years after a step from
    /// <paramref name="before"/> to <paramref name="after"/>: before + (after − before) · build-up fraction.
    /// </summary>
    public static double PhasedIn(double before, double after, int yearsSinceChange) =>
        before + (after - before) * BuildUpFraction(yearsSinceChange);
}
