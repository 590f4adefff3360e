using System.CommandLine;
using UrbanSim.Runner.Appraisal;
using UrbanSim.Runner.Commands;

namespace UrbanSim.Runner;

/// <summary>The <c>urbansim</c> command line.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            // Without System.CommandLine's own handler, which would print a stack trace, a bug reaches the catch below.
            return BuildRoot(Console.Out, Console.Error).Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"urbansim: internal error: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine("This is a bug in UrbanSim, not in your input; please report it with the command you ran.");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The command tree; writers are parameters so tests can capture output.</summary>
    public static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("UrbanSim: agent-based simulation of urban development and health under English devolution settlements.");

        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario JSON file, e.g. scenarios/reference.json" };
        var reps = new Option<int?>("--reps") { Description = "Monte Carlo replications (default: the scenario's)" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (default: the scenario's)" };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); results are identical for any number" };
        var outDir = new Option<string?>("--out") { Description = "Output folder (default: out/<scenario name>)" };
        var resume = new Option<bool>("--resume") { Description = "Keep the replications already in --out (after Ctrl-C, a crash or a kill) and compute only the missing ones" };
        var shardOption = new Option<string?>("--shard") { Description = "Run only slice K of N (e.g. 2/8) of the replications, writing chunks and shard.json for 'urbansim merge'" };
        var run = new Command("run", "Run a scenario's Monte Carlo batch; write summary.json, CSVs, charts and a manifest to --out");
        run.Arguments.Add(scenarioArg);
        run.Options.Add(reps); run.Options.Add(seed); run.Options.Add(threads); run.Options.Add(outDir); run.Options.Add(resume); run.Options.Add(shardOption);
        // Range checks read the token themselves: a value that is not a whole number ("--reps abc") is left
        // to the parser's own message, since asking for the converted value would throw.
        static int? WholeNumber(System.CommandLine.Parsing.OptionResult r) =>
            r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int v) ? v : null;
        reps.Validators.Add(result =>
        {
            if (WholeNumber(result) is < 1 or > Core.Scenarios.ScenarioLoader.MaxReplications) result.AddError($"--reps must be from 1 to {Core.Scenarios.ScenarioLoader.MaxReplications}.");
        });
        shardOption.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && Batch.ShardSpec.TryParse(result.Tokens[0].Value, out string? problem) is null) result.AddError(problem!);
        });
        threads.Validators.Add(result =>
        {
            if (WholeNumber(result) is < 1 or > 1024) result.AddError("--threads must be from 1 to 1024.");
        });
        run.SetAction(r =>
        {
            using var stop = StopSignals.Listen(stderr);
            var options = new RunOptions(r.GetValue(scenarioArg)!, r.GetValue(reps), r.GetValue(seed), r.GetValue(threads), r.GetValue(outDir), r.GetValue(resume),
                r.GetValue(shardOption) is { } shardText ? Batch.ShardSpec.TryParse(shardText, out _) : null);
            // A progress bar only when stderr is a real terminal (and not captured by a test).
            bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            return RunCommand.Run(options, stdout, stderr, stop.Token, terminal);
        });
        root.Subcommands.Add(run);

        var validateArg = new Argument<string>("scenario") { Description = "Scenario JSON file" };
        var mergeDirs = new Argument<string[]>("shards") { Description = "Output folders of 'urbansim run --shard K/N' (or of 'urbansim sensitivity --shard K/N'), one per shard", Arity = ArgumentArity.OneOrMore };
        var mergeOut = new Option<string>("--out") { Description = "Folder for the merged outputs", Required = true };
        var merge = new Command("merge", "Combine the shards of a run or a sensitivity analysis (--shard K/N) into the outputs a single run writes");
        merge.Arguments.Add(mergeDirs);
        merge.Options.Add(mergeOut);
        var mergeMixed = new Option<bool>("--allow-mixed-instruction-sets") { Description = "Merge shards computed with different vector instruction sets (results may then differ in the last bits from a single run); the manifest records the mix" };
        merge.Options.Add(mergeMixed);
        merge.SetAction(r => MergeCommand.Run(r.GetValue(mergeDirs)!, r.GetValue(mergeOut)!, stdout, stderr, r.GetValue(mergeMixed)));
        root.Subcommands.Add(merge);

        var validate = new Command("validate", "Check a scenario and report every problem at once");
        validate.Arguments.Add(validateArg);
        validate.SetAction(r => ValidateCommand.Run(r.GetValue(validateArg)!, stdout, stderr));
        root.Subcommands.Add(validate);

        var schemaOut = new Option<string?>("--out") { Description = "Write the schema to this file (atomically) instead of printing it, e.g. scenarios/scenario.schema.json" };
        var schema = new Command("schema", "Print the JSON Schema of scenario files (draft 2020-12), generated from the code");
        schema.Options.Add(schemaOut);
        schema.SetAction(r => SchemaCommand.Run(r.GetValue(schemaOut), stdout, stderr));
        root.Subcommands.Add(schema);

        var sensitivityArg = new Argument<string>("scenario") { Description = "Scenario JSON file with a \"sensitivity\" block (lever ranges) or uncertain parameters" };
        var samples = new Option<int?>("--samples") { Description = $"Sobol base samples N; the analysis runs about N × (factors + 2) points (default {SensitivityCommand.DefaultSamples})" };
        var sensitivitySeed = new Option<ulong?>("--seed") { Description = "Random seed (default: the scenario's)" };
        var sensitivityThreads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); results are identical for any number" };
        var sensitivityOut = new Option<string?>("--out") { Description = "Output folder (default: out/<scenario name>-sensitivity)" };
        var sensitivityResume = new Option<bool>("--resume") { Description = "Keep the points already computed in --out (after Ctrl-C, a crash or a kill) and compute only the missing ones" };
        var sensitivityShard = new Option<string?>("--shard") { Description = "Compute only slice K of N (e.g. 2/8) of the analysis's points, writing chunks and shard.json for 'urbansim merge' (no analysis)" };
        sensitivityShard.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && Batch.ShardSpec.TryParse(result.Tokens[0].Value, out string? problem) is null) result.AddError(problem!);
        });
        samples.Validators.Add(result =>
        {
            if (WholeNumber(result) is < 8 or > 1_000_000) result.AddError("--samples must be from 8 to 1000000.");
        });
        sensitivityThreads.Validators.Add(result =>
        {
            if (WholeNumber(result) is < 1 or > 1024) result.AddError("--threads must be from 1 to 1024.");
        });
        var sensitivity = new Command("sensitivity", "Global sensitivity analysis of a scenario's levers and uncertain parameters: Sobol indices, Morris screening, a learned surrogate and scenario discovery");
        sensitivity.Arguments.Add(sensitivityArg);
        sensitivity.Options.Add(samples); sensitivity.Options.Add(sensitivitySeed); sensitivity.Options.Add(sensitivityThreads); sensitivity.Options.Add(sensitivityOut);
        sensitivity.Options.Add(sensitivityResume); sensitivity.Options.Add(sensitivityShard);
        sensitivity.SetAction(r =>
        {
            using var stop = StopSignals.Listen(stderr);
            bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            return SensitivityCommand.Run(new SensitivityOptions(r.GetValue(sensitivityArg)!, r.GetValue(samples), r.GetValue(sensitivitySeed), r.GetValue(sensitivityThreads), r.GetValue(sensitivityOut),
                    r.GetValue(sensitivityResume), r.GetValue(sensitivityShard) is { } shardText ? Batch.ShardSpec.TryParse(shardText, out _) : null),
                stdout, stderr, terminal, stop.Token);
        });
        root.Subcommands.Add(sensitivity);

        var appraisalArg = new Argument<string>("appraisal") { Description = "Appraisal JSON file (see README: Health appraisal)" };
        var appraisalOut = new Option<string?>("--out") { Description = "Result JSON file (default: next to the input, <name>.result.json)" };
        var appraise = new Command("appraise", "Health appraisal of an exposure change for a population (WHO HEAT method)");
        appraise.Arguments.Add(appraisalArg);
        appraise.Options.Add(appraisalOut);
        appraise.SetAction(r => AppraiseCommand.Run(r.GetValue(appraisalArg)!, r.GetValue(appraisalOut), stdout, stderr));
        root.Subcommands.Add(appraise);

        var port = new Option<int>("--port") { Description = "Port to listen on", DefaultValueFactory = _ => Web.ExplorerServer.DefaultPort };
        var host = new Option<string>("--host") { Description = "Address to listen on; anything but 127.0.0.1 exposes the explorer to the network (no authentication: unsafe on public networks)", DefaultValueFactory = _ => Web.ExplorerServer.DefaultHost };
        port.Validators.Add(result =>
        {
            if (WholeNumber(result) is < 0 or > 65535) result.AddError("--port must be from 0 to 65535.");
        });
        var serve = new Command("serve", "Start the interactive policy explorer in the browser (http://127.0.0.1:5080/ by default)");
        serve.Options.Add(port); serve.Options.Add(host);
        serve.SetAction(r =>
        {
            using var stop = StopSignals.Listen(stderr);
            return Web.ServeCommand.Run(r.GetValue(port), r.GetValue(host)!, stdout, stderr, stop.Token);
        });
        root.Subcommands.Add(serve);
        root.Subcommands.Add(PlacesCommandLine(stdout, stderr));
        return root;
    }

    /// <summary><c>urbansim places build</c>: a zones file of England's real places from official open data.</summary>
    private static Command PlacesCommandLine(TextWriter stdout, TextWriter stderr)
    {
        var from = new Option<string>("--from") { Description = "Folder of the official files, in the layout of docs/places.md (e.g. ../shared/data/england)", Required = true };
        var level = new Option<string>("--level") { Description = "Zones: msoa (about 3,500 for the mayoralties), lsoa (about 17,000) or decile (one per authority and IMD decile)", DefaultValueFactory = _ => "msoa" };
        level.AcceptOnlyFromAmong("msoa", "lsoa", "decile");
        var authorities = new Option<string?>("--authorities") { Description = $"{RealPlaces.PlacesBuilder.MayoralAuthorities} (default: the 13 mayoral combined authorities and the Greater London Authority), {RealPlaces.PlacesBuilder.AllOfEngland}, or names or ONS codes separated by commas" };
        var outFile = new Option<string>("--out") { Description = "Zones CSV file to write", Required = true };
        var checks = new Option<string?>("--checks") { Description = "Also write the start year's LE and HLE against ONS, by authority, to this CSV file" };
        var build = new Command("build", "Build a zones file of real places (the mayoralties by default) from official open data, calibrated to ONS LE and HLE 2021-23");
        build.Options.Add(from); build.Options.Add(level); build.Options.Add(authorities); build.Options.Add(outFile); build.Options.Add(checks);
        build.SetAction(r => RealPlaces.PlacesCommand.Build(r.GetValue(from)!, Enum.Parse<RealPlaces.PlaceLevel>(r.GetValue(level)!, ignoreCase: true), r.GetValue(authorities),
            r.GetValue(outFile)!, r.GetValue(checks), stdout, stderr));
        var places = new Command("places", "Real places: build zones files from official open data (see docs/places.md)");
        places.Subcommands.Add(build);
        return places;
    }
}
