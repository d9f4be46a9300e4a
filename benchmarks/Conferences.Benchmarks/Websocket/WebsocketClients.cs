using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Conferences.Benchmarks.Websocket;

/// <summary>
/// The client side of the websocket benchmark, run as its own process so that the server's heap holds only the
/// server's sockets: <c>ws-clients URI TOKEN ACCOUNT PER-CONFERENCE CONF,CONF,…</c> opens PER-CONFERENCE sockets per
/// conference, subscribes each to <c>conference.event.{conf}.*</c> (one binding per socket, as Monster UI's viewer
/// does), prints <c>READY</c>, then records the delay of every event frame from its <c>msg_id</c>. Commands on stdin:
/// <c>COUNT phase</c>, <c>STATS phase</c>, <c>EXIT</c>; answers are one line on stdout.
/// </summary>
public static class WebsocketClients
{
    private static readonly byte[] MsgIdMarker = Encoding.UTF8.GetBytes("\"msg_id\":\"");

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var uri = new Uri(args[0]);
        var (token, account, perConference) = (args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
        var conferences = args[4].Split(',');
        var clients = new List<(ClientWebSocket Socket, PhaseSamples Samples, Task Loop)>();
        using var stop = new CancellationTokenSource();
        var targets = conferences.SelectMany(c => Enumerable.Repeat(c, perConference)).ToList();
        foreach (var batch in targets.Chunk(50))
        {
            var opened = await Task.WhenAll(batch.Select(conf => OpenAsync(uri, token, account, conf)));
            foreach (var socket in opened)
            {
                var samples = new PhaseSamples();
                clients.Add((socket, samples, Task.Run(() => ReceiveAsync(socket, samples, stop.Token))));
            }
        }
        Console.WriteLine("READY");
        while (Console.ReadLine() is { } line)
        {
            var words = line.Split(' ');
            switch (words[0])
            {
                case "COUNT":
                    Console.WriteLine(PhaseSamples.Count(clients.Select(c => c.Samples), int.Parse(words[1], CultureInfo.InvariantCulture)));
                    break;
                case "STATS":
                    var (latency, last) = PhaseSamples.Summarise(clients.Select(c => c.Samples), int.Parse(words[1], CultureInfo.InvariantCulture));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{latency.Count} {last} {latency.MeanMs:R} {latency.P50Ms:R} {latency.P99Ms:R} {latency.MaxMs:R} {clients.Count(c => c.Socket.State != WebSocketState.Open)}"));
                    break;
                case "EXIT":
                    await stop.CancelAsync();
                    foreach (var (socket, _, _) in clients)
                    {
                        socket.Abort();
                        socket.Dispose();
                    }
                    return 0;
            }
        }
        return 0;
    }

    private static async Task<ClientWebSocket> OpenAsync(Uri uri, string token, string account, string conference)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(uri, CancellationToken.None);
        var subscribe = new JsonObject
        {
            ["action"] = "subscribe",
            ["auth_token"] = token,
            ["request_id"] = Guid.NewGuid().ToString(),
            ["data"] = new JsonObject { ["account_id"] = account, ["binding"] = $"conference.event.{conference}.*" },
        };
        await socket.SendAsync(Encoding.UTF8.GetBytes(subscribe.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[4096];
        var reply = await socket.ReceiveAsync(buffer, CancellationToken.None);
        var text = Encoding.UTF8.GetString(buffer, 0, reply.Count);
        if (!text.Contains("\"status\":\"success\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"subscribe failed: {text}");
        }
        return socket;
    }

    // Only the msg_id of each frame is read (no full parse): the receiving side should cost little next to the server.
    private static async Task ReceiveAsync(ClientWebSocket socket, PhaseSamples samples, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                var received = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                var frame = buffer.AsSpan(0, length);
                var at = frame.IndexOf(MsgIdMarker);
                if (at < 0)
                {
                    continue;
                }
                var value = frame[(at + MsgIdMarker.Length)..];
                var end = value.IndexOf((byte)'"');
                if (end > 0 && BenchEvents.TryParseMsgId(Encoding.ASCII.GetString(value[..end]), out var phase, out var published))
                {
                    samples.Record(phase, published, received);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // closed by the server (counted by STATS) or by EXIT
        }
    }
}
