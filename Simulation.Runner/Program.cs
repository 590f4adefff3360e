using System.CommandLine;
using UrbanSim.Runner.Appraisal;
using UrbanSim.Runner.Commands;

namespace UrbanSim.Runner;

/// <summary>The <c>urbansim</c> command line.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return Run(args, Console.Out, Console.Error);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"urbansim: internal error: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine("This is a bug in UrbanSim, not in your input; please report it with the command you ran.");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// Refuses an empty or blank --out: "" is no folder at all, and would have written into the current folder and cleared
    /// its chunks/.
    /// </summary>
    private static void RequireAPath(Option option, string what)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && string.IsNullOrWhiteSpace(result.Tokens[0].Value))
                result.AddError($"--out must name {what}, not an empty string (which would mean the current folder). Nothing was run or written.");
        });
    }

    /// <summary>
    /// Runs <c>urbansim args…</c>. A wrong command line (an unknown command or option, a missing file name, a value out of
    /// range or of the wrong kind) gets one line per problem naming it and how to fix it, and exit code 2, as bad input
    /// does; nothing runs. Otherwise the command's own exit code.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = BuildRoot(stdout, stderr).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string command = string.Join(' ', new[] { "urbansim" }.Concat(CommandPath(parsed)));
            foreach (var error in parsed.Errors)
                stderr.WriteLine($"{command}: {error.Message.TrimEnd('.')}. Fix: see '{command} --help'.");
            return ExitCodes.Usage;
        }
        // Without System.CommandLine's own handler, which would print a stack trace, a bug reaches Main's catch.
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.ParseResult parsed)
    {
        var names = new List<string>();
        for (var c = parsed.CommandResult; c is not null && c.Command is not RootCommand; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, c.Command.Name);
        return names;
    }

    /// <summary>The command tree; writers are parameters so tests can capture output.</summary>
    public static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("UrbanSim: agent-based simulation of urban development and health under English devolution settlements.");

        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario JSON file, e.g. scenarios/reference.json" };
        var reps = CommandLineOptions.Whole("--reps", "Monte Carlo replications [default: the scenario's]", 1, Core.Scenarios.ScenarioLoader.MaxReplications);
        var seed = CommandLineOptions.Seed("Random seed [default: the scenario's]");
        var threads = CommandLineOptions.Whole("--threads", "Worker threads; results are identical for any number [default: as many as fit in 80% of the available memory, at most the cores]", 1, 1024);
        var outDir = new Option<string?>("--out") { Description = "Output folder [default: out/<scenario name>]" };
        var resume = new Option<bool>("--resume") { Description = "Keep the replications already in --out (after Ctrl-C, a crash or a kill) and compute only the missing ones" };
        var shardOption = new Option<string?>("--shard") { Description = "Run only slice K of N (e.g. 2/8) of the replications, writing chunks and shard.json for 'urbansim merge' [default: all of them, and the outputs]" };
        var run = new Command("run", "Run a scenario's Monte Carlo batch; write summary.json, CSVs, charts and a manifest to --out");
        run.Arguments.Add(scenarioArg);
        var yes = new Option<bool>("--yes") { Description = "Go on although the estimate says the job would take over an hour, write over 20 GiB or need more memory than the threads asked for fit in" };
        run.Options.Add(reps); run.Options.Add(seed); run.Options.Add(threads); run.Options.Add(outDir); run.Options.Add(resume); run.Options.Add(shardOption); run.Options.Add(yes);
        shardOption.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && Batch.ShardSpec.TryParse(result.Tokens[0].Value, out string? problem) is null) result.AddError(problem!);
        });
        run.SetAction(r =>
        {
            using var stop = StopSignals.Listen(stderr);
            var options = new RunOptions(r.GetValue(scenarioArg)!, r.GetValue(reps), r.GetValue(seed), r.GetValue(threads), r.GetValue(outDir), r.GetValue(resume),
                r.GetValue(shardOption) is { } shardText ? Batch.ShardSpec.TryParse(shardText, out _) : null, r.GetValue(yes));
            // A progress bar only when stderr is a real terminal (not a log file, a pipe or a test's writer).
            bool terminal = Output.ProgressReporter.DrawsBar(ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected, Environment.GetEnvironmentVariable("TERM"));
            return RunCommand.Run(options, stdout, stderr, stop.Token, terminal);
        });
        root.Subcommands.Add(run);

        var validateArg = new Argument<string>("scenario") { Description = "Scenario JSON file" };
        var mergeDirs = new Argument<string[]>("shards") { Description = "Output folders of 'urbansim run --shard K/N' (or of 'urbansim sensitivity' or 'urbansim evaluate --shard K/N'), one per shard", Arity = ArgumentArity.OneOrMore };
        var mergeOut = new Option<string>("--out") { Description = "Folder for the merged outputs", Required = true };
        RequireAPath(outDir, "a folder"); RequireAPath(mergeOut, "a folder");
        var merge = new Command("merge", "Combine the shards of a run, a sensitivity analysis or an evaluation (--shard K/N) into the outputs a single run writes");
        merge.Arguments.Add(mergeDirs);
        merge.Options.Add(mergeOut);
        var mergeMixed = new Option<bool>("--allow-mixed-instruction-sets") { Description = "Merge shards computed with different vector instruction sets (results may then differ in the last bits from a single run); the manifest records the mix" };
        merge.Options.Add(mergeMixed);
        merge.SetAction(r => MergeCommand.Run(r.GetValue(mergeDirs)!, r.GetValue(mergeOut)!, stdout, stderr, r.GetValue(mergeMixed)));
        root.Subcommands.Add(merge);

        var validate = new Command("validate", "Check a scenario and report every problem at once");
        validate.Arguments.Add(validateArg);
        var validateFormat = new Option<string>("--format") { Description = "text: one line per problem on stderr, for people; json: {file, valid, problem_count, problems: [{file, line, column, path, message, fix}]} on stdout, for editors and scripts", DefaultValueFactory = _ => "text" };
        validateFormat.AcceptOnlyFromAmong("text", "json");
        validate.Options.Add(validateFormat);
        validate.SetAction(r => ValidateCommand.Run(r.GetValue(validateArg)!, stdout, stderr,
            r.GetValue(validateFormat) == "json" ? ValidateFormat.Json : ValidateFormat.Text));
        root.Subcommands.Add(validate);

        var schemaOut = new Option<string?>("--out") { Description = "Write the schema to this file (atomically) instead of printing it, e.g. scenarios/scenario.schema.json [default: print it to stdout]" };
        RequireAPath(schemaOut, "a file");
        var schema = new Command("schema", "Print the JSON Schema of scenario files (draft 2020-12), generated from the code");
        schema.Options.Add(schemaOut);
        schema.SetAction(r => SchemaCommand.Run(r.GetValue(schemaOut), stdout, stderr));
        root.Subcommands.Add(schema);

        var sensitivityArg = new Argument<string>("scenario") { Description = "Scenario JSON file with a \"sensitivity\" block (lever ranges) or uncertain parameters" };
        var samples = CommandLineOptions.Whole("--samples", "Sobol base samples N; the analysis runs about N × (factors + 2) points", 8, 1_000_000, SensitivityCommand.DefaultSamples);
        var sensitivitySeed = CommandLineOptions.Seed("Random seed [default: the scenario's]");
        var sensitivityThreads = CommandLineOptions.Whole("--threads", "Worker threads; results are identical for any number [default: as many as fit in 80% of the available memory, at most the cores]", 1, 1024);
        var sensitivityOut = new Option<string?>("--out") { Description = "Output folder [default: out/<scenario name>-sensitivity]" };
        RequireAPath(sensitivityOut, "a folder");
        var sensitivityResume = new Option<bool>("--resume") { Description = "Keep the points already computed in --out (after Ctrl-C, a crash or a kill) and compute only the missing ones" };
        var sensitivityShard = new Option<string?>("--shard") { Description = "Compute only slice K of N (e.g. 2/8) of the analysis's points, writing chunks and shard.json for 'urbansim merge' (no analysis) [default: all of them, and the analysis]" };
        sensitivityShard.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && Batch.ShardSpec.TryParse(result.Tokens[0].Value, out string? problem) is null) result.AddError(problem!);
        });

        var sensitivity = new Command("sensitivity", "Global sensitivity analysis of a scenario's levers and uncertain parameters: Sobol indices, Morris screening, a learned surrogate and scenario discovery");
        sensitivity.Arguments.Add(sensitivityArg);
        sensitivity.Options.Add(samples); sensitivity.Options.Add(sensitivitySeed); sensitivity.Options.Add(sensitivityThreads); sensitivity.Options.Add(sensitivityOut);
        var sensitivityYes = new Option<bool>("--yes") { Description = "Go on although the estimate says the analysis would take over an hour, write over 20 GiB or need more memory than the threads asked for fit in" };
        sensitivity.Options.Add(sensitivityResume); sensitivity.Options.Add(sensitivityShard); sensitivity.Options.Add(sensitivityYes);
        sensitivity.SetAction(r =>
        {
            using var stop = StopSignals.Listen(stderr);
            bool terminal = Output.ProgressReporter.DrawsBar(ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected, Environment.GetEnvironmentVariable("TERM"));
            return SensitivityCommand.Run(new SensitivityOptions(r.GetValue(sensitivityArg)!, r.GetValue(samples), r.GetValue(sensitivitySeed), r.GetValue(sensitivityThreads), r.GetValue(sensitivityOut),
                    r.GetValue(sensitivityResume), r.GetValue(sensitivityShard) is { } shardText ? Batch.ShardSpec.TryParse(shardText, out _) : null, r.GetValue(sensitivityYes)),
                stdout, stderr, terminal, stop.Token);
        });
        root.Subcommands.Add(sensitivity);
        root.Subcommands.Add(EvaluateCli(stdout, stderr));

        var programmesArg = new Argument<string>("scenario") { Description = "Scenario JSON file" };
        var programmesReps = CommandLineOptions.Whole("--reps", "Paired replications per programme and region", 2, 100_000, ProgrammesCommand.DefaultReplications);
        var programmesSeed = CommandLineOptions.Seed("Random seed [default: the scenario's]");
        var programmesThreads = CommandLineOptions.Whole("--threads", "Worker threads; results are identical for any number [default: all cores]", 1, 1024);
        var programmesTopUp = new Option<double>("--top-up") { Description = "Extra money per resident a year for the programme being probed, £", DefaultValueFactory = _ => CostEffectiveness.ProgrammeCostEffectiveness.DefaultTopUpGbpPerHeadPerYear };
        var programmesOut = new Option<string?>("--out") { Description = "Output folder [default: out/<scenario name>-programmes]" };
        RequireAPath(programmesOut, "a folder");
        programmesTopUp.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && double.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
                && !(v > 0 && v <= 10_000)) result.AddError("--top-up must be more than 0 and at most 10000 (£ per resident a year).");
        });
        var programmesCommand = new Command("programmes", "Marginal cost-effectiveness of each programme in each region at the scenario's budgets: programmes.csv and a chart");
        programmesCommand.Arguments.Add(programmesArg);
        programmesCommand.Options.Add(programmesReps); programmesCommand.Options.Add(programmesSeed); programmesCommand.Options.Add(programmesThreads);
        programmesCommand.Options.Add(programmesTopUp); programmesCommand.Options.Add(programmesOut);
        programmesCommand.SetAction(r =>
        {
            using var stop = StopSignals.Listen(stderr);
            return ProgrammesCommand.Run(new ProgrammesOptions(r.GetValue(programmesArg)!, r.GetValue(programmesReps), r.GetValue(programmesSeed),
                r.GetValue(programmesThreads), r.GetValue(programmesTopUp), r.GetValue(programmesOut)), stdout, stderr, stop.Token);
        });
        root.Subcommands.Add(programmesCommand);

        var traceArg = new Argument<string>("scenario") { Description = "Scenario JSON file" };
        var traceReplication = CommandLineOptions.Whole("--replication", "The replication to trace (row R of a run's replications.csv with the same seed)", 0, int.MaxValue, 0);
        var traceSeed = CommandLineOptions.Seed("Random seed [default: the scenario's]");
        var traceOut = new Option<string?>("--out") { Description = "Output folder [default: out/<scenario name>-trace-<R>]" };
        RequireAPath(traceOut, "a folder");
        var trace = new Command("trace", "One replication's agents year by year (every mayor and ICB, every variant): trace.csv and trace.json, for teaching and debugging");
        trace.Arguments.Add(traceArg);
        trace.Options.Add(traceReplication); trace.Options.Add(traceSeed); trace.Options.Add(traceOut);
        trace.SetAction(r => TraceCommand.Run(r.GetValue(traceArg)!, r.GetValue(traceReplication), r.GetValue(traceSeed), r.GetValue(traceOut), stdout, stderr));
        root.Subcommands.Add(trace);

        var appraisalArg = new Argument<string>("appraisal") { Description = "Appraisal JSON file (see README: Health appraisal)" };
        var appraisalOut = new Option<string?>("--out") { Description = "Result JSON file [default: out/<name>.result.json]" };
        var besideInput = new Option<bool>("--beside-input") { Description = "Write the result next to the input, as <name>.result.json in the input's folder" };
        RequireAPath(appraisalOut, "a file");
        var appraise = new Command("appraise", "Health appraisal of an exposure change for a population (WHO HEAT method)");
        appraise.Arguments.Add(appraisalArg);
        appraise.Options.Add(appraisalOut);
        appraise.Options.Add(besideInput);
        appraise.Validators.Add(result =>
        {
            if (result.GetResult(appraisalOut) is not null && result.GetResult(besideInput) is not null) result.AddError("--out and --beside-input both say where to write; give one of them");
        });
        appraise.SetAction(r => AppraiseCommand.Run(r.GetValue(appraisalArg)!,
            r.GetValue(besideInput) ? AppraiseCommand.BesideInputPath(r.GetValue(appraisalArg)!) : r.GetValue(appraisalOut), stdout, stderr));
        root.Subcommands.Add(appraise);

        var port = CommandLineOptions.Whole("--port", "Port to listen on", 0, 65535, Web.ExplorerServer.DefaultPort);
        var host = new Option<string>("--host") { Description = "Address to listen on; anything but 127.0.0.1 exposes the explorer to the network (no authentication: unsafe on public networks)", DefaultValueFactory = _ => Web.ExplorerServer.DefaultHost };
        var serve = new Command("serve", "Start the interactive policy explorer in the browser (http://127.0.0.1:5080/ by default)");
        serve.Options.Add(port); serve.Options.Add(host);
        serve.SetAction(r =>
        {
            using var stop = StopSignals.Listen(stderr, Web.ServeCommand.StoppingMessage);
            return Web.ServeCommand.Run(r.GetValue(port), r.GetValue(host)!, stdout, stderr, stop.Token);
        });
        root.Subcommands.Add(serve);
        root.Subcommands.Add(PlacesCommandLine(stdout, stderr));

        var helpTopic = new Argument<string?>("command") { Description = "The command to explain (default: all of them)", Arity = ArgumentArity.ZeroOrOne };
        var help = new Command("help", "Show the commands, or one command's arguments and options");
        help.Arguments.Add(helpTopic);
        help.Validators.Add(result =>
        {
            string? topic = result.GetValue(helpTopic);
            if (topic is not null && !root.Subcommands.Any(c => c.Name == topic))
                result.AddError($"there is no command '{topic}'; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}");
        });
        help.SetAction(r =>
        {
            string? topic = r.GetValue(helpTopic);
            return root.Parse(topic is null ? ["--help"] : [topic, "--help"]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        });
        root.Subcommands.Add(help);
        // --version prints urbansim's version with its commit, whatever program hosts the command line.
        foreach (var version in root.Options.OfType<VersionOption>()) version.Action = new PrintVersion(stdout);
        return root;
    }

    /// <summary><c>urbansim evaluate</c>: the scenario at every row of a design CSV written by an external sampler.</summary>
    private static Command EvaluateCli(TextWriter stdout, TextWriter stderr)
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario JSON file; every design row runs every variant" };
        var design = new Option<string>("--design") { Description = "Design CSV: a header of lever names and parameter paths (e.g. funding_per_head_gbp,health.walking_relative_risk), one row per point, as SALib or EMA Workbench samples are written", Required = true };
        RequireAPath(design, "a file");
        var reps = CommandLineOptions.Whole("--reps", $"Replications per design row; replication r uses the same random draws at every row",
            1, Core.Scenarios.ScenarioLoader.MaxReplicationsPerSample, EvaluateCommand.DefaultReplications);
        var seed = CommandLineOptions.Seed("Random seed [default: the scenario's]");
        var threads = CommandLineOptions.Whole("--threads", "Worker threads; results are identical for any number [default: as many as fit in 80% of the available memory, at most the cores]", 1, 1024);
        var outDir = new Option<string?>("--out") { Description = "Output folder [default: out/<scenario name>-evaluate]" };
        RequireAPath(outDir, "a folder");
        var resume = new Option<bool>("--resume") { Description = "Keep the rows already computed in --out (after Ctrl-C, a crash or a kill) and compute only the missing ones" };
        var shard = new Option<string?>("--shard") { Description = "Evaluate only slice K of N (e.g. 2/8) of the design's rows, writing its results.csv, chunks and shard.json for 'urbansim merge' [default: all rows]" };
        shard.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && Batch.ShardSpec.TryParse(result.Tokens[0].Value, out string? problem) is null) result.AddError(problem!);
        });
        var yes = new Option<bool>("--yes") { Description = "Go on although the estimate says the evaluation would take over an hour, write over 20 GiB or need more memory than the threads asked for fit in" };
        var perReplication = new Option<bool>("--per-replication") { Description = "Also write results_by_replication.csv: one row per design row and replication" };
        var evaluate = new Command("evaluate", "Run a scenario at every row of a design CSV (a SALib or EMA Workbench sample); write results.csv, one row per design row, as rows finish");
        evaluate.Arguments.Add(scenarioArg);
        evaluate.Options.Add(design); evaluate.Options.Add(reps); evaluate.Options.Add(seed); evaluate.Options.Add(threads); evaluate.Options.Add(outDir);
        evaluate.Options.Add(resume); evaluate.Options.Add(shard); evaluate.Options.Add(yes); evaluate.Options.Add(perReplication);
        evaluate.SetAction(r =>
        {
            using var stop = StopSignals.Listen(stderr);
            bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            var options = new EvaluateOptions(r.GetValue(scenarioArg)!, r.GetValue(design)!, r.GetValue(reps), r.GetValue(seed), r.GetValue(threads), r.GetValue(outDir),
                r.GetValue(resume), r.GetValue(shard) is { } shardText ? Batch.ShardSpec.TryParse(shardText, out _) : null, r.GetValue(yes), r.GetValue(perReplication));
            return EvaluateCommand.Run(options, stdout, stderr, terminal, stop.Token);
        });
        return evaluate;
    }

    /// <summary><c>urbansim places build</c>: a zones file of England's real places from official open data.</summary>
    private static Command PlacesCommandLine(TextWriter stdout, TextWriter stderr)
    {
        var from = new Option<string>("--from") { Description = "Folder of the official files, in the layout of docs/places.md (e.g. ../shared/data/england)", Required = true };
        var level = new Option<string>("--level") { Description = "Zones: msoa (about 3,500 for the mayoralties), lsoa (about 17,000) or decile (one per authority and IMD decile)", DefaultValueFactory = _ => "msoa" };
        level.AcceptOnlyFromAmong("msoa", "lsoa", "decile");
        var authorities = new Option<string?>("--authorities") { Description = $"{RealPlaces.PlacesBuilder.MayoralAuthorities} (the 13 mayoral combined authorities and the Greater London Authority), {RealPlaces.PlacesBuilder.AllOfEngland}, or names or ONS codes separated by commas", DefaultValueFactory = _ => RealPlaces.PlacesBuilder.MayoralAuthorities };
        var outFile = new Option<string>("--out") { Description = "Zones CSV file to write", Required = true };
        var checks = new Option<string?>("--checks") { Description = "Also write the start year's LE and HLE against ONS, by authority, to this CSV file [default: not written]" };
        var build = new Command("build", "Build a zones file of real places (the mayoralties by default) from official open data, calibrated to ONS LE and HLE 2021-23");
        build.Options.Add(from); build.Options.Add(level); build.Options.Add(authorities); build.Options.Add(outFile); build.Options.Add(checks);
        build.SetAction(r => RealPlaces.PlacesCommand.Build(r.GetValue(from)!, Enum.Parse<RealPlaces.PlaceLevel>(r.GetValue(level)!, ignoreCase: true), r.GetValue(authorities),
            r.GetValue(outFile)!, r.GetValue(checks), stdout, stderr));
        var places = new Command("places", "Real places: build zones files from official open data (see docs/places.md)");
        places.Subcommands.Add(build);
        return places;
    }
}

/// <summary>What <c>urbansim --version</c> prints: the tool version and the commit it was built from.</summary>
internal sealed class PrintVersion(TextWriter stdout) : System.CommandLine.Invocation.SynchronousCommandLineAction
{
    public override int Invoke(System.CommandLine.ParseResult parseResult)
    {
        stdout.WriteLine(Output.Manifest.ToolVersion);
        return Commands.ExitCodes.Ok;
    }
}
