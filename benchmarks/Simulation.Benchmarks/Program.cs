using BenchmarkDotNet.Running;
using UrbanSim.Benchmarks;
using UrbanSim.Core.Outcomes;

// `--quick [preset] [replications]`: a plain timing loop for profiling sessions; otherwise BenchmarkDotNet's switcher.
if (args.Length > 0 && args[0] == "--quick")
{
    var scenario = BenchmarkScenarios.Load(args.Length > 1 ? args[1] : "reference");
    var runner = new UrbanSim.Core.Engine.ReplicationRunner(scenario);
    var result = ReplicationResult.For(scenario);
    for (int i = 0; i < 20; i++) runner.Run(i, result);
    long before = GC.GetAllocatedBytesForCurrentThread();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    int n = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200;
    for (int i = 0; i < n; i++) runner.Run(1000 + i, result);
    Console.WriteLine($"{clock.Elapsed.TotalMilliseconds / n:F3} ms and {(GC.GetAllocatedBytesForCurrentThread() - before) / n / 1024.0:F1} KB per replication");
    return;
}
// `--throughput [preset] [replications] [threads]`: replications per second of a batch on that many threads, each result
// flattened into a row as a run's chunk writer does (benchmarks/scaling/parallel-efficiency.sh runs it three ways).
if (args.Length > 0 && args[0] == "--throughput")
{
    var scenario = BenchmarkScenarios.Load(args.Length > 1 ? args[1] : "reference");
    int n = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000;
    int threads = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount;
    var layout = UrbanSim.Runner.Batch.RecordLayout.For(scenario);
    var row = new double[layout.Width];
    UrbanSim.Core.Engine.MonteCarloBatch.Run(scenario, 0, 64 * threads, threads, r => layout.Flatten(r, row));   // warm-up
    var clock = System.Diagnostics.Stopwatch.StartNew();
    int done = UrbanSim.Core.Engine.MonteCarloBatch.Run(scenario, 100_000, n, threads, r => layout.Flatten(r, row));
    double seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{done} replications on {threads} thread(s) in {seconds:F2} s: {done / seconds:F1} replications/s"));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ReplicationBenchmarks).Assembly).Run(args);
