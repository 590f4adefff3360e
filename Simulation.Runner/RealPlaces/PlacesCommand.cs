using System.Globalization;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.RealPlaces;

/// <summary>
/// <c>urbansim places build --from DIR [--level msoa|lsoa|decile] [--authorities …] --out FILE [--checks FILE]</c>: builds a
/// zones file of real places from official open data. Bad input: every problem (file, line, column, fix), exit 2,
/// nothing written. A write that fails: exit 74, no partial file.
/// </summary>
internal static class PlacesCommand
{
    public static int Build(string from, PlaceLevel level, string? authorities, string outFile, string? checksFile, TextWriter stdout, TextWriter stderr)
    {
        var problems = new List<ValidationProblem>();
        var built = PlacesBuilder.Build(from, level, authorities, problems);
        if (built is null || problems.Count > 0)
        {
            foreach (var p in problems) stderr.WriteLine(p);
            stderr.WriteLine($"places build: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}; nothing was written.");
            return ExitCodes.InvalidInput;
        }
        try
        {
            foreach (string file in new[] { outFile, checksFile }.OfType<string>())
                if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
            AtomicFile.WriteText(outFile, w => ZonesFile.Write(w, built.Comments, built.Zones));
            if (checksFile is not null)
                AtomicFile.WriteText(checksFile, w =>
                {
                    foreach (string comment in built.Comments.Take(4)) w.WriteLine("# " + comment);
                    w.WriteLine(AuthorityCheck.CsvHeader);
                    foreach (var check in built.Checks) w.WriteLine(check.CsvRow());
                });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"places build: cannot write {outFile}{(checksFile is null ? "" : $" or {checksFile}")}: {e.Message}. Fix: check the folder exists, is writable and has space; no partial file was left.");
            return ExitCodes.WriteFailed;
        }
        Report(built, level, outFile, checksFile, stdout);
        return ExitCodes.Ok;
    }

    private static void Report(BuiltPlaces built, PlaceLevel level, string outFile, string? checksFile, TextWriter stdout)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(c, $"Built {built.Zones.Length:N0} zones ({level.ToString().ToLowerInvariant()}) of {built.Checks.Count} authorities, {built.Zones.Sum(z => z.Population) / 1e6:0.00} million residents: {outFile}{(checksFile is null ? "" : $" (checks: {checksFile})")}"));
        stdout.WriteLine("Start year against ONS 2021-23 (population-weighted; HLE over the councils ONS publishes it for):");
        stdout.WriteLine(string.Create(c, $"{"authority",-33} {"capacity",-11} {"residents",11} {"zones",6} {"LE ONS",7} {"model",6} {"HLE ONS",8} {"model",6} {"councils",9}"));
        foreach (var a in built.Checks)
            stdout.WriteLine(string.Create(c, $"{a.Authority,-33} {a.Capacity.ToString().ToLowerInvariant(),-11} {a.Population,11:N0} {a.Zones,6} {a.OnsLeYears,7:0.00} {a.ModelLeYears,6:0.00} {(a.OnsHleYears is double o ? o.ToString("0.00", c) : "-"),8} {(a.ModelHlePublishedCouncilsYears is double m ? m.ToString("0.00", c) : "-"),6} {$"{a.CouncilsWithHle}/{a.Councils}",9}"));
    }
}
