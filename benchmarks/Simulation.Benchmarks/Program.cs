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
BenchmarkSwitcher.FromAssembly(typeof(ReplicationBenchmarks).Assembly).Run(args);
