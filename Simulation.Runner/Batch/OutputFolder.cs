using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// One writer per output folder. <c>run</c>, <c>sensitivity</c> and <c>merge</c> hold an exclusive advisory lock on
/// <c>OUT/.urbansim.lock</c> for as long as they write (merge also holds a shared lock on each shard folder it reads),
/// so a second command on the same folder is refused, naming the first, instead of mixing or deleting its results. The
/// lock is the operating system's (flock on Linux and macOS, taken by opening the file unshared), so it goes with the
/// process: a <c>kill -9</c> releases it. Holding the lock, a command may also sweep what a killed writer left behind.
/// </summary>
internal sealed partial class OutputFolder : IDisposable
{
    public const string LockFileName = ".urbansim.lock";
    /// <summary>Who holds the lock, for the message a refused command prints (the lock file itself cannot be read while held).</summary>
    public const string OwnerFileName = ".urbansim.lock.owner";

    private readonly FileStream _lock;
    private readonly bool _exclusive;

    private OutputFolder(string directory, FileStream held, bool exclusive)
    {
        Directory = directory;
        _lock = held;
        _exclusive = exclusive;
    }

    public string Directory { get; }

    /// <summary>
    /// Takes the folder's lock: exclusive to write in it, shared to read it while no one writes (merge reading shards).
    /// Null, with the reason in <paramref name="problem"/>, when another process holds it.
    /// </summary>
    /// <exception cref="IOException">The lock file cannot be created (an I/O failure, not a busy folder).</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to create the lock file.</exception>
    public static OutputFolder? TryLock(string directory, bool exclusive, out string? problem)
    {
        problem = null;
        string path = Path.Combine(directory, LockFileName);
        FileStream stream;
        try
        {
            // .NET takes flock(LOCK_EX) for an unshared open and flock(LOCK_SH) for a shared read, both non-blocking.
            stream = exclusive
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.Read);
        }
        catch (IOException) when (File.Exists(path))
        {
            problem = $"{directory} is in use by {Owner(directory)}";
            return null;
        }
        var folder = new OutputFolder(directory, stream, exclusive);
        if (exclusive) folder.RecordOwner();
        return folder;
    }

    /// <summary>
    /// Creates <paramref name="directory"/> (and its <c>chunks/</c> when <paramref name="withChunks"/>), takes the exclusive
    /// lock and sweeps what a killed writer left; null after printing why not (the folder cannot be created, or another
    /// process holds it), with the exit code.
    /// </summary>
    public static OutputFolder? Claim(string directory, TextWriter stderr, out int exitCode, bool withChunks = true)
    {
        exitCode = Commands.ExitCodes.Ok;
        OutputFolder? folder;
        string? busy;
        try
        {
            System.IO.Directory.CreateDirectory(withChunks ? Path.Combine(directory, Commands.RunCommand.ChunksFolder) : directory);
            folder = TryLock(directory, exclusive: true, out busy);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{directory}: cannot create the output folder ({e.Message.TrimEnd('.')}). Fix: give --out a folder you may write to; nothing was run or written.");
            exitCode = Commands.ExitCodes.Usage;
            return null;
        }
        if (folder is null)
        {
            stderr.WriteLine($"{busy}. Two commands writing one folder would mix their results. Fix: wait for it to finish (or stop it), or give this command another --out; nothing was run or written.");
            exitCode = Commands.ExitCodes.FolderInUse;
            return null;
        }
        int swept = folder.ClearStaleTemporaryFiles();
        if (swept > 0) stderr.WriteLine($"{directory}: removed {swept} temporary file(s) left by an earlier command that was killed.");
        return folder;
    }

    /// <summary>The holder as recorded in the owner file, or a plain description when it is missing or stale.</summary>
    private static string Owner(string directory)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(ReadSmall(Path.Combine(directory, OwnerFileName), 8192))) { DateParseHandling = DateParseHandling.None };
            var o = JObject.Load(reader);
            return string.Create(CultureInfo.InvariantCulture,
                $"another urbansim process (process {(long?)o["pid"]} on {(string?)o["host"]}, started {(string?)o["started_utc"]}: {(string?)o["command"]})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidCastException or FormatException or InvalidDataException)
        {
            return "another urbansim process";
        }
    }

    private void RecordOwner()
    {
        string command = "urbansim " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Quote));
        var owner = new JObject
        {
            ["pid"] = Environment.ProcessId,
            ["host"] = Environment.MachineName,
            ["started_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["command"] = command,
        };
        AtomicFile.WriteAllText(Path.Combine(Directory, OwnerFileName), owner.ToString(Formatting.None) + "\n");
    }

    private static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./:=+,@%".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Removes the temporary files a killed writer leaves (outputs are written to <c>.NAME.RANDOM.tmp</c> and chunks to
    /// <c>NAME.chunk.tmp</c>, then renamed) from the folder, its charts and its chunks; returns how many. Only while the
    /// exclusive lock is held, so they cannot be another process's writes in progress.
    /// </summary>
    public int ClearStaleTemporaryFiles()
    {
        int removed = 0;
        foreach (string folder in new[] { Directory, Path.Combine(Directory, BatchCharts.Folder), Path.Combine(Directory, Commands.RunCommand.ChunksFolder) })
        {
            if (!System.IO.Directory.Exists(folder)) continue;
            foreach (string path in System.IO.Directory.EnumerateFiles(folder))
            {
                string name = Path.GetFileName(path);
                if (!HiddenTemporary().IsMatch(name) && !name.EndsWith(Chunk.Extension + ".tmp", StringComparison.Ordinal)) continue;
                File.Delete(path);
                removed++;
            }
        }
        return removed;
    }

    /// <summary>
    /// Retires the outputs of an earlier command in this folder before new ones are written: manifest.json first (a folder
    /// without one is unfinished), then every file it listed and the given file names. A folder therefore never holds a
    /// manifest that vouches for a mix of old and new files.
    /// </summary>
    public void RetirePreviousOutputs(IEnumerable<string> knownFiles)
    {
        string manifest = Path.Combine(Directory, "manifest.json");
        var listed = new List<string>();
        if (File.Exists(manifest))
        {
            try
            {
                if (JObject.Parse(ReadSmall(manifest, 1L << 20))["files"] is JObject files) listed.AddRange(files.Properties().Select(p => p.Name));
            }
            catch (Exception e) when (e is JsonException or IOException or InvalidDataException) { }
            File.Delete(manifest);
        }
        foreach (string file in listed.Concat(knownFiles).Distinct(StringComparer.Ordinal))
        {
            // Only plain relative names inside the folder: a tampered manifest cannot make this delete anything else.
            if (Path.IsPathRooted(file) || file.Split('/', '\\').Any(part => part is "" or "." or "..")) continue;
            string path = Path.Combine(Directory, file);
            if (File.Exists(path)) File.Delete(path);
        }
    }

    private static string ReadSmall(string path, long maxBytes) =>
        Core.Scenarios.InputFile.TryReadText(path, maxBytes, out string? problem) ?? throw new InvalidDataException($"{path}: {problem}");

    [GeneratedRegex(@"^\..+\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex HiddenTemporary();

    /// <summary>Releases the lock; a writer first removes its owner record, so only a killed writer's record outlives it.</summary>
    public void Dispose()
    {
        if (_exclusive)
        {
            try { File.Delete(Path.Combine(Directory, OwnerFileName)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        _lock.Dispose();
    }
}
