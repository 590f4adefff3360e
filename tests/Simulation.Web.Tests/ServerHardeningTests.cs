using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UrbanSim.Runner.Web;

namespace UrbanSim.Web.Tests;

/// <summary>
/// The explorer is hard to lock out and hard to misuse: security headers on every response (Kestrel's own errors and a
/// 500 included), the Host header checked, HEAD answered, slow headers dropped, a cap on one client's connections and
/// requests, and a second client's first answer arriving while another client saturates its share (loopback only; every
/// test stops by itself).
/// </summary>
[Collection(ExplorerCollection.Name)]
public sealed class ServerHardeningTests(ExplorerServerFixture server)
{
    private Uri Base => new(server.Address);

    /// <summary>An HTTP client whose connections come from another loopback address, i.e. another client to the server.</summary>
    private static HttpClient ClientFrom(string localAddress, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellation) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        },
        MaxConnectionsPerServer = 64,
    }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(90) };

    /// <summary>Sends raw bytes and returns the response head (or "" when the server closed without answering).</summary>
    private async Task<string> Raw(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Base.Host, Base.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[16384];
        int read, total = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try { while ((read = await stream.ReadAsync(buffer.AsMemory(total), timeout.Token)) > 0 && total < buffer.Length) { total += read; if (Encoding.ASCII.GetString(buffer, 0, total).Contains("\r\n\r\n")) break; } }
        catch (IOException) { }
        return Encoding.ASCII.GetString(buffer, 0, total);
    }

    private static void AssertSecurityHeaders(string head)
    {
        foreach (var (name, value) in ServerGuards.SecurityHeaders) Assert.Contains($"{name}: {value}\r\n", head);
    }

    [Theory]
    [InlineData("GET /api/run?x={0} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 5000, "414")]          // request line over 4 KB
    [InlineData("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {0}\r\n\r\n", 20000, "431")]        // headers over 16 KB
    [InlineData("GARBAGE\r\n\r\n", 0, "400")]                                                 // not HTTP at all
    public async Task ResponsesKestrelMakesItself_CarryTheSecurityHeadersToo(string template, int padding, string status)
    {
        string head = await Raw(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new string('a', padding)));
        Assert.StartsWith($"HTTP/1.1 {status} ", head);
        AssertSecurityHeaders(head);
    }

    [Fact]
    public async Task AnInternalError_IsA500WithTheSecurityHeaders_AndAJsonBody()
    {
        await using var app = ExplorerServer.Build("127.0.0.1", 0);
        app.MapGet("/bug", (Func<string>)(() => throw new InvalidOperationException("a bug")));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(ExplorerServer.Address(app)) };
        using var response = await http.GetAsync("/bug");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        foreach (var (name, value) in ServerGuards.SecurityHeaders) Assert.Equal(value, string.Join(",", response.Headers.TryGetValues(name, out var v) ? v : response.Content.Headers.GetValues(name)));
        Assert.Equal("internal_error", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("192.168.1.20")]
    public async Task AHostHeaderNotNamingTheServer_IsRefused_AsDnsRebindingWouldSendIt(string host)
    {
        string head = await Raw($"GET /api/presets HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 400 ", head);
        AssertSecurityHeaders(head);
        foreach (string ok in new[] { "127.0.0.1", $"localhost:{Base.Port}", "[::1]" })
            Assert.StartsWith("HTTP/1.1 200 ", await Raw($"GET /api/presets HTTP/1.1\r\nHost: {ok}\r\nConnection: close\r\n\r\n"));
        Assert.True(ServerGuards.HostAllowed("0.0.0.0", new HostString("192.168.1.20", 5080)), "any address literal when bound to all");
        Assert.False(ServerGuards.HostAllowed("0.0.0.0", new HostString("evil.example")));
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/api/presets", "application/json")]
    [InlineData("/api/run?replications=5000&horizon_years=50", "application/x-ndjson")]
    [InlineData("/api/chart/fan_hle_gap_years.svg?replications=100", "image/svg+xml")]
    public async Task Head_IsAnswered_WithoutABody_AndWithoutRunningAnything(string path, string type)
    {
        var clock = Stopwatch.StartNew();
        using var response = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(type, response.Content.Headers.ContentType!.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        using var bad = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/run?replications=0"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "a HEAD of 5,000 replications must not simulate them");
    }

    [Fact]
    public async Task AOneYearHorizon_IsAnswered_NotA500()
    {
        // Inside the allowed range, but the money chart needed two years and the server answered 500.
        string text = await server.Http.GetStringAsync("/api/run?horizon_years=1&replications=20");
        var last = JsonNode.Parse(text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!;
        Assert.True((bool)last["complete"]!);
        Assert.Contains(last["charts"]!.AsArray(), c => (string)c!["stem"]! == "money_by_programme");
    }

    [Fact]
    public async Task AConnectionThatSendsItsHeadersSlowly_IsDroppedWithinSeconds()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Base.Host, Base.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"u8.ToArray());   // and never the blank line
        var clock = Stopwatch.StartNew();
        var buffer = new byte[4096];
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { while (await stream.ReadAsync(buffer, limit.Token) > 0) { } }
        catch (IOException) { }
        Assert.False(limit.IsCancellationRequested, "the slow connection was still open after 30 s");
        Assert.InRange(clock.Elapsed, ExplorerServer.RequestHeadersTimeout - TimeSpan.FromSeconds(1), ExplorerServer.RequestHeadersTimeout + TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task OneClientsConnections_AreCapped_AndAnotherClientIsStillServed()
    {
        var sockets = new List<Socket>();
        int closed = 0;
        try
        {
            for (int i = 0; i < ServerGuards.MaxConnectionsPerClient + 8; i++)
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(s);
                s.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.3"), 0));
                try { await s.ConnectAsync(Base.Host, Base.Port); }
                catch (SocketException) when (i >= ServerGuards.MaxConnectionsPerClient) { closed++; sockets.Remove(s); s.Dispose(); }   // reset on arrival
                await Task.Delay(20);
            }
            await Task.Delay(500);
            // Those beyond the cap were closed on arrival: a read ends at once (end of stream, or a reset).
            foreach (var s in sockets.Skip(ServerGuards.MaxConnectionsPerClient))
            {
                s.ReceiveTimeout = 2000;
                try { if (s.Receive(new byte[1]) == 0) closed++; } catch (SocketException e) when (e.SocketErrorCode != SocketError.TimedOut && e.SocketErrorCode != SocketError.WouldBlock) { closed++; }
            }
            Assert.Equal(8, closed);
            // Those within it are still open: a read waits.
            var kept = sockets[0];
            kept.ReceiveTimeout = 300;
            var waiting = Assert.Throws<SocketException>(() => kept.Receive(new byte[1]));
            Assert.True(waiting.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock, $"{waiting.SocketErrorCode}");
            using var response = await server.Http.GetAsync("/api/presets");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally { foreach (var s in sockets) s.Dispose(); }
    }

    [Fact]
    public async Task WhileOneClientSaturatesItsShare_AnotherClientsFirstAnswerArrivesWithinSeconds()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));   // the load test ends by itself
        using var busy = ClientFrom("127.0.0.2", Base);
        // As in the report: eight long requests from one client (5,000 replications, 50 years, 60 zones each).
        var long8 = Enumerable.Range(0, 8).Select(i => busy.GetAsync($"/api/run?replications=5000&horizon_years=50&zones=60&funding_per_head_gbp={100 + i}",
            HttpCompletionOption.ResponseHeadersRead, stop.Token)).ToList();
        var answered = new List<HttpResponseMessage>();
        try
        {
            // The first few are admitted (their answers come later); the rest are told at once that this client has its
            // share: at the caps (about 250 MB each) half the server's memory budget holds two of them.
            var clock = Stopwatch.StartNew();
            int Refused() => long8.Count(t => t.IsCompletedSuccessfully && t.Result.StatusCode == HttpStatusCode.ServiceUnavailable);
            while (Refused() < 8 - JobLimiter.DefaultMaxRequestsPerClient && clock.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(50, stop.Token);
            await Task.Delay(500, stop.Token);
            answered.AddRange(long8.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            Assert.InRange(Refused(), 8 - JobLimiter.DefaultMaxRequestsPerClient, 7);
            Assert.DoesNotContain(answered, r => r.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable));

            // Another client's first answer (200 replications) takes turns with the busy client's slices.
            var first = Stopwatch.StartNew();
            using var response = await server.Http.GetAsync("/api/run?replications=200&zones=30", HttpCompletionOption.ResponseHeadersRead, stop.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            string? line = await reader.ReadLineAsync(stop.Token);
            first.Stop();
            Assert.Equal(200, (int)JsonNode.Parse(line!)!["replications"]!);
            Assert.True(first.Elapsed < TimeSpan.FromSeconds(20), $"the second client waited {first.Elapsed.TotalSeconds:0.0} s for its first answer");
        }
        finally
        {
            stop.Cancel();   // closes the busy client's requests; the server cancels their work
            foreach (var r in answered) r.Dispose();
        }
    }

    [Fact]
    public void Admission_RefusesBeyondOneClientsShare_AndBeyondTheMemoryBudget()
    {
        var limiter = new JobLimiter(1, maxRequests: 8, maxRequestsPerClient: 2, memoryBudgetBytes: 1000);
        using var a = limiter.Admit("a", 100, out _);
        using var b = limiter.Admit("a", 100, out _);
        Assert.NotNull(a); Assert.NotNull(b);
        Assert.Null(limiter.Admit("a", 100, out string? mine));
        Assert.Contains("the most one client may have", mine);
        using var c = limiter.Admit("b", 700, out _);   // a client's first request may be larger than its half
        Assert.NotNull(c);
        Assert.Null(limiter.Admit("c", 200, out string? memory));
        Assert.Contains("all the memory", memory);
        using var d = limiter.Admit("d", 50, out _);
        Assert.NotNull(d);
        Assert.Null(limiter.Admit("d", 500, out string? half));
        Assert.Contains("half the memory", half);
        var scenario = ExplorerRequest.Parse([new("replications", "5000"), new("horizon_years", "50"), new("zones", "60")]).Request!.Scenario();
        Assert.InRange(ExplorerBatch.EstimatedBytes(scenario, 5000), 100L << 20, JobLimiter.DefaultMemoryBudgetBytes / 4);
    }

    [Fact]
    public async Task TheSlot_GoesToTheNextClientInTurn_NotToTheClientThatJustHadIt()
    {
        var limiter = new JobLimiter(1);
        var held = await limiter.EnterAsync(CancellationToken.None, "busy");
        var busyAgain = limiter.EnterAsync(CancellationToken.None, "busy");
        var busyThird = limiter.EnterAsync(CancellationToken.None, "busy");
        var other = limiter.EnterAsync(CancellationToken.None, "other");
        held!.Dispose();
        (await busyAgain)!.Dispose();   // the busy client's queued slice ran first (it asked first) …
        var otherTurn = await other.WaitAsync(TimeSpan.FromSeconds(10));   // … then the other client's, before the busy client's next
        Assert.False(busyThird.IsCompleted);
        otherTurn!.Dispose();
        (await busyThird.WaitAsync(TimeSpan.FromSeconds(10)))!.Dispose();
    }
}
