using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace UrbanSim.Runner.Web;

/// <summary>
/// What keeps the explorer hard to lock out and hard to misuse, apart from the job limits (<see cref="JobLimiter"/>):
/// security headers on every response, the Host header checked against the address the server is bound to, and a cap on
/// the connections one client may hold open.
/// </summary>
internal static class ServerGuards
{
    /// <summary>Connections one client (remote IP address) may hold open at once; the next are closed on arrival.</summary>
    public const int MaxConnectionsPerClient = 32;

    /// <summary>Headers every response carries, the server's own error responses included.</summary>
    public static readonly (string Name, string Value)[] SecurityHeaders =
    [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"),
    ];

    /// <summary>The client a request or connection belongs to: its remote address (IPv4 for an IPv4-mapped one).</summary>
    public static string Client(IPAddress? address) =>
        address is null ? "" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    /// <summary>
    /// Whether a request's Host header names this server. The loopback names are always accepted; the bound address too
    /// when it is a specific one; when bound to every address (0.0.0.0, ::), any IP literal, which no DNS name can
    /// impersonate. A name that merely resolves to this machine (DNS rebinding: a page of another site whose name now
    /// points here) is refused, so a browser cannot be made to drive the local API.
    /// </summary>
    public static bool HostAllowed(string boundHost, HostString host)
    {
        if (!host.HasValue) return false;
        string name = host.Host.Trim('[', ']');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        bool literal = IPAddress.TryParse(name, out var address);
        if (literal && IPAddress.IsLoopback(address!)) return true;
        string bound = boundHost.Trim('[', ']');
        if (name.Equals(bound, StringComparison.OrdinalIgnoreCase)) return true;
        bool wildcard = bound is "0.0.0.0" or "::" or "*" or "+";
        return wildcard && literal;
    }

    /// <summary>
    /// Kestrel middleware for connections: closes a connection at once when its client already holds
    /// <see cref="MaxConnectionsPerClient"/>, so one client's idle or slow connections cannot use up the server's; and gives
    /// the responses Kestrel writes itself (400, 408, 414, 431: a request refused before the application sees it) the
    /// <see cref="SecurityHeaders"/> too.
    /// </summary>
    public static Func<ConnectionDelegate, ConnectionDelegate> Connections(ConcurrentDictionary<string, ConnectionState> states) => next => async connection =>
    {
        string client = Client((connection.RemoteEndPoint as IPEndPoint)?.Address);
        var counts = states.GetOrAdd(CountKey(client), _ => new ConnectionState());
        if (Interlocked.Increment(ref counts.Open) > MaxConnectionsPerClient)
        {
            Interlocked.Decrement(ref counts.Open);
            connection.Abort();
            return;
        }
        var state = states[connection.ConnectionId] = new ConnectionState();
        var transport = connection.Transport;
        connection.Transport = new DuplexPipe(transport.Input, new ErrorHeaderWriter(transport.Output, state));
        try { await next(connection); }
        finally
        {
            Interlocked.Decrement(ref counts.Open);
            states.TryRemove(connection.ConnectionId, out _);
            connection.Transport = transport;
        }
    };

    private static string CountKey(string client) => "client " + client;

    /// <summary>What the guards know of one connection: whether the application is answering on it; for a client, its open connections.</summary>
    public sealed class ConnectionState
    {
        public volatile bool ApplicationResponding;
        public int Open;
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    /// <summary>
    /// The connection's output. While the application answers, bytes pass straight through. Anything written when it is
    /// not answering is a response Kestrel makes itself (it closes the connection after one): its head is held until the
    /// blank line that ends it and the security headers are put in before that line.
    /// </summary>
    private sealed class ErrorHeaderWriter(PipeWriter inner, ConnectionState state) : PipeWriter
    {
        private static readonly byte[] Extra = Encoding.ASCII.GetBytes(string.Concat(SecurityHeaders.Select(h => $"{h.Name}: {h.Value}\r\n")));
        private ArrayBufferWriter<byte>? _held;
        private bool _injected;

        private bool Holding
        {
            get
            {
                if (_held is null && !_injected && !state.ApplicationResponding) _held = new ArrayBufferWriter<byte>();
                return _held is not null;
            }
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => Holding ? _held!.GetMemory(sizeHint) : inner.GetMemory(sizeHint);
        public override Span<byte> GetSpan(int sizeHint = 0) => Holding ? _held!.GetSpan(sizeHint) : inner.GetSpan(sizeHint);

        public override void Advance(int bytes)
        {
            if (_held is not null) { _held.Advance(bytes); TryInject(); }
            else inner.Advance(bytes);
        }

        /// <summary>Once the held bytes hold a whole head, writes it with the headers before its final blank line.</summary>
        private void TryInject(bool final = false)
        {
            var held = _held!.WrittenSpan;
            int end = held.IndexOf("\r\n\r\n"u8);
            if (end < 0 && !final) return;
            if (end >= 0)
            {
                inner.Write(held[..(end + 2)]);
                inner.Write(Extra);
                inner.Write(held[(end + 2)..]);
            }
            else inner.Write(held);
            _held = null;
            _injected = true;
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);
        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            if (_held is not null) TryInject(final: true);
            inner.Complete(exception);
        }

        public override ValueTask CompleteAsync(Exception? exception = null)
        {
            if (_held is not null) TryInject(final: true);
            return inner.CompleteAsync(exception);
        }
    }
}
