using System.Diagnostics;
using System.Globalization;

namespace UrbanSim.Runner.Output;

/// <summary>
/// Progress of a batch on stderr. On a terminal: a bar redrawn in place with percentage, rate and time
/// left. Otherwise (a log file, a pipe, a Slurm job): a plain line every <see cref="PlainInterval"/>.
/// The rate counts only replications computed in this session, so a resumed run's estimate is honest.
/// </summary>
public sealed class ProgressReporter(TextWriter stderr, bool terminal, int total, int alreadyDone, string what = "replications", TimeSpan? plainInterval = null)
{
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(150);
    private const int BarWidth = 30;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.Zero;
    private readonly int _startedAt = alreadyDone;
    private int _done = alreadyDone;
    private bool _drawn;

    /// <summary>Records that <paramref name="count"/> more are done; draws if it is time.</summary>
    public void Advance(int count = 1)
    {
        _done += count;
        var now = _clock.Elapsed;
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

    private void Draw(bool final)
    {
        double seconds = _clock.Elapsed.TotalSeconds;
        int fresh = _done - _startedAt;
        double rate = seconds > 0 ? fresh / seconds : 0;
        double fraction = total > 0 ? (double)_done / total : 1;
        string eta = rate > 0 && _done < total ? Duration((total - _done) / rate) : final ? Duration(seconds) : "–";
        string etaLabel = _done < total ? "ETA" : "took";
        var c = CultureInfo.InvariantCulture;
        if (terminal)
        {
            int filled = (int)Math.Round(fraction * BarWidth);
            string bar = new string('█', filled) + new string('░', BarWidth - filled);
            stderr.Write(string.Create(c, $"\r  {bar} {Percent(fraction),4}  {_done:N0}/{total:N0} {what} · {rate:N0}/s · {etaLabel} {eta}   "));
        }
        else
        {
            stderr.WriteLine(string.Create(c, $"  {_done:N0}/{total:N0} {what} ({Percent(fraction)}), {rate:N0}/s, {etaLabel} {eta}"));
        }
        stderr.Flush();
        _drawn = true;
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, Math.Round(seconds)));
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:D2}:{t.Seconds:D2}" : $"{t.Minutes}:{t.Seconds:D2}";
    }
}
