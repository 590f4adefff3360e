using System.Diagnostics;

namespace UrbanSim.Runner.Tests.Commands;

/// <summary>
/// The real <c>urbansim</c> in a process that may write at most a few KiB to any file (Linux: the shell's <c>ulimit -f</c>,
/// with SIGXFSZ ignored), so every larger write fails as on a full disk (EFBIG, "File too large", where a full disk gives
/// ENOSPC). The runtime's own write-xor-execute mapping needs files beyond such a limit, so it is turned off for the process.
/// </summary>
public static class LimitedWrites
{
    private static readonly string UrbansimDll = Path.Combine(AppContext.BaseDirectory, "urbansim.dll");

    public static bool Available => OperatingSystem.IsLinux() && File.Exists("/bin/bash");

    /// <summary>Runs <c>urbansim args…</c> with writes capped at <paramref name="kib"/> KiB per file; exit code and output.</summary>
    public static (int Code, string Out, string Err) Urbansim(int kib, params string[] args)
    {
        var info = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"trap '' XFSZ; ulimit -f {kib}; exec dotnet \"$@\"");
        info.ArgumentList.Add("urbansim");
        info.ArgumentList.Add(UrbansimDll);
        foreach (string a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "urbansim did not finish within two minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
