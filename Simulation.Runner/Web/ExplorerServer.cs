using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Web;

/// <summary>
/// The policy explorer's web server (ASP.NET Core, Kestrel). It serves the page's few embedded files by exact name
/// (no directory browsing; no part of a request reaches the filesystem) and a small API:
/// <list type="bullet">
/// <item><c>GET /api/presets</c>: presets, levers with ranges and meanings, caps.</item>
/// <item><c>GET /api/run?…</c>: results as newline-delimited JSON, one line per refinement (200, 800, 3,200 … replications); closing the request cancels the work.</item>
/// <item><c>GET /api/results.json?…</c>, <c>/api/results.csv?…</c>, <c>/api/chart/{name}.svg|png?…</c>: downloads for the given replications.</item>
/// </list>
/// Every request is validated (<see cref="ExplorerRequest"/>); bad input gets 400 with a JSON list of problems.
/// </summary>
internal static class ExplorerServer
{
    public const int DefaultPort = 5080;
    public const string DefaultHost = "127.0.0.1";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Builds the server bound to <paramref name="host"/>:<paramref name="port"/> (port 0: a free port, see <see cref="Address"/>).</summary>
    public static WebApplication Build(string host, int port, int? threads = null, TextWriter? log = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        var connections = new System.Collections.Concurrent.ConcurrentDictionary<string, ServerGuards.ConnectionState>(StringComparer.Ordinal);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 1024;            // the API takes no bodies
            k.Limits.MaxRequestLineSize = 4096;            // a query of every field fits in well under 1 KB
            k.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            k.Limits.MaxConcurrentConnections = 1000;      // and at most ServerGuards.MaxConnectionsPerClient of them from one client
            k.Limits.RequestHeadersTimeout = RequestHeadersTimeout;   // a connection that sends its headers slowly is dropped
            k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(20);
            k.AddServerHeader = false;
            k.ConfigureEndpointDefaults(listen =>
            {
                listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1;
                listen.Use(ServerGuards.Connections(connections));
            });
        });
        builder.WebHost.UseUrls($"http://{(host.Contains(':') ? $"[{host}]" : host)}:{port}");
        var limiter = new JobLimiter(threads ?? Environment.ProcessorCount);
        builder.Services.AddSingleton(limiter);
        var app = builder.Build();
        var files = StaticFiles.Load();

        app.Use(async (context, next) =>
        {
            if (connections.TryGetValue(context.Connection.Id, out var connection))
            {
                connection.ApplicationResponding = true;
                context.Response.OnCompleted(() => { connection.ApplicationResponding = false; return Task.CompletedTask; });
            }
            foreach (var (name, value) in ServerGuards.SecurityHeaders) context.Response.Headers[name] = value;
            if (!ServerGuards.HostAllowed(host, context.Request.Host))
            {
                await Error(400, "host_not_allowed", [new RequestProblem("Host", context.Request.Host.Value, "localhost, 127.0.0.1, [::1] or the address the server listens on",
                    "this server answers only requests addressed to it by its own address (a page of another site cannot use it)")]).ExecuteAsync(context);
                return;
            }
            try { await next(context); }
            catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
            {
                // A bug: answered as JSON, with the security headers (Kestrel's own 500 would have none), and logged.
                log?.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} internal error on {context.Request.Path}: {e.GetType().Name}: {e.Message}");
                context.Response.Clear();
                foreach (var (name, value) in ServerGuards.SecurityHeaders) context.Response.Headers[name] = value;
                await Error(500, "internal_error", [new RequestProblem("server", null, "", "an internal error; this is a bug in UrbanSim, please report the address you asked for")]).ExecuteAsync(context);
            }
        });

        string[] getOrHead = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/", getOrHead, (HttpContext c) => files.Serve(c, "index.html"));
        app.MapMethods("/{file}", getOrHead, (HttpContext c, string file) => files.Serve(c, file));
        app.MapMethods("/api/presets", getOrHead, () => Results.Text(Presets().ToJsonString(), "application/json; charset=utf-8"));
        // HEAD of a simulation address: its validation and headers, without running the simulation.
        foreach (var (path, type) in new[] { ("/api/run", "application/x-ndjson; charset=utf-8"), ("/api/results.json", "application/json"), ("/api/results.csv", "text/csv"),
                     ("/api/chart/{file}", "image/svg+xml") })
            app.MapMethods(path, [HttpMethods.Head], (HttpContext c) => Head(c, type));
        app.MapGet("/api/run", (HttpContext c) => Run(c, limiter, log));
        app.MapGet("/api/results.json", (Delegate)((HttpContext c) => Download(c, limiter, (request, batch) =>
            Results.File(Encoding.UTF8.GetBytes(SummaryWriter.ToJson(batch.Scenario, batch.Accumulator, request.Replications)), "application/json", $"urbansim-explorer-{request.Preset.Key}-summary.json"))));
        app.MapGet("/api/results.csv", (Delegate)((HttpContext c) => Download(c, limiter, (request, batch) =>
            Results.File(Encoding.UTF8.GetBytes(ExplorerResults.Csv(request, batch)), "text/csv", $"urbansim-explorer-{request.Preset.Key}-results.csv"))));
        app.MapGet("/api/chart/{file}", (HttpContext c, string file) =>
        {
            string stem = Path.GetFileNameWithoutExtension(file), ext = Path.GetExtension(file);
            if (!ExplorerResults.Charts.Contains(stem) || ext is not (".svg" or ".png"))
                return Task.FromResult(Error(404, "not_found", [new RequestProblem("chart", file, string.Join(", ", ExplorerResults.Charts) + " with .svg or .png", $"no chart '{file}'")]));
            return Download(c, limiter, (request, batch) =>
            {
                // Report-sized, with the setting in the caption line: a saved chart says what it shows.
                var chart = BatchCharts.Create(batch.Scenario, batch.Accumulator, s => s == stem, captionNote: ExplorerResults.SettingNote(request, batch.Accumulator.Layout.Zones)).Single();
                string name = $"urbansim-explorer-{request.Preset.Key}-{stem}";
                return ext == ".svg" ? Results.File(Encoding.UTF8.GetBytes(chart.Svg()), "image/svg+xml", name + ".svg") : Results.File(chart.Png(), "image/png", name + ".png");
            });
        });
        app.MapFallback("{*path}", (HttpContext c) => HttpMethods.IsGet(c.Request.Method) || HttpMethods.IsHead(c.Request.Method)
            ? Error(404, "not_found", [new RequestProblem("path", null, "/, the page's files and /api/…", "no such page")])
            : Error(405, "method_not_allowed", [new RequestProblem("method", c.Request.Method, "GET", "the explorer only answers GET requests")]));
        return app;
    }

    /// <summary>The address the started server listens on, e.g. http://127.0.0.1:5080.</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>How long a client may take to send a request's headers before its connection is dropped.</summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(5);

    private static IResult Head(HttpContext context, string type)
    {
        var (request, problems) = ExplorerRequest.Parse(context.Request.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.Count == 1 ? q.Value[0] : string.Join(",", q.Value.ToArray()))));
        if (request is null) return Error(400, "invalid_request", problems);
        context.Response.ContentType = type;
        return Results.Empty;
    }

    /// <summary>Admits a request of this client, reserving its batch's estimated memory; the refusal as a 503 when it cannot be.</summary>
    private static (IDisposable? Admitted, IResult? Refused) Admit(HttpContext context, JobLimiter limiter, Core.Scenarios.Scenario scenario, int replications)
    {
        var admitted = limiter.Admit(ServerGuards.Client(context.Connection.RemoteIpAddress), ExplorerBatch.EstimatedBytes(scenario, replications), out string? refusal);
        return admitted is null ? (null, Error(503, "busy", [new RequestProblem("server", null, "", refusal!)])) : (admitted, null);
    }

    private static async Task Run(HttpContext context, JobLimiter limiter, TextWriter? log)
    {
        var (request, problems) = ExplorerRequest.Parse(context.Request.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.Count == 1 ? q.Value[0] : string.Join(",", q.Value.ToArray()))));
        if (request is null) { await Error(400, "invalid_request", problems).ExecuteAsync(context); return; }
        var scenario = request.Scenario();
        var (admitted, refused) = Admit(context, limiter, scenario, request.Replications);
        using var _ = admitted;
        if (refused is not null) { await refused.ExecuteAsync(context); return; }
        var cancel = context.RequestAborted;
        var batch = new ExplorerBatch(scenario, limiter, ServerGuards.Client(context.Connection.RemoteIpAddress));
        context.Response.ContentType = "application/x-ndjson; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (int n in ExplorerBatch.Steps(request.Replications))
            {
                await batch.GrowAsync(n, cancel);
                long simulated = clock.ElapsedMilliseconds;
                var json = ExplorerResults.Build(request, batch);
                json["elapsed_ms"] = clock.ElapsedMilliseconds;
                log?.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {request.Preset.Key}: {n} replications in {clock.ElapsedMilliseconds} ms (simulation {simulated} ms)");
                await context.Response.WriteAsync(json.ToJsonString(Compact) + "\n", cancel);
                await context.Response.Body.FlushAsync(cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { }
        catch (ServerBusyException e)
        {
            if (!context.Response.HasStarted) await Error(503, "busy", [new RequestProblem("server", null, "", e.Message)]).ExecuteAsync(context);
            else await context.Response.WriteAsync(new JsonObject { ["error"] = "busy", ["message"] = e.Message }.ToJsonString(Compact) + "\n", CancellationToken.None);
        }
    }

    private static async Task<IResult> Download(HttpContext context, JobLimiter limiter, Func<ExplorerRequest, ExplorerBatch, IResult> result)
    {
        var (request, problems) = ExplorerRequest.Parse(context.Request.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.Count == 1 ? q.Value[0] : string.Join(",", q.Value.ToArray()))));
        if (request is null) return Error(400, "invalid_request", problems);
        var scenario = request.Scenario();
        var (admitted, refused) = Admit(context, limiter, scenario, request.Replications);
        using var _ = admitted;
        if (refused is not null) return refused;
        var batch = new ExplorerBatch(scenario, limiter, ServerGuards.Client(context.Connection.RemoteIpAddress));
        try { await batch.GrowAsync(request.Replications, context.RequestAborted); }
        catch (ServerBusyException) { return Busy(); }
        return result(request, batch);
    }

    private static IResult Busy() => Error(503, "busy", [new RequestProblem("server", null, "", new ServerBusyException().Message)]);

    /// <summary>A JSON error: {"error", "message", "problems": [{field, value, allowed, message}]}.</summary>
    public static IResult Error(int status, string code, IReadOnlyList<RequestProblem> problems)
    {
        var list = new JsonArray();
        foreach (var p in problems)
            list.Add(new JsonObject { ["field"] = p.Field, ["value"] = p.Value, ["allowed"] = p.Allowed, ["message"] = p.Message });
        string message = problems.Count == 1 ? problems[0].Message : $"{problems.Count} problems: " + string.Join("; ", problems.Select(p => p.Message));
        var body = new JsonObject { ["error"] = code, ["message"] = message, ["problems"] = list };
        return Results.Text(body.ToJsonString(), "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>Presets, levers (range, meaning, each preset's baseline and initial values) and caps, for the page.</summary>
    public static JsonObject Presets()
    {
        var presets = new JsonArray();
        foreach (string key in ExplorerPresets.Order)
        {
            if (!ExplorerPresets.All.TryGetValue(key, out var p)) continue;
            JsonObject Levers(Core.Scenarios.PolicyLevers levers)
            {
                var o = new JsonObject();
                foreach (var l in ExplorerPresets.Levers) o[l.Name] = ExplorerRequest.LeverText(levers, l);
                return o;
            }
            presets.Add(new JsonObject
            {
                ["key"] = key, ["name"] = p.Name, ["description"] = p.Description,
                ["baseline_variant"] = p.Baseline.Name, ["initial_variant"] = p.Initial.Name,
                ["baseline_label"] = p.Baseline.Label, ["initial_label"] = p.Initial.Label,
                ["full_zones"] = p.FullWorld.ZoneCount, ["zones"] = p.Scenario.World.ZoneCount,
                ["regions"] = string.Join(", ", p.Scenario.World.Regions.Select(r => $"{r.Name} ({r.Capacity.ToString().ToLowerInvariant()}, {r.Zones} zones)")),
                ["horizon_years"] = p.Scenario.HorizonYears, ["seed"] = p.Scenario.Seed,
                ["baseline"] = Levers(p.Baseline.Levers), ["initial"] = Levers(p.Initial.Levers),
            });
        }
        var levers = new JsonArray();
        foreach (var l in ExplorerPresets.Levers)
            levers.Add(new JsonObject { ["name"] = l.Name, ["min"] = l.Range?.Min, ["max"] = l.Range?.Max, ["meaning"] = l.Meaning });
        var settlements = new JsonArray();
        foreach (var s in Core.Settlements.SettlementCatalogue.All)
            settlements.Add(new JsonObject { ["name"] = s.Name, ["label"] = s.Label, ["description"] = s.Description });
        var glossary = new JsonArray();
        foreach (var (term, definition) in Glossary.Terms) glossary.Add(new JsonObject { ["term"] = term, ["definition"] = definition });
        return new JsonObject
        {
            ["presets"] = presets, ["levers"] = levers, ["settlements"] = settlements, ["glossary"] = glossary,
            ["caps"] = new JsonObject
            {
                ["replications"] = ExplorerRequest.MaxReplications, ["default_replications"] = ExplorerRequest.DefaultReplications,
                ["horizon_years"] = ExplorerRequest.MaxHorizonYears, ["zones_min"] = ExplorerRequest.MinZones, ["zones"] = ExplorerPresets.MaxZones,
                ["default_zones"] = ExplorerPresets.DefaultZones,
            },
        };
    }

    /// <summary>The page's files, embedded in the program and served by exact name only.</summary>
    private sealed class StaticFiles(Dictionary<string, (byte[] Bytes, string Type)> files)
    {
        public static StaticFiles Load()
        {
            var assembly = typeof(StaticFiles).Assembly;
            var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
            foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                string file = name["wwwroot/".Length..];
                string type = Path.GetExtension(file) switch
                {
                    ".html" => "text/html; charset=utf-8",
                    ".js" => "text/javascript; charset=utf-8",
                    ".css" => "text/css; charset=utf-8",
                    ".svg" => "image/svg+xml",
                    _ => "application/octet-stream",
                };
                files[file] = (memory.ToArray(), type);
            }
            return new StaticFiles(files);
        }

        public IResult Serve(HttpContext context, string file) =>
            files.TryGetValue(file, out var f) ? Results.Bytes(f.Bytes, f.Type)
                : Error(404, "not_found", [new RequestProblem("path", file.Length > 40 ? file[..40] : file, "the page's own files", $"no file '{(file.Length > 40 ? file[..40] + "…" : file)}' here")]);
    }
}
