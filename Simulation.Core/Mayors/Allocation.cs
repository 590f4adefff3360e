using UrbanSim.Core.Programmes;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Mayors;

/// <summary>
/// How a mayor splits the money they may spend this year across programmes: by marginal perceived benefit per £,
/// with saturating returns, theme money kept to its own theme, and money that can wait held when nothing is worth it.
/// </summary>
internal static class Allocation
{
    /// <summary>
    /// Allocates money to programmes so that it goes where the marginal perceived benefit per £ is highest: the
    /// limit of spending it £1 at a time on the best programme. Marginal benefit of programme p after spending x
    /// this year is benefit[p] × exp(−x / saturation[p]); spending on p stops at cap[p]. So every programme that
    /// gets money ends at the same marginal benefit λ (x_p = saturation[p] × ln(benefit[p] / λ), within its cap),
    /// except those with a constant marginal benefit (infinite saturation), which take money to their cap, in
    /// order of benefit, before λ falls below their benefit. Theme money may only go to programmes of its own
    /// theme (tied pots, ring-fences); flexible money may go anywhere and is allocated after theme money,
    /// continuing from the spend it already bought. The mayor's outside option is to hold money for a later year:
    /// money that can wait goes only where its marginal benefit exceeds <paramref name="holdBenefitPerGbp"/> (λ never
    /// falls below it), and the rest stays in its pot. Money that is due this year (<paramref name="dueThemeMoneyGbp"/>,
    /// part of the theme money) cannot wait: it is allocated first with no hurdle, and, when every programme with a
    /// benefit is full, goes to programmes without one, in programme order. Money that no programme can absorb is left.
    /// </summary>
    /// <param name="dueThemeMoneyGbp">[theme] the part of each theme's money that must be spent this year or lost.</param>
    /// <param name="themeMoneyGbp">[theme] money restricted to each theme (including what is due).</param>
    /// <param name="flexibleMoneyGbp">Money free to move across themes.</param>
    /// <param name="holdBenefitPerGbp">The perceived benefit per £ of holding money that can wait (the value-for-money hurdle).</param>
    /// <param name="benefitPerGbp">[programme] marginal perceived benefit at zero spend this year.</param>
    /// <param name="saturationGbp">[programme] spend at which the marginal benefit has fallen by a factor e.</param>
    /// <param name="capGbp">[programme] most that can usefully be spent this year.</param>
    /// <param name="themeOfProgramme">[programme] the theme whose money may pay for it.</param>
    /// <param name="spendGbp">[programme] output: spend by programme.</param>
    /// <param name="spendFromThemeGbp">[programme] output: the part of spend paid from theme money.</param>
    public static void AllocateByBenefitPerPound(ReadOnlySpan<double> dueThemeMoneyGbp, ReadOnlySpan<double> themeMoneyGbp, double flexibleMoneyGbp,
        double holdBenefitPerGbp, ReadOnlySpan<double> benefitPerGbp, ReadOnlySpan<double> saturationGbp, ReadOnlySpan<double> capGbp,
        ReadOnlySpan<Theme> themeOfProgramme, Span<double> spendGbp, Span<double> spendFromThemeGbp)
    {
        int n = benefitPerGbp.Length;
        if (saturationGbp.Length != n || capGbp.Length != n || themeOfProgramme.Length != n || spendGbp.Length != n || spendFromThemeGbp.Length != n)
            throw new ArgumentException("Every per-programme span must have one entry per programme.", nameof(spendGbp));
        if (n > ProgrammeCatalogue.MaxCount) throw new ArgumentException($"At most {ProgrammeCatalogue.MaxCount} programmes.", nameof(benefitPerGbp));
        spendGbp.Clear();
        spendFromThemeGbp.Clear();
        // The allocation works with logarithms of marginal benefits (λ falls through e-folds of spend), taken once.
        Span<double> logBenefit = stackalloc double[n];
        for (int p = 0; p < n; p++) logBenefit[p] = benefitPerGbp[p] > 0 ? Math.Log(benefitPerGbp[p]) : double.NaN;
        double logHold = holdBenefitPerGbp > 0 ? Math.Log(holdBenefitPerGbp) : double.NegativeInfinity;
        for (int t = 0; t < themeMoneyGbp.Length; t++)
        {
            double due = Math.Min(dueThemeMoneyGbp.IsEmpty ? 0 : dueThemeMoneyGbp[t], themeMoneyGbp[t]);
            if (due > 0)
                EqualiseMarginalBenefit(due, (Theme)t, double.NegativeInfinity, themeOfProgramme, benefitPerGbp, logBenefit, saturationGbp, capGbp, spendGbp, spendFromThemeGbp);
            double canWait = themeMoneyGbp[t] - due;
            if (canWait > 0)
                EqualiseMarginalBenefit(canWait, (Theme)t, logHold, themeOfProgramme, benefitPerGbp, logBenefit, saturationGbp, capGbp, spendGbp, spendFromThemeGbp);
        }
        if (flexibleMoneyGbp > 0)
            EqualiseMarginalBenefit(flexibleMoneyGbp, null, logHold, themeOfProgramme, benefitPerGbp, logBenefit, saturationGbp, capGbp, spendGbp, default);
    }

    /// <summary>Programme states while the common marginal benefit λ falls.</summary>
    private const byte Waiting = 0, Taking = 1, Full = 2;

    /// <summary>
    /// Adds <paramref name="money"/> to the eligible programmes' spend (theme money: that theme's programmes), equalising
    /// marginal benefits. Lowers λ through the levels where a programme starts taking money (its marginal benefit at
    /// its current spend) or reaches its cap, and solves for λ in closed form on the segment where the money runs out.
    /// Works in log λ throughout: the marginal benefit at spend x is ln b − x / S in logs, so no exponential is needed.
    /// </summary>
    /// <remarks>λ never falls below e^<paramref name="logHold"/>: money still unallocated there is held (−∞: none is).</remarks>
    private static void EqualiseMarginalBenefit(double money, Theme? theme, double logHold, ReadOnlySpan<Theme> themeOfProgramme, ReadOnlySpan<double> benefit, ReadOnlySpan<double> logBenefit,
        ReadOnlySpan<double> saturation, ReadOnlySpan<double> cap, Span<double> spend, Span<double> spendFromTheme)
    {
        int n = benefit.Length;
        Span<byte> state = stackalloc byte[n];
        Span<double> level = stackalloc double[2 * n];   // log λ of each event
        Span<int> code = stackalloc int[2 * n];          // programme * 2 + (0 starts taking, 1 reaches its cap)
        Span<bool> eligible = stackalloc bool[n];
        int events = 0;
        for (int p = 0; p < n; p++)
        {
            eligible[p] = (theme is not { } t || themeOfProgramme[p] == t) && spend[p] < cap[p];
            state[p] = Full;
            if (!eligible[p] || !(benefit[p] > 0)) continue;
            state[p] = Waiting;
            bool constant = double.IsPositiveInfinity(saturation[p]);
            level[events] = constant ? logBenefit[p] : logBenefit[p] - spend[p] / saturation[p];
            code[events++] = p * 2;
            if (!constant && double.IsFinite(cap[p]))
            {
                level[events] = logBenefit[p] - cap[p] / saturation[p];
                code[events++] = p * 2 + 1;
            }
        }
        // Highest λ first; ties in programme order, a start before a cap.
        for (int i = 1; i < events; i++)
            for (int j = i; j > 0 && (level[j] > level[j - 1] || (level[j] == level[j - 1] && code[j] < code[j - 1])); j--)
            {
                (level[j], level[j - 1]) = (level[j - 1], level[j]);
                (code[j], code[j - 1]) = (code[j - 1], code[j]);
            }

        double added = 0;          // money taken by programmes that are full
        double logLambda = double.NaN;
        bool holding = false;      // λ reached the hurdle with money left: the rest is held
        for (int i = 0; i < events && double.IsNaN(logLambda); i++)
        {
            double logLevel = level[i];
            if (logLevel <= logHold)
            {
                // Nothing below the hurdle is worth the money: spend down to it, or less if the money runs out first.
                if (added + Taken(logHold, state, logBenefit, saturation, spend, out _) >= money) logLambda = SolveLogLambda(money - added, state, logBenefit, saturation, spend);
                else { logLambda = logHold; holding = true; }
                break;
            }
            double taking = Taken(logLevel, state, logBenefit, saturation, spend, out _);
            if (added + taking >= money) { logLambda = SolveLogLambda(money - added, state, logBenefit, saturation, spend); break; }
            int p = code[i] >> 1;
            if ((code[i] & 1) == 1) { added += cap[p] - spend[p]; state[p] = Full; Fill(p, cap[p], theme, spend, spendFromTheme); }
            else if (!double.IsPositiveInfinity(saturation[p])) state[p] = Taking;
            else
            {
                // A constant marginal benefit: the programme takes everything up to its cap at λ = its benefit.
                double room = cap[p] - spend[p];
                if (added + taking + room >= money)
                {
                    double part = money - added - taking;
                    Fill(p, spend[p] + part, theme, spend, spendFromTheme);
                    added += part;
                    logLambda = logLevel;
                    break;
                }
                added += room;
                state[p] = Full;
                Fill(p, cap[p], theme, spend, spendFromTheme);
            }
        }
        if (double.IsNaN(logLambda) && !double.IsNegativeInfinity(logHold))
        {
            // Every event is above the hurdle: the programmes still taking money go down to it, or the money runs out first.
            if (added + Taken(logHold, state, logBenefit, saturation, spend, out _) >= money) logLambda = SolveLogLambda(money - added, state, logBenefit, saturation, spend);
            else { logLambda = logHold; holding = true; }
        }
        if (double.IsNaN(logLambda))
        {
            if (Taken(double.NegativeInfinity, state, logBenefit, saturation, spend, out double slope) > 0 && slope > 0)
                logLambda = SolveLogLambda(money - added, state, logBenefit, saturation, spend);
            else
            {
                // Every programme with a benefit is full: the rest goes to programmes without one, in order.
                double left = money - added;
                for (int p = 0; p < n && left > 0; p++)
                {
                    if (!eligible[p] || benefit[p] > 0) continue;
                    double amount = Math.Min(left, cap[p] - spend[p]);
                    Fill(p, spend[p] + amount, theme, spend, spendFromTheme);
                    left -= amount;
                }
                return;
            }
        }
        // Programmes taking money end where their marginal benefit is λ; the last of them takes the rounding remainder.
        double target = money - added;
        int last = -1;
        for (int p = 0; p < n; p++)
        {
            if (state[p] != Taking) continue;
            double x = Math.Clamp(saturation[p] * (logBenefit[p] - logLambda), spend[p], cap[p]);
            target -= x - spend[p];
            Fill(p, x, theme, spend, spendFromTheme);
            last = p;
        }
        if (last >= 0 && target != 0 && !holding)
            Fill(last, Math.Clamp(spend[last] + target, 0, cap[last]), theme, spend, spendFromTheme);
    }

    /// <summary>
    /// Money the programmes taking money hold beyond their current spend when the common marginal benefit is
    /// e^logLambda; <paramref name="saturationSum"/> is the sum of their saturations (the slope in log λ).
    /// </summary>
    private static double Taken(double logLambda, ReadOnlySpan<byte> state, ReadOnlySpan<double> logBenefit,
        ReadOnlySpan<double> saturation, ReadOnlySpan<double> spend, out double saturationSum)
    {
        double taken = 0;
        saturationSum = 0;
        for (int p = 0; p < state.Length; p++)
        {
            if (state[p] != Taking) continue;
            saturationSum += saturation[p];
            taken += double.IsNegativeInfinity(logLambda) ? double.PositiveInfinity : Math.Max(0, saturation[p] * (logBenefit[p] - logLambda) - spend[p]);
        }
        return taken;
    }

    /// <summary>log λ at which the programmes taking money hold <paramref name="money"/> beyond their current spend.</summary>
    private static double SolveLogLambda(double money, ReadOnlySpan<byte> state, ReadOnlySpan<double> logBenefit,
        ReadOnlySpan<double> saturation, ReadOnlySpan<double> spend)
    {
        // Σ S_p (ln b_p − ln λ) − s_p = money  ⇒  ln λ = (Σ (S_p ln b_p − s_p) − money) / Σ S_p.
        double weighted = 0, saturationSum = 0;
        for (int p = 0; p < state.Length; p++)
        {
            if (state[p] != Taking) continue;
            weighted += saturation[p] * logBenefit[p] - spend[p];
            saturationSum += saturation[p];
        }
        return saturationSum > 0 ? (weighted - money) / saturationSum : double.PositiveInfinity;
    }

    private static void Fill(int p, double spendGbp, Theme? theme, Span<double> spend, Span<double> spendFromTheme)
    {
        if (theme is not null) spendFromTheme[p] += spendGbp - spend[p];
        spend[p] = spendGbp;
    }
}
