using System.Net;
using System.Text.Json.Nodes;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Web;

namespace UrbanSim.Web.Tests;

/// <summary>The explorer's HTTP API without a browser: validation, caps, files served, and agreement with the command line.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class ExplorerApiTests(ExplorerServerFixture server)
{
    private async Task<(HttpStatusCode Status, JsonObject Body)> GetJson(string path)
    {
        using var response = await server.Http.GetAsync(path);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task Presets_ListEveryBundledScenarioInASmallerWorldWithLeversAndCaps()
    {
        var (status, body) = await GetJson("/api/presets");
        Assert.Equal(HttpStatusCode.OK, status);
        var keys = body["presets"]!.AsArray().Select(p => (string)p!["key"]!).ToArray();
        Assert.Equal(ExplorerPresets.Order, keys);
        foreach (var p in body["presets"]!.AsArray())
            Assert.InRange((int)p!["zones"]!, ExplorerRequest.MinZones, ExplorerPresets.MaxZones);
        var levers = body["levers"]!.AsArray().Select(l => (string)l!["name"]!).ToArray();
        Assert.Contains("funding_per_head_gbp", levers);
        Assert.Contains("patient_capital_gbp_per_year", levers);
        Assert.Equal(ExplorerRequest.MaxReplications, (int)body["caps"]!["replications"]!);
    }

    [Theory]
    [InlineData("funding_per_head_gbp=6000", "funding_per_head_gbp", "6000", "0 to 5000")]
    [InlineData("competitive_share=-0.1", "competitive_share", "-0.1", "0 to 1")]
    [InlineData("mission_commitment=lots", "mission_commitment", "lots", "0 to 1")]
    [InlineData("settlement=single-pot", "settlement", "single-pot", "tied_grants, single_pot or health_devolution")]
    [InlineData("replications=100000", "replications", "100000", "1 to 5000 replications")]
    [InlineData("horizon_years=500", "horizon_years", "500", "1 to 50 years")]
    [InlineData("zones=300", "zones", "300", "6 to 60 zones")]
    [InlineData("preset=../../etc/passwd", "preset", "../../etc/passwd", "reference, health_devolution, high_turbulence, patient_capital, capacity_gap, health_valuation")]
    [InlineData("fundng_per_head_gbp=100", "fundng_per_head_gbp", "100", "a lever name, preset, horizon_years, replications or zones")]
    public async Task Run_RejectsBadInputWithTheFieldValueAndAllowedRange(string query, string field, string value, string allowed)
    {
        foreach (string path in new[] { "/api/run?", "/api/results.json?", "/api/chart/money_by_programme.svg?" })
        {
            var (status, body) = await GetJson(path + query);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("invalid_request", (string)body["error"]!);
            var problem = Assert.Single(body["problems"]!.AsArray())!;
            Assert.Equal(field, (string)problem["field"]!);
            Assert.Equal(value, (string)problem["value"]!);
            Assert.Equal(allowed, (string)problem["allowed"]!);
            Assert.Contains(field, (string)problem["message"]!);
        }
    }

    [Fact]
    public async Task Run_ReportsEveryProblemAtOnce()
    {
        var (status, body) = await GetJson("/api/run?replications=0&horizon_years=0&bid_success_rate=2");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["replications", "horizon_years", "bid_success_rate"], body["problems"]!.AsArray().Select(p => (string)p!["field"]!).Order().Reverse().ToArray());
    }

    [Fact]
    public async Task Run_StreamsRefinementsAndTheLastEqualsADirectEngineCall()
    {
        const string query = "preset=reference&settlement=single_pot&funding_per_head_gbp=300&replications=250&horizon_years=10";
        string text = await server.Http.GetStringAsync("/api/run?" + query);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal([200, 250], lines.Select(l => (int)l["replications"]!).ToArray());
        Assert.False((bool)lines[0]["complete"]!);
        Assert.True((bool)lines[1]["complete"]!);
        Assert.Equal(ExplorerResults.Charts, lines[1]["charts"]!.AsArray().Select(c => (string)c!["stem"]!).ToArray());
        Assert.All(lines[1]["charts"]!.AsArray(), c => Assert.StartsWith("<svg", ((string)c!["svg"]!).TrimStart()));
        Assert.NotEmpty(lines[1]["drivers"]!.AsArray());

        var (request, _) = ExplorerRequest.Parse(query.Split('&').Select(kv => kv.Split('=')).Select(kv => new KeyValuePair<string, string?>(kv[0], kv[1])));
        var direct = ExplorerServerFixture.Direct(request!.Scenario());
        var hle = lines[1]["numbers"]!.AsArray().First(n => (string)n!["outcome"]! == "hle_years")!;
        Assert.Equal(direct.Outcome[1][StandardOutcomes.HleYears].Summary().Mean, (double)hle["your_setting"]!["mean"]!);
        Assert.Equal(direct.Outcome[0][StandardOutcomes.HleYears].Summary().Mean, (double)hle["baseline"]!["mean"]!);
        Assert.Equal(direct.Paired[0][StandardOutcomes.HleYears].Paired().Mean, (double)hle["difference"]!["mean"]!);
    }

    private async Task<JsonObject> LastLine(string query)
    {
        string body = await server.Http.GetStringAsync("/api/run?" + query);
        return JsonNode.Parse(body.TrimEnd('\n').Split('\n')[^1])!.AsObject();
    }

    [Fact]
    public async Task Run_LaysChartsOutAtThePagesWidth_AndRefusesAWidthOutOfRange()
    {
        var r = await LastLine("preset=reference&replications=50&horizon_years=5&chart_width=400");
        Assert.All(r["charts"]!.AsArray(), c => Assert.Equal(400, (int)c!["width"]!));
        Assert.DoesNotContain("chart_width", (string)r["query"]!);   // a display setting, not part of the shared setting
        var (status, body) = await GetJson("/api/run?preset=reference&chart_width=5000");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("chart_width", (string)body["problems"]![0]!["field"]!);
    }

    [Fact]
    public async Task Run_SaysWhichLeversDoNothingAndWhy()
    {
        var r = await LastLine("preset=health_devolution&replications=50&horizon_years=5");
        var levers = r["levers"]!.AsArray().ToDictionary(l => (string)l!["name"]!, l => l!);
        Assert.False((bool)levers["analytical_capacity"]["active"]!);
        Assert.Contains("at least 0.8", (string)levers["analytical_capacity"]["note"]!);
        Assert.True((bool)levers["icb_partnership"]["active"]!);   // pooled whatever it is, but it still sets what the mayor counts
        Assert.Contains("whatever the partnership", (string)levers["icb_partnership"]["note"]!);
        Assert.False((bool)levers["competitive_share"]["active"]!);
        Assert.True((bool)levers["mission_commitment"]["active"]!);
    }

    [Fact]
    public async Task Run_ChecksThePresetsOwnVariantsAgainstTheFullScenario_AndSaysWhenThereIsNoCheck()
    {
        // The health devolution preset's last variant, at its full horizon: the committed full run applies.
        var own = (await LastLine("preset=health_devolution&replications=200"))["full_check"]!;
        Assert.True((bool)own["available"]!);
        Assert.Equal("health_devolution", (string)own["variant"]!);
        var hle = own["rows"]!.AsArray().Single(x => (string)x!["outcome"]! == "hle_years")!;
        Assert.Equal(FullScenarioChecks.All["health_devolution"].Variants["health_devolution"][0].Mean, (double)hle["full_mean"]!);
        bool sameSign = Math.Sign((double)hle["explorer_mean"]!) == Math.Sign((double)hle["full_mean"]!);
        Assert.Equal(sameSign, (bool)hle["same_sign"]!);
        bool settled = (double)hle["full_ci95_low"]! > 0 || (double)hle["full_ci95_high"]! < 0;
        Assert.Equal(settled, (bool)hle["full_settled"]!);
        if (!sameSign && settled) Assert.Contains("disagree in sign", (string)own["message"]!);

        var other = (await LastLine("preset=health_devolution&replications=50&mission_commitment=0.9"))["full_check"]!;
        Assert.False((bool)other["available"]!);
        Assert.Contains("no full-scenario check", (string)other["message"]!);
    }

    [Fact]
    public async Task Answer_NamesTheWorldsOwnZoneCount_InItsSettingAndChartCaptions()
    {
        // The shrunk world keeps every region, so it can have more zones than the 30 asked for (31 for the reference preset).
        var r = await LastLine("preset=reference&replications=50&horizon_years=5");
        int zones = (int)r["zones"]!;
        Assert.Contains($"explorer, {zones} zones,", (string)r["setting"]!);
        var svg = (string)r["charts"]!.AsArray()[0]!["svg"]!;
        Assert.Contains($"explorer, {zones} zones,", svg);
    }

    [Fact]
    public async Task FullCheck_WarnsOnlyWhereTheFullScenarioSettlesTheSign_AndNamesTheDifferencesItDoesNotSettle()
    {
        // The reference preset's single pot: in the full scenario some headline differences have a 95% CI that includes
        // zero (HLE, at the time of writing). The explorer's sign cannot disagree with an unsettled one.
        var check = (await LastLine("preset=reference&replications=200"))["full_check"]!;
        var rows = check["rows"]!.AsArray().Select(r => r!).ToList();
        foreach (var row in rows)
        {
            bool settled = (double)row["full_ci95_low"]! > 0 || (double)row["full_ci95_high"]! < 0;
            Assert.Equal(settled, (bool)row["full_settled"]!);
            Assert.Equal((bool)row["same_sign"]! || !settled, (bool)row["agrees"]!);
            string label = (string)row["label"]!;
            if (!settled) Assert.Contains($"no clear difference in {label} (95% CI", (string)check["message"]!);
            else if (!(bool)row["same_sign"]!) Assert.Contains($"disagree in sign", (string)check["message"]!);
        }
        Assert.Contains(rows, r => !(bool)r["full_settled"]!);
        Assert.Equal(rows.All(r => (bool)r["agrees"]!), (bool)check["agrees"]!);
    }

    [Fact]
    public async Task Run_ExplainsWhatMovedInBothDirections_AndWhenTheSignChangesOverTheYears()
    {
        var r = await LastLine("preset=reference&replications=200");
        string drivers = string.Join(" ", r["drivers"]!.AsArray().Select(d => (string)d!));
        Assert.Contains("the largest rises:", drivers);
        Assert.Matches("the largest falls: [a-z ]+ −£", drivers);
        Assert.NotEmpty(r["over_time"]!.AsArray());
        var nhs = r["numbers"]!.AsArray().Single(n => (string)n!["outcome"]! == "public_spend_gbp")!;
        Assert.Equal("neither", (string)nhs["direction"]!);   // spending more is not coloured as better
    }

    [Fact]
    public async Task WhyItMoved_NamesTheAgentsWhoseBehaviourChanged_AndTheNhsCareThePooledMoneyForgoes()
    {
        var r = await LastLine("preset=health_devolution&replications=100");
        string drivers = string.Join(" ", r["drivers"]!.AsArray().Select(d => (string)d!));
        Assert.Contains("The agents whose behaviour changed most:", drivers);
        Assert.Matches(@"[A-Za-z ]+ ICB pools £[0-9.]+(k|m|bn) (more|less)", drivers);
        Assert.Matches(@"[A-Za-z ]+ mayor spends £[0-9.]+(k|m|bn) (more|less) on programmes", drivers);
        Assert.Matches(@"[A-Za-z ]+ developers start [0-9,]+ (more|fewer) homes", drivers);
        Assert.Contains("Pooled money is NHS care given up", drivers);
        Assert.Contains("net health benefit", drivers);
    }

    [Fact]
    public async Task ResultsJson_IsByteIdenticalToTheSummaryOfUrbansimRunWithTheSameSetting()
    {
        // The explorer world of the reference preset, written out as a scenario file: regions scaled by 30/300, rounded.
        using var folder = new TempFolder("explorer-run");
        string reference = File.ReadAllText(RepositoryRoot.File("scenarios", "reference.json"));
        var scenario = JsonNode.Parse(reference)!.AsObject();
        scenario.Remove("$schema");
        scenario.Remove("sensitivity");   // names variants this test replaces; irrelevant to run
        scenario["world"] = JsonNode.Parse(
            """
            {"regions": [{"name": "Established A", "capacity": "established", "zones": 7}, {"name": "Established B", "capacity": "established", "zones": 6},
              {"name": "Developing A", "capacity": "developing", "zones": 5}, {"name": "Developing B", "capacity": "developing", "zones": 5},
              {"name": "New A", "capacity": "new", "zones": 4}, {"name": "New B", "capacity": "new", "zones": 4}]}
            """);
        scenario["horizon_years"] = 8;
        scenario["variants"] = JsonNode.Parse(
            """
            [{"name": "baseline", "label": "Tied grants", "description": "The preset's first variant, tied_grants", "levers": {"settlement": "tied_grants"}},
             {"name": "your_setting", "label": "Your setting", "description": "The levers chosen in the explorer", "levers": {"settlement": "health_devolution", "mission_commitment": 0.9, "icb_partnership": 0.7}}]
            """);
        string path = folder.Write("explorer.json", scenario.ToJsonString());
        int code = RunCommand.Run(new RunOptions(path, 120, null, 2, Path.Combine(folder.Path, "out")), TextWriter.Null, TextWriter.Null);
        Assert.Equal(ExitCodes.Ok, code);

        string fromServer = await server.Http.GetStringAsync(
            "/api/results.json?preset=reference&settlement=health_devolution&mission_commitment=0.9&icb_partnership=0.7&horizon_years=8&replications=120");
        Assert.Equal(File.ReadAllText(Path.Combine(folder.Path, "out", "summary.json")), fromServer);
    }

    [Fact]
    public async Task Downloads_AreCsvAndChartsAsSvgAndPng()
    {
        const string q = "?preset=capacity_gap&replications=40&horizon_years=5";
        using var csv = await server.Http.GetAsync("/api/results.csv" + q);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        string text = await csv.Content.ReadAsStringAsync();
        // summary.csv's table with the setting on every row: the file says what it shows wherever it ends up.
        Assert.StartsWith("preset,setting," + UrbanSim.Runner.Output.SummaryCsv.Header + "\ncapacity_gap,", text);
        Assert.All(text.TrimEnd('\n').Split('\n').Skip(1), line => Assert.Contains("horizon_years=5&replications=40", line));
        Assert.Contains(",your_setting,Your setting,hle_years,", text);
        Assert.Equal("urbansim-explorer-capacity_gap-results.csv", csv.Content.Headers.ContentDisposition!.FileName);

        using var svg = await server.Http.GetAsync("/api/chart/fan_hle_gap_years.svg" + q);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        // A saved chart carries the setting in its caption line.
        Assert.Contains("your setting:", await svg.Content.ReadAsStringAsync());
        Assert.Equal("urbansim-explorer-capacity_gap-fan_hle_gap_years.svg", svg.Content.Headers.ContentDisposition!.FileName);
        using var png = await server.Http.GetAsync("/api/chart/hle_change_by_decile.png" + q);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);
        using var unknown = await server.Http.GetAsync("/api/chart/..%2f..%2fetc%2fpasswd.svg" + q);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("/../../etc/passwd")]
    [InlineData("/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/..%2fSimulation.Runner.csproj")]
    [InlineData("/urbansim.dll")]
    [InlineData("/wwwroot/index.html")]
    [InlineData("/api/")]
    public async Task Server_ServesOnlyItsOwnFiles(string path)
    {
        using var response = await server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Server_ServesThePageAndItsScriptWithSafeHeaders()
    {
        using var page = await server.Http.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("UrbanSim policy explorer", await page.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        using var script = await server.Http.GetAsync("/app.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Server_RefusesOtherMethodsAndBodies()
    {
        using var post = await server.Http.PostAsync("/api/run", new StringContent(new string('x', 100_000)));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task Results_AreTheSameForTheSameSetting()
    {
        const string q = "/api/results.csv?preset=high_turbulence&churn_rate_per_year=0.6&replications=30&horizon_years=6";
        string first = await server.Http.GetStringAsync(q);
        Assert.Equal(first, await server.Http.GetStringAsync(q));
        Assert.NotEqual(first, await server.Http.GetStringAsync(q.Replace("0.6", "0.2", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task JobLimiter_RefusesWhenTooManyAreWaitingAndSharesOneSlot()
    {
        var limiter = new JobLimiter(1, maxWaiting: 1);
        using var first = await limiter.EnterAsync(CancellationToken.None);
        Assert.NotNull(first);
        var second = limiter.EnterAsync(CancellationToken.None);   // waits for the slot
        Assert.False(second.IsCompleted);
        Assert.Null(await limiter.EnterAsync(CancellationToken.None));   // a third may not even wait
        first!.Dispose();
        using var got = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(got);
    }

    [Fact]
    public void JobLimiter_AdmitsAFixedNumberOfRequestsInProgress()
    {
        var limiter = new JobLimiter(1, maxRequests: 2);
        using var a = limiter.Admit();
        var b = limiter.Admit();
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Null(limiter.Admit());
        b!.Dispose();
        b.Dispose();   // twice is harmless
        using var c = limiter.Admit();
        Assert.NotNull(c);
        Assert.Null(limiter.Admit());
    }

    [Fact]
    public async Task ExplorerBatch_StopsWhenTheRequestIsCancelled()
    {
        var (request, _) = ExplorerRequest.Parse([new("replications", "5000")]);
        var batch = new ExplorerBatch(request!.Scenario(), new JobLimiter(2));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batch.GrowAsync(5000, cancel.Token));
        Assert.True(batch.Done < 5000);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Server_GivesASecondUserTheirFirstAnswerWhileAFirstUserRefinesALongRun()
    {
        // User A asks for the cap; once A's first answer is in, user B asks for a small run. B's first answer must not
        // wait for A's 5,000 replications: slices of work take turns.
        using var a = await server.Http.GetAsync("/api/run?preset=reference&replications=5000", HttpCompletionOption.ResponseHeadersRead);
        using var aBody = new StreamReader(await a.Content.ReadAsStreamAsync());
        Assert.NotNull(await aBody.ReadLineAsync());
        var readingA = Task.Run(async () => { while (await aBody.ReadLineAsync() is { } line) if (line.Contains("\"complete\":true")) return true; return false; });
        using var b = await server.Http.GetAsync("/api/run?preset=capacity_gap&replications=200", HttpCompletionOption.ResponseHeadersRead);
        using var bBody = new StreamReader(await b.Content.ReadAsStreamAsync());
        string? bFirst = await bBody.ReadLineAsync();
        Assert.Contains("\"complete\":true", bFirst);
        Assert.False(readingA.IsCompleted, "user B waited for user A's whole run");
        a.Dispose();   // A leaves: the server cancels A's remaining work
    }

    [Fact]
    public void Steps_GiveAFewHundredFirstThenFourTimesAsMany()
    {
        Assert.Equal([200, 800, 3200, 5000], ExplorerBatch.Steps(5000).ToArray());
        Assert.Equal([50], ExplorerBatch.Steps(50).ToArray());
    }

    [Fact]
    public void Presets_KeepTheRegionsAndCapacityMixOfTheFullWorld()
    {
        var preset = ExplorerPresets.All["reference"];
        Assert.Equal(WorldSpec.EnglandLike.Regions.Select(r => (r.Name, r.Capacity)), preset.Scenario.World.Regions.Select(r => (r.Name, r.Capacity)));
        Assert.InRange(preset.Scenario.World.ZoneCount, 28, 32);
        var patient = ExplorerPresets.All["patient_capital"];
        // Patient capital is a whole-world sum: scaled with the zones, so it stays the same per resident.
        Assert.Equal(Math.Round(5e8 * patient.Scenario.World.ZoneCount / patient.FullWorld.ZoneCount), patient.Initial.Levers.PatientCapitalGbpPerYear);
    }
}

/// <summary>The <c>serve</c> command line.</summary>
public sealed class ServeCommandLineTests
{
    [Theory]
    [InlineData("70000")]
    [InlineData("-1")]
    public void Serve_RejectsAPortOutOfRange(string port)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = UrbanSim.Runner.Program.Run(["serve", "--port", port], stdout, stderr);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal($"urbansim serve: --port must be from 0 to 65535; got {port}. Fix: see 'urbansim serve --help'.", stderr.ToString().Trim());
    }

    [Fact]
    public void Serve_IsListedInTheHelp()
    {
        var stdout = new StringWriter();
        UrbanSim.Runner.Program.BuildRoot(stdout, TextWriter.Null).Parse(["--help"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = TextWriter.Null });
        Assert.Contains("serve", stdout.ToString());
    }
}

/// <summary><c>urbansim serve</c> itself: starts, prints its address, answers, and stops on the signal.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_PrintsTheAddressAnswersAndStopsCleanly()
    {
        var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => UrbanSim.Runner.Web.ServeCommand.Run(0, "127.0.0.1", TextWriter.Synchronized(stdout), TextWriter.Null, stop.Token));
        string? address = null;
        for (int i = 0; i < 100 && address is null; i++)
        {
            await Task.Delay(100);
            var match = System.Text.RegularExpressions.Regex.Match(stdout.ToString(), @"UrbanSim policy explorer: (http://127\.0\.0\.1:\d+)/");
            if (match.Success) address = match.Groups[1].Value;
        }
        Assert.NotNull(address);
        using var http = new HttpClient();
        Assert.Contains("UrbanSim policy explorer", await http.GetStringAsync(address + "/"));
        stop.Cancel();
        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
