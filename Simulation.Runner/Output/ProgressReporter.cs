using System.Diagnostics;
using System.Globalization;

namespace UrbanSim.Runner.Output;

/// <summary>
/// Progress of a batch on stderr. On a terminal: a bar redrawn in place with percentage, rate and time left. Otherwise
/// (a log file, a pipe, a Slurm job): a plain line every <see cref="PlainInterval"/>. The rate counts only replications
/// computed in this session, and is measured from the first one delivered, so the start-up (loading, compiling, the
/// first block) does not skew it; the rate and the time left are shown only once <see cref="RateKnownAfter"/> has
/// passed since then ("estimating" before), because an early estimate can be wrong by a factor of ten.
/// </summary>
/// <param name="clock">Time since the start (a stopwatch unless a test gives its own).</param>
internal sealed class ProgressReporter(TextWriter stderr, bool terminal, int total, int alreadyDone, string what = "replications",
    TimeSpan? plainInterval = null, TimeSpan? rateKnownAfter = null, Func<TimeSpan>? clock = null)
{
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    /// <summary>How long after the first delivery the rate is trusted enough to show a time left.</summary>
    public static readonly TimeSpan RateKnownAfter = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(150);
    private const int BarWidth = 30;

    /// <summary>
    /// Whether to redraw a bar in place (with a carriage return) rather than print plain lines: only on a terminal that can
    /// return the cursor, so not when stderr is redirected to a file or a pipe, nor on <c>TERM=dumb</c> (Emacs shells, some
    /// CI logs). Neither form has colours or escape sequences, so <c>NO_COLOR</c> needs nothing more.
    /// </summary>
    public static bool DrawsBar(bool stderrIsTerminal, string? term) => stderrIsTerminal && term != "dumb";

    private readonly Func<TimeSpan> _now = clock ?? StopwatchClock();
    private readonly TimeSpan _rateKnownAfter = rateKnownAfter ?? RateKnownAfter;
    private TimeSpan _last = TimeSpan.Zero;
    private TimeSpan? _firstAt;
    private int _doneAtFirst;
    private int _done = alreadyDone;
    private bool _drawn;

    /// <summary>Records that <paramref name="count"/> more are done; draws if it is time.</summary>
    public void Advance(int count = 1)
    {
        var now = _now();
        if (_firstAt is null) { _firstAt = now; _doneAtFirst = _done + count; }
        _done += count;
        if (now - _last < (terminal ? BarInterval : plainInterval ?? PlainInterval)) return;
        _last = now;
        Draw(final: false);
    }

    /// <summary>Draws the final state and ends the bar's line.</summary>
    public void Finish()
    {
        if (terminal || _drawn) Draw(final: true);
        if (terminal) stderr.WriteLine();
    }

    /// <summary>Per second since the first delivery, once that has run long enough to trust; null before.</summary>
    private double? Rate()
    {
        if (_firstAt is not { } first) return null;
        var window = _now() - first;
        return window >= _rateKnownAfter && _done > _doneAtFirst ? (_done - _doneAtFirst) / window.TotalSeconds : null;
    }

    private void Draw(bool final)
    {
        double seconds = _now().TotalSeconds;
        double fraction = total > 0 ? (double)_done / total : 1;
        double? rate = Rate();
        bool finished = _done >= total;
        string timing = finished ? (final ? $"took {Duration(seconds)}" : "ETA 0:00")
            : rate is { } r ? $"ETA {Duration((total - _done) / r)}" : "ETA estimating";
        string speed = rate is { } known ? known.ToString("N0", CultureInfo.InvariantCulture) + "/s" : "–/s";
        var c = CultureInfo.InvariantCulture;
        if (terminal)
        {
            int filled = (int)Math.Round(fraction * BarWidth);
            string bar = new string('█', filled) + new string('░', BarWidth - filled);
            stderr.Write(string.Create(c, $"\r  {bar} {Percent(fraction),4}  {_done:N0}/{total:N0} {what} · {speed} · {timing}   "));
        }
        else
        {
            stderr.WriteLine(string.Create(c, $"  {_done:N0}/{total:N0} {what} ({Percent(fraction)}), {speed}, {timing}"));
        }
        stderr.Flush();
        _drawn = true;
    }

    private static Func<TimeSpan> StopwatchClock()
    {
        var watch = Stopwatch.StartNew();
        return () => watch.Elapsed;
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, Math.Round(seconds)));
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:D2}:{t.Seconds:D2}" : $"{t.Minutes}:{t.Seconds:D2}";
    }
}
