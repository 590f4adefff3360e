namespace UrbanSim.Runner.Charts;

/// <summary>
/// The unit a money axis is drawn in, chosen so tick labels stay short: £bn from £1bn, £m from £1m, else £k.
/// Plotted values are pounds divided by <see cref="GbpPerUnit"/>.
/// </summary>
internal sealed record MoneyScale(double GbpPerUnit, string Unit)
{
    /// <summary>The scale for amounts up to <paramref name="largestAbsoluteGbp"/>.</summary>
    public static MoneyScale For(double largestAbsoluteGbp) => Math.Abs(largestAbsoluteGbp) switch
    {
        >= 1e9 => new MoneyScale(1e9, "£bn"),
        >= 1e6 => new MoneyScale(1e6, "£m"),
        _ => new MoneyScale(1e3, "£k"),
    };

    /// <summary>The scale for the largest absolute amount among <paramref name="amountsGbp"/>.</summary>
    public static MoneyScale For(IEnumerable<double> amountsGbp) =>
        For(amountsGbp.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max());

    /// <summary>Pounds in this scale's unit.</summary>
    public double FromGbp(double gbp) => gbp / GbpPerUnit;
}
