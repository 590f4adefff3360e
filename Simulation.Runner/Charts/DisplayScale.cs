namespace UrbanSim.Runner.Charts;

/// <summary>
/// The unit a quantity is drawn in so its tick labels stay short: pounds in £bn, £m or £k (<see cref="MoneyScale"/>),
/// counts in millions or thousands ("thousand QALYs"), and anything else (years, shares) as it is.
/// </summary>
internal sealed record DisplayScale(double Divisor, string Unit)
{
    /// <summary>The scale for values of <paramref name="unit"/> up to the largest absolute of <paramref name="values"/>.</summary>
    public static DisplayScale For(string unit, IEnumerable<double> values)
    {
        double largest = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (unit.StartsWith('£'))
        {
            var money = MoneyScale.For(largest);
            return new DisplayScale(money.GbpPerUnit, money.Unit + unit[1..]);
        }
        if (unit is "years" or "share" or "indicator" || unit.Contains(" per ", StringComparison.Ordinal)) return new DisplayScale(1, unit);
        return largest >= 1e7 ? new DisplayScale(1e6, "million " + unit) : largest >= 1e4 ? new DisplayScale(1e3, "thousand " + unit) : new DisplayScale(1, unit);
    }
}
