using MathNet.Numerics.RootFinding;
using UrbanSim.Core.Health;

namespace UrbanSim.Runner.RealPlaces;

/// <summary>A council's calibration: how its small areas' death rates and odds of ill health relate to England's.</summary>
/// <param name="MortalityScale">f: the council's level of mortality relative to England's.</param>
/// <param name="MortalityGradient">β: log ratio of mortality between its most and its least deprived ends.</param>
/// <param name="IllHealthScale">h: the council's odds of not being in good health relative to England's (at its mean illness ratio).</param>
/// <param name="IllnessExponent">κ: the odds follow (illness ratio ÷ the council's mean) to this power.</param>
/// <param name="IllnessRatioMean">Its population-weighted comparative illness and disability ratio.</param>
/// <param name="IllHealthModelled">True when ONS publishes no HLE for the council and h comes from the regression on LE.</param>
internal readonly record struct CouncilCalibration(double MortalityScale, double MortalityGradient, double IllHealthScale, double IllnessExponent,
    double IllnessRatioMean, bool IllHealthModelled);

/// <summary>The regression of councils' log ill-health scale on their LE, used where ONS publishes no HLE.</summary>
/// <param name="Intercept">a in ln h = a + b × LE.</param>
/// <param name="SlopePerYear">b.</param>
/// <param name="RSquared">Share of the variance of ln h explained.</param>
/// <param name="ResidualSd">Standard deviation of the residuals of ln h.</param>
/// <param name="Councils">Councils the regression was fitted on.</param>
internal sealed record IllHealthRegression(double Intercept, double SlopePerYear, double RSquared, double ResidualSd, int Councils);

/// <summary>
/// Calibrates every council's small areas to ONS's figures for 2021–23 (docs/places.md, 'Local health'). Within a
/// council, a small area's mortality ratio is f·exp(β·(½ − ridit)), where ridit is its position in the council's
/// population ranked by IMD 2025 score (0 the most deprived end, 1 the least): β reproduces the council's published
/// slope index of inequality in LE, and f its LE (the population-weighted mean of its small areas'). Its odds of not
/// being in good health are h × (its comparative illness and disability ratio ÷ the council's mean)^κ: h reproduces the
/// council's HLE where ONS publishes one, and elsewhere (district councils) comes from the regression of ln h on LE over
/// the councils where it does. For LSOAs κ = 1 (the odds are proportional to the illness ratio); for MSOAs, whose
/// averages flatten the illness ratio, κ is fitted to keep each council's slope of HLE across deprivation that its LSOAs have.
/// </summary>
internal static class HealthCalibration
{
    /// <summary>Largest within-council gradient or exponent tried: far beyond any council.</summary>
    private const double MaxGradient = 6;

    /// <param name="hleGaps">
    /// Null for LSOAs (κ = 1); for MSOAs, each council's slope index of inequality in HLE across its LSOAs
    /// (<see cref="HleGaps"/>), which κ is fitted to.
    /// </param>
    public static IllHealthRegression? Calibrate(Geography g, ImportProblems problems, IReadOnlyDictionary<string, double>? hleGaps = null)
    {
        double lowestLe = LocalHealth.LifeExpectancyYears(Math.Exp(HighLnRatio)), highestLe = LocalHealth.LifeExpectancyYears(Math.Exp(LowLnRatio));
        foreach (var council in g.Councils)
        {
            SetRidits(g, council);
            if (council.Figures.LeYears < lowestLe || council.Figures.LeYears > highestLe)
            {
                problems.Add(OpenDataFiles.LifeExpectancy.Path, 0, 0, "value", $"{council.Name}'s life expectancy of {council.Figures.LeYears:0.0} years is outside what the model can reproduce ({lowestLe:0.0} to {highestLe:0.0})",
                    "check the council's figures in the file");
                continue;
            }
            var (f, beta) = Mortality(g, council);
            double illness = council.Areas.Sum(a => g.Areas[a].Population * g.Areas[a].IllnessRatio) / council.Population;
            council.Calibration = new CouncilCalibration(f, beta, 1, 1, illness, council.Figures.HleYears is null);
            if (council.Figures.HleYears is not double hle) continue;
            var fitted = IllHealth(g, council, hle, hleGaps?.GetValueOrDefault(council.Code));
            if (fitted is { } x) council.Calibration = council.Calibration with { IllHealthScale = x.Scale, IllnessExponent = x.Exponent };
            else problems.Add(OpenDataFiles.HealthyLifeExpectancy.Path, 0, 0, "value", $"no ill-health level reproduces {council.Name}'s HLE of {hle:0.0} years with its LE of {council.Figures.LeYears:0.0}",
                "check the council's figures; HLE must be below LE and at most about 20 years below it");
        }
        if (problems.Any) return null;
        var published = g.Councils.Where(c => !c.Calibration.IllHealthModelled).ToList();
        if (published.Count < 10)
        {
            problems.Add(OpenDataFiles.HealthyLifeExpectancy.Path, 0, 0, "", $"ONS HLE for only {published.Count} councils", "use the file listed in docs/places.md (132 upper-tier councils)");
            return null;
        }
        var regression = Regress(published.Select(c => c.Figures.LeYears).ToArray(), published.Select(c => Math.Log(c.Calibration.IllHealthScale)).ToArray());
        foreach (var council in g.Councils.Where(c => c.Calibration.IllHealthModelled))
        {
            double h = Math.Exp(regression.Intercept + regression.SlopePerYear * council.Figures.LeYears);
            council.Calibration = council.Calibration with { IllHealthScale = h };
            if (hleGaps?.GetValueOrDefault(council.Code) is double gap)
                council.Calibration = council.Calibration with { IllnessExponent = Exponent(g, council, h, gap) };
        }
        foreach (var council in g.Councils)
            foreach (int a in council.Areas)
            {
                var area = g.Areas[a];
                (area.LeYears, area.HleYears) = LocalHealth.ExpectanciesYears(MortalityRatio(g, council, a), IllHealthOddsRatio(council, area));
            }
        return regression;
    }

    /// <summary>Each council's slope index of inequality in HLE across its small areas (by ridit), after <see cref="Calibrate"/>.</summary>
    public static Dictionary<string, double> HleGaps(Geography g) =>
        g.Councils.ToDictionary(c => c.Code, c => Slope(g, c, c.Areas.Select(a => g.Areas[a].HleYears).ToArray()), StringComparer.Ordinal);

    /// <summary>Log-ratio bounds searched (ratios from about 0.14 to 7.4 of England's).</summary>
    private static readonly double LowLnRatio = Math.Log(LocalHealth.MinimumRatio) + 1, HighLnRatio = Math.Log(LocalHealth.MaximumRatio) - 1;

    /// <summary>A small area's mortality ratio from its council's calibration.</summary>
    public static double MortalityRatio(Geography g, Council council, int area) =>
        council.Calibration.MortalityScale * Math.Exp(council.Calibration.MortalityGradient * (0.5 - g.Areas[area].Ridit));

    /// <summary>A small area's ill-health odds ratio from its council's calibration.</summary>
    public static double IllHealthOddsRatio(Council council, SmallArea area) => IllHealthOddsRatio(council.Calibration.IllHealthScale, council.Calibration.IllnessExponent, council, area);

    private static double IllHealthOddsRatio(double scale, double exponent, Council council, SmallArea area) =>
        scale * Math.Pow(area.IllnessRatio / council.Calibration.IllnessRatioMean, exponent);

    /// <summary>Each small area's position in its council's population ranked by IMD 2025 score, most deprived first (midpoint, 0–1).</summary>
    private static void SetRidits(Geography g, Council council)
    {
        double cumulative = 0;
        foreach (int a in council.Areas.OrderByDescending(a => g.Areas[a].ImdScore).ThenBy(a => g.Areas[a].Code, StringComparer.Ordinal))
        {
            g.Areas[a].Ridit = (cumulative + g.Areas[a].Population / 2) / council.Population;
            cumulative += g.Areas[a].Population;
        }
    }

    private static (double Scale, double Gradient) Mortality(Geography g, Council council)
    {
        double target = council.Figures.LeYears, gap = council.Figures.LeGapYears;
        double[] Le(double scale, double beta) => council.Areas.Select(a => LocalHealth.LifeExpectancyYears(scale * Math.Exp(beta * (0.5 - g.Areas[a].Ridit)))).ToArray();
        double Scale(double beta) => Math.Exp(Root(lnF => Mean(g, council, Le(Math.Exp(lnF), beta)) - target, LowLnRatio, HighLnRatio));
        if (council.Areas.Count < 2 || gap <= 0) return (Scale(0), 0);
        double Gap(double beta) => Slope(g, council, Le(Scale(beta), beta)) - gap;
        double gradient = Gap(MaxGradient) < 0 ? MaxGradient : Root(Gap, 0, MaxGradient);
        return (Scale(gradient), gradient);
    }

    /// <summary>h (and κ, when <paramref name="gap"/> is given) reproducing <paramref name="target"/> HLE; null when no h can.</summary>
    private static (double Scale, double Exponent)? IllHealth(Geography g, Council council, double target, double? gap)
    {
        double? Scale(double exponent)
        {
            double Miss(double lnH) => Mean(g, council, Hle(g, council, Math.Exp(lnH), exponent)) - target;
            return Miss(LowLnRatio) < 0 || Miss(HighLnRatio) > 0 ? null : Math.Exp(Root(Miss, LowLnRatio, HighLnRatio));
        }
        if (gap is not double wanted || council.Areas.Count < 2) return Scale(1) is double h ? (h, 1) : null;
        double Gap(double exponent) => Scale(exponent) is double s ? Slope(g, council, Hle(g, council, s, exponent)) - wanted : double.NaN;
        double kappa = !(Gap(0) < 0) ? 0 : !(Gap(MaxGradient) > 0) ? MaxGradient : Root(Gap, 0, MaxGradient);
        return Scale(kappa) is double scale ? (scale, kappa) : null;
    }

    /// <summary>κ for a council whose h is modelled: the exponent that keeps its slope of HLE across deprivation.</summary>
    private static double Exponent(Geography g, Council council, double scale, double gap)
    {
        if (council.Areas.Count < 2) return 1;
        double Gap(double exponent) => Slope(g, council, Hle(g, council, scale, exponent)) - gap;
        return !(Gap(0) < 0) ? 0 : !(Gap(MaxGradient) > 0) ? MaxGradient : Root(Gap, 0, MaxGradient);
    }

    private static double[] Hle(Geography g, Council council, double scale, double exponent) =>
        council.Areas.Select(a => LocalHealth.ExpectanciesYears(MortalityRatio(g, council, a), IllHealthOddsRatio(scale, exponent, council, g.Areas[a])).HealthyLifeExpectancyYears).ToArray();

    private static double Mean(Geography g, Council council, double[] values)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++) sum += g.Areas[council.Areas[i]].Population * values[i];
        return sum / council.Population;
    }

    /// <summary>The population-weighted least-squares slope of <paramref name="values"/> on the small areas' ridit: the council's SII.</summary>
    private static double Slope(Geography g, Council council, double[] values)
    {
        double meanRidit = 0, meanValue = 0, p = council.Population;
        for (int i = 0; i < values.Length; i++)
        {
            var area = g.Areas[council.Areas[i]];
            meanRidit += area.Population / p * area.Ridit;
            meanValue += area.Population / p * values[i];
        }
        double cov = 0, variance = 0;
        for (int i = 0; i < values.Length; i++)
        {
            var area = g.Areas[council.Areas[i]];
            double w = area.Population / p, d = area.Ridit - meanRidit;
            cov += w * d * (values[i] - meanValue);
            variance += w * d * d;
        }
        return variance > 0 ? cov / variance : 0;
    }

    /// <summary>Root of a monotone function bracketed by [low, high] (Brent's method, to 1e-10).</summary>
    private static double Root(Func<double, double> f, double low, double high) => Brent.FindRoot(f, low, high, 1e-10, 200);

    private static IllHealthRegression Regress(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my); }
        double b = sxy / sxx, a = my - b * mx, residual = 0;
        for (int i = 0; i < x.Length; i++) residual += Math.Pow(y[i] - a - b * x[i], 2);
        return new IllHealthRegression(a, b, 1 - residual / syy, Math.Sqrt(residual / (x.Length - 2)), x.Length);
    }
}
