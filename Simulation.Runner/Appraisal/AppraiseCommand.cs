using UrbanSim.Runner.Output;
using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Appraisal;

/// <summary>
/// <c>urbansim appraise &lt;appraisal.json&gt; [--out FILE]</c>: HEAT-style health appraisal of an exposure change
/// for one population (<see cref="HealthAppraisal"/>).
/// </summary>
internal static class AppraiseCommand
{
    /// <summary>Exit code when the result was written.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the input was valid but the result file could not be written (a full disk, say): 74, as every command's write failure.</summary>
    public const int OutputFailed = Commands.ExitCodes.WriteFailed;

    /// <summary>Exit code when the input file or the output path has problems; nothing is written.</summary>
    public const int InvalidInput = 2;

    /// <summary>
    /// Validates <paramref name="appraisalPath"/>, appraises it, prints a table to <paramref name="stdout"/>
    /// and writes the result JSON (see <see cref="AppraisalReport.ToJson"/>) atomically to
    /// <paramref name="outPath"/>, or by default to <see cref="DefaultOutputPath"/> (creating <c>out/</c>). Every problem is
    /// printed to <paramref name="stderr"/>, one per line, and then nothing is written.
    /// </summary>
    /// <returns><see cref="Success"/>, <see cref="InvalidInput"/> or <see cref="OutputFailed"/>.</returns>
    public static int Run(string appraisalPath, string? outPath, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(appraisalPath);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        AppraisalLoadResult loaded = AppraisalFileLoader.Load(appraisalPath);
        string output = outPath ?? DefaultOutputPath(appraisalPath);
        if (outPath is null && loaded.Problems.Count == 0)
        {
            try { Directory.CreateDirectory(DefaultFolder); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* reported below as a folder that does not exist */ }
        }
        var problems = new List<ValidationProblem>(loaded.Problems);
        problems.AddRange(CheckOutputPath(appraisalPath, output));
        if (problems.Count > 0 || loaded.Input is null)
        {
            foreach (ValidationProblem problem in problems) stderr.WriteLine(problem);
            stderr.WriteLine(problems.Count == 1 ? "1 problem; nothing was written." : $"{problems.Count} problems; nothing was written.");
            return InvalidInput;
        }

        AppraisalInput input = loaded.Input;
        AppraisalResult result = HealthAppraisal.Appraise(input.Population, input.Before, input.After);
        try
        {
            AtomicFile.WriteAllText(output, AppraisalReport.ToJson(input, result));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(new ValidationProblem(output, 0, 0, "", $"the result could not be written ({e.Message.TrimEnd('.')})",
                "check that the folder exists and that you may write to it, or choose another --out path"));
            return OutputFailed;
        }

        AppraisalReport.WriteTable(stdout, appraisalPath, input, result);
        stdout.WriteLine($"Result written to {output}");
        return Success;
    }

    /// <summary>Folder the result goes to when no --out is given, as <c>urbansim run</c>'s outputs do.</summary>
    public const string DefaultFolder = "out";

    /// <summary>
    /// Default result path: in <see cref="DefaultFolder"/>, named after the input
    /// (<c>examples/appraisal-walking.json</c> → <c>out/appraisal-walking.result.json</c>), so an appraisal of a file in
    /// the repository does not leave an untracked file beside it.
    /// </summary>
    public static string DefaultOutputPath(string appraisalPath) => Path.Combine(DefaultFolder, Path.GetFileName(BesideInputPath(appraisalPath)));

    /// <summary>
    /// The result path with <c>--beside-input</c>: next to the input, with a final ".json" (any case) replaced by
    /// ".result.json", or ".result.json" appended when the input has another extension
    /// (<c>examples/appraisal-walking.json</c> → <c>examples/appraisal-walking.result.json</c>).
    /// </summary>
    public static string BesideInputPath(string appraisalPath)
    {
        ArgumentNullException.ThrowIfNull(appraisalPath);
        string stem = appraisalPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? appraisalPath[..^".json".Length] : appraisalPath;
        return stem + ".result.json";
    }

    private static IEnumerable<ValidationProblem> CheckOutputPath(string appraisalPath, string output)
    {
        string fullOutput = Path.GetFullPath(output);
        if (string.Equals(fullOutput, Path.GetFullPath(appraisalPath), StringComparison.Ordinal))
        {
            yield return new ValidationProblem(output, 0, 0, "", "the output path is the appraisal file itself",
                "choose a different --out path so the input is not overwritten");
            yield break;
        }
        if (Directory.Exists(fullOutput))
        {
            yield return new ValidationProblem(output, 0, 0, "", "the output path is a folder",
                "give a file name for --out, for example results/appraisal.result.json");
            yield break;
        }
        string? folder = Path.GetDirectoryName(fullOutput);
        if (folder is not null && !Directory.Exists(folder))
            yield return new ValidationProblem(output, 0, 0, "", $"the output folder {folder} does not exist",
                "create the folder first or choose another --out path");
    }
}
