using System.Net.Sockets;

namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>A broker that is not there, or accepts and never answers: every call fails fast, nothing waits unbounded.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqUnreachableBrokerTests(ITestOutputHelper output) : RabbitMqFailureHarness(output)
{
    [Fact]
    public async Task Unreachable_broker_fails_fast()
    {
        var bus = Track(RabbitMqBrokerFixture.Unreachable());

        await DownAsync(bus, "nobody listens");
    }

    [Fact]
    public async Task Broker_that_accepts_but_never_answers_fails_within_the_connect_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accepting = AcceptForeverAsync(silent);
        var bus = Track(RabbitMqBrokerFixture.Bus(TestServers.AmqpUrl(port), o => o.ConnectTimeout = TimeSpan.FromSeconds(1)));

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<BusUnavailableException>(() => bus.PublishAsync(KapiRoutingKeys.Command(NewId()), Probe("x"), Ct).WaitAsync(Step));

        Output.WriteLine($"silent broker: publish failed after {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        silent.Stop();
        await accepting;
    }

    private static async Task AcceptForeverAsync(TcpListener listener)
    {
        var held = new List<TcpClient>();
        try
        {
            while (true)
            {
                held.Add(await listener.AcceptTcpClientAsync()); // accepted, never answered
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // stopped
        }
        finally
        {
            held.ForEach(client => client.Dispose());
        }
    }
}
