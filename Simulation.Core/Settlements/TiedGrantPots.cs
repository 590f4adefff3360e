namespace UrbanSim.Core.Settlements;

/// <summary>
/// Tied, ring-fenced grant pots of every region: each year's allocation per theme is a vintage with its own deadline.
/// A pot can only pay for programmes of its theme; spending draws the oldest vintage first. As the audit record
/// describes (NAO 2023; PAC 2024: 60 of 71 Levelling Up Fund round 1 projects extended), a vintage whose deadline
/// passes unspent is mostly extended, not lost: a small share is forfeited and the rest gets another year, up to a
/// number of extensions; what is left after the last one is forfeited. In its final year a vintage is due: the mayor
/// spends it rather than lose it. Arrays indexed [(region * themes + theme) * slots + slot].
/// </summary>
internal sealed class TiedGrantPots
{
    /// <summary>Vintages a theme can hold at once (pots last at most 10 years, plus at most 5 extensions).</summary>
    public const int Slots = 16;

    private readonly double[] _amountGbp;
    private readonly int[] _endYear;
    private readonly int[] _extensions;
    private readonly int _regions;

    public TiedGrantPots(int regions)
    {
        _regions = regions;
        _amountGbp = new double[regions * Themes.Count * Slots];
        _endYear = new int[regions * Themes.Count * Slots];
        _extensions = new int[regions * Themes.Count * Slots];
    }

    /// <summary>Empties every pot.</summary>
    public void Clear() { Array.Clear(_amountGbp); Array.Clear(_endYear); Array.Clear(_extensions); }

    private int Base(int region, Theme theme) => (region * Themes.Count + (int)theme) * Slots;

    /// <summary>Adds a vintage of <paramref name="amountGbp"/> that must be spent by the end of <paramref name="endYear"/>.</summary>
    public void Add(int region, Theme theme, double amountGbp, int endYear)
    {
        if (amountGbp <= 0) return;
        int b = Base(region, theme);
        for (int s = 0; s < Slots; s++)
        {
            if (_amountGbp[b + s] > 0 && _endYear[b + s] == endYear && _extensions[b + s] == 0) { _amountGbp[b + s] += amountGbp; return; }
        }
        for (int s = 0; s < Slots; s++)
        {
            if (_amountGbp[b + s] <= 0) { _amountGbp[b + s] = amountGbp; _endYear[b + s] = endYear; _extensions[b + s] = 0; return; }
        }
        throw new InvalidOperationException("More tied pot vintages than slots; pot lives and extensions are validated.");
    }

    /// <summary>Unspent money in a theme's pots, £.</summary>
    public double BalanceGbp(int region, Theme theme)
    {
        int b = Base(region, theme);
        double sum = 0;
        for (int s = 0; s < Slots; s++) sum += _amountGbp[b + s];
        return sum;
    }

    /// <summary>
    /// Money of a theme's pots that is due: in the final year it may be held (its deadline is
    /// <paramref name="year"/> and it has had its <paramref name="maxExtensions"/> extensions), £.
    /// </summary>
    public double DueGbp(int region, Theme theme, int year, int maxExtensions)
    {
        int b = Base(region, theme);
        double sum = 0;
        for (int s = 0; s < Slots; s++)
            if (_amountGbp[b + s] > 0 && _endYear[b + s] <= year && _extensions[b + s] >= maxExtensions) sum += _amountGbp[b + s];
        return sum;
    }

    /// <summary>Total unspent money across all regions and themes, £.</summary>
    public double TotalBalanceGbp()
    {
        double sum = 0;
        foreach (double a in _amountGbp) sum += a;
        return sum;
    }

    /// <summary>Spends from a theme's pots, oldest vintage first. Spending more than the balance is a bug.</summary>
    public void Spend(int region, Theme theme, double amountGbp)
    {
        int b = Base(region, theme);
        double remaining = amountGbp;
        while (remaining > 1e-6)
        {
            int oldest = -1;
            for (int s = 0; s < Slots; s++)
                if (_amountGbp[b + s] > 0 && (oldest < 0 || _endYear[b + s] < _endYear[b + oldest])) oldest = s;
            if (oldest < 0) throw new InvalidOperationException($"Tied pot overspent by £{remaining:F0}.");
            double take = Math.Min(remaining, _amountGbp[b + oldest]);
            _amountGbp[b + oldest] -= take;
            remaining -= take;
        }
    }

    /// <summary>
    /// The end of year <paramref name="year"/> for the region's vintages whose deadline it is: each with an extension
    /// left forfeits <paramref name="forfeitShare"/> of its balance and is extended by a year (the rest is added to
    /// <paramref name="extendedGbp"/>); one that has had <paramref name="maxExtensions"/> is forfeited whole.
    /// Returns the £ forfeited.
    /// </summary>
    public double EndOfYear(int region, int year, double forfeitShare, int maxExtensions, ref double extendedGbp)
    {
        double forfeited = 0;
        for (int t = 0; t < Themes.Count; t++)
        {
            int b = Base(region, (Theme)t);
            for (int s = 0; s < Slots; s++)
            {
                int i = b + s;
                if (_amountGbp[i] <= 0 || _endYear[i] > year) continue;
                if (_extensions[i] >= maxExtensions) { forfeited += _amountGbp[i]; _amountGbp[i] = 0; continue; }
                double lost = _amountGbp[i] * forfeitShare;
                forfeited += lost;
                _amountGbp[i] -= lost;
                extendedGbp += _amountGbp[i];
                _endYear[i] = year + 1;
                _extensions[i]++;
            }
        }
        return forfeited;
    }

    /// <summary>Number of regions the pots are sized for.</summary>
    public int RegionCount => _regions;
}

/// <summary>Competitive bidding for tied money.</summary>
internal static class CompetitiveBidding
{
    /// <summary>
    /// Probability one bid succeeds: the national success rate scaled by the region's capacity relative to
    /// a reference capacity (a developing mayoralty's), so established authorities win more often (capacity gap).
    /// </summary>
    public static double SuccessProbability(double nationalSuccessRate, double capacity, double referenceCapacity) =>
        referenceCapacity > 0 ? Math.Clamp(nationalSuccessRate * capacity / referenceCapacity, 0, 0.95) : 0;

    /// <summary>
    /// Splits a national competitive pot among regions by their successful bids weighted by their size.
    /// Regions with no successful bid get nothing; if nobody wins, the money stays with the Treasury.
    /// </summary>
    /// <param name="potGbp">National pot for one theme this year.</param>
    /// <param name="wins">[regions] successful bids.</param>
    /// <param name="sizeWeight">[regions] weight of each region's bids (its formula share).</param>
    /// <param name="awardGbp">[regions] output.</param>
    /// <returns>The money left unawarded, £.</returns>
    public static double Award(double potGbp, ReadOnlySpan<int> wins, ReadOnlySpan<double> sizeWeight, Span<double> awardGbp)
    {
        double total = 0;
        for (int r = 0; r < wins.Length; r++) total += wins[r] * sizeWeight[r];
        if (total <= 0) { awardGbp.Clear(); return potGbp; }
        for (int r = 0; r < wins.Length; r++) awardGbp[r] = potGbp * wins[r] * sizeWeight[r] / total;
        return 0;
    }
}
