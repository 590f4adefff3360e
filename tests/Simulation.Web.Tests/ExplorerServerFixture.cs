using Microsoft.AspNetCore.Builder;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Web;

namespace UrbanSim.Web.Tests;

/// <summary>One explorer server for all tests, started in-process on a free port of 127.0.0.1.</summary>
public sealed class ExplorerServerFixture : IAsyncLifetime
{
    public WebApplication App { get; private set; } = null!;
    public string Address { get; private set; } = "";
    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        App = ExplorerServer.Build("127.0.0.1", 0);
        await App.StartAsync();
        Address = ExplorerServer.Address(App);
        Http.BaseAddress = new Uri(Address);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>The simulation called directly: the engine's replications [0, n) folded in order, without the server.</summary>
    internal static BatchAccumulator Direct(Scenario scenario)
    {
        var layout = RecordLayout.For(scenario);
        var batch = new BatchAccumulator(layout);
        var row = new double[layout.Width];
        MonteCarloBatch.Run(scenario, 0, scenario.Replications, Environment.ProcessorCount, r =>
        {
            layout.Flatten(r, row);
            batch.Add(r.Replication, row);
        });
        return batch;
    }
}

[CollectionDefinition(Name)]
public sealed class ExplorerCollection : ICollectionFixture<ExplorerServerFixture>
{
    public const string Name = "explorer server";
}
