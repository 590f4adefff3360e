namespace UrbanSim.Core.Settlements;

/// <summary>
/// Single pots of every region: a multi-year budget paid in annual instalments and carried over
/// within the settlement. The flexibility share may be spent on any programme; the remainder stays
/// ring-fenced by theme in the tied split. Nothing is clawed back; accountability is through outcomes.
/// </summary>
internal sealed class SinglePot
{
    private readonly double[] _flexibleGbp;
    private readonly double[] _themeGbp;

    public SinglePot(int regions)
    {
        _flexibleGbp = new double[regions];
        _themeGbp = new double[regions * Themes.Count];
    }

    public void Clear() { Array.Clear(_flexibleGbp); Array.Clear(_themeGbp); }

    /// <summary>Pays an instalment: the flexible share into the flexible balance, the rest by theme shares.</summary>
    public void Pay(int region, double amountGbp, double flexibilityShare, ReadOnlySpan<double> themeShares)
    {
        _flexibleGbp[region] += amountGbp * flexibilityShare;
        for (int t = 0; t < Themes.Count; t++)
            _themeGbp[region * Themes.Count + t] += amountGbp * (1 - flexibilityShare) * themeShares[t];
    }

    /// <summary>Adds money (e.g. pooled by the ICB) to the flexible balance.</summary>
    public void AddFlexible(int region, double amountGbp) => _flexibleGbp[region] += amountGbp;

    public double FlexibleGbp(int region) => _flexibleGbp[region];
    public double ThemeGbp(int region, Theme theme) => _themeGbp[region * Themes.Count + (int)theme];

    public void SpendFlexible(int region, double amountGbp)
    {
        if (amountGbp > _flexibleGbp[region] + 1e-6) throw new InvalidOperationException("Single pot overspent.");
        _flexibleGbp[region] = Math.Max(0, _flexibleGbp[region] - amountGbp);
    }

    public void SpendTheme(int region, Theme theme, double amountGbp)
    {
        int i = region * Themes.Count + (int)theme;
        if (amountGbp > _themeGbp[i] + 1e-6) throw new InvalidOperationException("Single pot ring-fence overspent.");
        _themeGbp[i] = Math.Max(0, _themeGbp[i] - amountGbp);
    }

    /// <summary>Unspent money across all regions, £.</summary>
    public double TotalBalanceGbp()
    {
        double sum = 0;
        foreach (double a in _flexibleGbp) sum += a;
        foreach (double a in _themeGbp) sum += a;
        return sum;
    }
}
