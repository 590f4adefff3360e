using System.Globalization;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Commands;

/// <summary>The end of a shard of <c>urbansim run</c> or <c>urbansim sensitivity</c>: its record written, what it did printed, and what to do next.</summary>
internal static class ShardFinish
{
    /// <summary>
    /// Writes <c>shard.json</c> (only now, so a shard that is running or was killed cannot be merged by mistake) and
    /// reports; <see cref="ExitCodes.Interrupted"/> when the slice is not complete.
    /// </summary>
    public static int Write(ShardRecord record, string outDir, int threads, DateTimeOffset started, TextWriter stdout, TextWriter stderr)
    {
        record.Write(outDir);
        double wall = (DateTimeOffset.UtcNow - started).TotalSeconds;
        int size = record.End - record.First;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Shard {record.Spec}: {record.Items} {record.First:N0}–{record.End - 1:N0} ({record.Done:N0} of {size:N0} done) of {record.Total:N0} in {wall:F1} s on {threads} thread(s); seed {record.Seed}"));
        stdout.WriteLine($"Wrote {outDir}/: chunks/ and {ShardRecord.FileName}. When all {record.Shards} shards are done, combine them with: urbansim merge <the {record.Shards} shard folders> --out <folder>");
        if (!record.Complete)
        {
            stderr.WriteLine($"Stopped after {record.Done:N0} of {size:N0} {record.Items} of shard {record.Spec}.");
            stderr.WriteLine($"To finish, run the same command with --resume: {record.ResumeCommand(outDir)}");
            return ExitCodes.Interrupted;
        }
        return ExitCodes.Ok;
    }
}
