using System.Net.Sockets;
using Xunit.Abstractions;
using static Conferences.Api.Tests.Websocket.Frames;

namespace Conferences.Api.Tests.Websocket;

/// <summary>
/// A client that does not read is cut without slowing anyone (issue 8): over real Kestrel, a socket with a tiny
/// receive window stops reading while another socket on the same conference reads every event; once the slow one's
/// queue (16 frames here) is full it gets a 1008 close with the reason, and the fast one received everything.
/// </summary>
public sealed class SlowSocketTests(SlowSocketApiFactory api, ITestOutputHelper output) : IClassFixture<SlowSocketApiFactory>
{
    private const int Events = 400;

    [Fact]
    public async Task A_socket_that_does_not_read_is_closed_and_the_one_that_reads_gets_every_event()
    {
        var account = await api.NewAccountAsync();
        var conf = KazooIds.NewId();
        var binding = $"conference.event.{conf}.*";
        await using var fast = new BlackholeClient(await ConnectAsync(receiveBuffer: null));
        await using var slow = new BlackholeClient(await ConnectAsync(receiveBuffer: 4096));
        Success(await fast.SubscribeAsync(account, binding));
        Success(await slow.SubscribeAsync(account, binding));
        var simulator = api.Services.GetRequiredService<SimulatorControl>();
        // 32 KiB of channel vars in every member event: the slow socket's buffers fill after a few dozen frames
        var member = await simulator.AddParticipantAsync(new NewParticipant(conf, account.Id)
        {
            CallId = $"big-{conf}",
            CustomChannelVars = new JsonObject { ["Padding"] = new string('p', 32 * 1024) },
        });
        Assert.Equal(EventKey("conference-create", account.Id, conf), RoutingKey(await fast.NextEventAsync()));
        Assert.Equal(EventKey("add-member", account.Id, conf, member!.CallId), RoutingKey(await fast.NextEventAsync()));

        for (var i = 0; i < Events; i++)
        {
            await simulator.SetTalkingAsync(member.CallId, talking: i % 2 == 0);
            var frame = await fast.NextEventAsync();
            Assert.Equal(EventKey(i % 2 == 0 ? "start-talking" : "stop-talking", account.Id, conf, member.CallId), RoutingKey(frame));
        }
        Success(await fast.RequestAsync("ping", null));

        var (frames, status, reason) = await slow.ReadUntilClosedAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"the slow socket got {frames} of {Events + 2} frames before its close: {status} {reason}");
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Equal($"too slow: more than {SlowSocketApiFactory.MaxQueuedFrames} frames waiting to be sent", reason);
        Assert.InRange(frames, 0, Events);
        Assert.Equal(WebSocketState.Open, fast.Socket.State);
    }

    private async Task<WebSocket> ConnectAsync(int? receiveBuffer)
    {
        var client = new ClientWebSocket();
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (receiveBuffer is { } size)
                {
                    socket.ReceiveBufferSize = size;
                }
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        using var deadline = new CancellationTokenSource(BlackholeClient.Deadline);
        await client.ConnectAsync(api.WebsocketUri, invoker, deadline.Token);
        return client;
    }
}
