namespace UrbanSim.Core.Health;

/// <summary>
/// The slope index of inequality (SII) as ONS computes it for life expectancy and healthy life
/// expectancy by deprivation decile: the value predicted at the least deprived end of the population
/// minus the value predicted at the most deprived end, from a population-weighted least-squares line
/// of each group's value on its ridit (relative rank).
/// </summary>
/// <remarks>
/// Groups are ordered most deprived first. A group's ridit is the cumulative population share before
/// it plus half its own share, so ridit 0 is the most deprived person and 1 the least deprived. The SII
/// is the fitted slope (value at ridit 1 minus value at ridit 0); it is positive when less deprived
/// groups are healthier. Source: ONS, Health state life expectancies by national deprivation deciles,
/// methodology (SII by weighted regression on the midpoints of cumulative population rank).
/// </remarks>
internal static class SlopeIndexOfInequality
{
    /// <summary>Computes the SII in the units of <paramref name="valuePerGroup"/>.</summary>
    /// <param name="valuePerGroup">Value of each group (for example HLE in years), most deprived first.</param>
    /// <param name="populationPerGroup">Population of each group, same order; weights of the regression.</param>
    /// <exception cref="ArgumentException">
    /// Lengths differ, a population is negative, or fewer than two groups have people (no slope exists).
    /// </exception>
    public static double Compute(ReadOnlySpan<double> valuePerGroup, ReadOnlySpan<double> populationPerGroup)
    {
        if (valuePerGroup.Length != populationPerGroup.Length)
            throw new ArgumentException("Values and populations must have one entry per group.", nameof(populationPerGroup));

        double total = 0;
        for (int i = 0; i < populationPerGroup.Length; i++)
        {
            double p = populationPerGroup[i];
            if (!(p >= 0) || double.IsPositiveInfinity(p))
                throw new ArgumentException($"Population of group {i} must be finite and non-negative, got {p}.", nameof(populationPerGroup));
            total += p;
        }
        if (total <= 0)
            throw new ArgumentException("At least two groups must have people.", nameof(populationPerGroup));

        // Weighted means of ridit and value (weights = population shares).
        double cumulativeShare = 0, meanRidit = 0, meanValue = 0;
        for (int i = 0; i < populationPerGroup.Length; i++)
        {
            double share = populationPerGroup[i] / total;
            double ridit = cumulativeShare + share / 2;
            meanRidit += share * ridit;
            meanValue += share * valuePerGroup[i];
            cumulativeShare += share;
        }

        double covariance = 0, varianceRidit = 0;
        cumulativeShare = 0;
        for (int i = 0; i < populationPerGroup.Length; i++)
        {
            double share = populationPerGroup[i] / total;
            double ridit = cumulativeShare + share / 2;
            double dr = ridit - meanRidit;
            covariance += share * dr * (valuePerGroup[i] - meanValue);
            varianceRidit += share * dr * dr;
            cumulativeShare += share;
        }

        if (varianceRidit <= 0)
            throw new ArgumentException("At least two groups must have people.", nameof(populationPerGroup));
        return covariance / varianceRidit;
    }
}
