using System.Net.Sockets;

namespace Conferences.Api.Tests.Websocket;

/// <summary>
/// Blackhole's <c>max_connections_per_ip</c> (docs/websocket.md): over the limit the handshake is refused with 429,
/// here with crossbar's <c>too_many_requests</c> envelope; a closed socket frees its place.
/// </summary>
public sealed class PerIpLimitTests(PerIpLimitApiFactory api) : IClassFixture<PerIpLimitApiFactory>
{
    [Fact]
    public async Task The_third_socket_from_one_address_is_refused_with_429_until_one_closes()
    {
        var first = await ConnectAsync();
        await using var second = new BlackholeClient(await ConnectAsync());

        var refused = await HandshakeAsync();
        await using (new BlackholeClient(first))
        {
        }
        var admitted = await EventuallyConnectAsync();

        Assert.StartsWith("HTTP/1.1 429 ", refused.Status, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json\r\n", refused.Headers, StringComparison.OrdinalIgnoreCase);
        var envelope = JsonNode.Parse(refused.Body)!;
        Assert.Equal("error", (string?)envelope["status"]);
        Assert.Equal("429", (string?)envelope["error"]);
        Assert.Equal("too_many_requests", (string?)envelope["message"]);
        Assert.Equal("too many requests: 127.0.0.1 has 2 websocket connections open already", (string?)envelope["data"]!["message"]);
        await using var third = new BlackholeClient(admitted);
        Assert.Equal(WebSocketState.Open, third.Socket.State);
    }

    [Fact]
    public async Task A_sub_protocol_handshake_is_refused_with_a_json_400()
    {
        var refused = await HandshakeAsync("Sec-WebSocket-Protocol: chat\r\n");

        Assert.StartsWith("HTTP/1.1 400 ", refused.Status, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json\r\n", refused.Headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("websocket sub-protocols are not supported", (string?)JsonNode.Parse(refused.Body)!["data"]!["message"]);
    }

    private async Task<WebSocket> ConnectAsync()
    {
        var client = new ClientWebSocket();
        using var deadline = new CancellationTokenSource(BlackholeClient.Deadline);
        await client.ConnectAsync(api.WebsocketUri, deadline.Token);
        return client;
    }

    // the server releases a place once it has seen the close; poll for it
    private async Task<WebSocket> EventuallyConnectAsync()
    {
        var until = DateTime.UtcNow + BlackholeClient.Deadline;
        while (true)
        {
            try
            {
                return await ConnectAsync();
            }
            catch (WebSocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>A websocket handshake by hand, to read the refusal's status line, headers and body.</summary>
    private async Task<(string Status, string Headers, string Body)> HandshakeAsync(string extraHeaders = "")
    {
        using var tcp = new TcpClient();
        using var deadline = new CancellationTokenSource(BlackholeClient.Deadline);
        await tcp.ConnectAsync("127.0.0.1", api.Port, deadline.Token);
        var stream = tcp.GetStream();
        var request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
            + $"Sec-WebSocket-Key: {Convert.ToBase64String(Guid.NewGuid().ToByteArray())}\r\n{extraHeaders}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), deadline.Token);
        var response = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var text = Encoding.UTF8.GetString(response.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0 && ContentLength(text[..end]) is { } length && response.Length >= end + 4 + length)
            {
                var lines = text[..end];
                return (lines[..lines.IndexOf("\r\n", StringComparison.Ordinal)], lines + "\r\n", text.Substring(end + 4, length));
            }
            var read = await stream.ReadAsync(buffer, deadline.Token);
            Assert.True(read > 0, $"connection closed after: {text}");
            response.Write(buffer, 0, read);
        }
    }

    private static int? ContentLength(string headers) =>
        headers.Split("\r\n").Select(h => h.Split(':', 2)).Where(h => h.Length == 2 && h[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => (int?)int.Parse(h[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
}
