namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>
/// The media-manager directory over the bus: nodes advertise themselves on the <c>nodes</c> fanout exchange as
/// Kazoo's <c>kz_nodes</c> does; the directory counts the <c>ecallmgr</c> ones and forgets silent ones.
/// </summary>
public abstract class MediaManagersContract(IBusSource source) : MessageBusContract(source)
{
    [Fact]
    public async Task Advertised_media_manager_is_counted_and_other_nodes_are_not()
    {
        var (crossbar, manager) = (await ConnectAsync(), await ConnectAsync());
        var directory = await StartedDirectoryAsync(crossbar, TimeProvider.System);
        var (ecallmgr, callflow) = ($"ecallmgr@{NewId()}", $"kazoo_apps@{NewId()}");

        await manager.Publisher.AdvertiseAsync(KapiNodes.Advertise(new(callflow, TimeSpan.FromSeconds(10), ["callflow", "conference"])), Ct);
        await manager.Publisher.AdvertiseAsync(KapiNodes.Advertise(new(ecallmgr, TimeSpan.FromSeconds(10), [KapiNodes.EcallmgrApp], "west")), Ct);

        await EventuallyAsync(() => directory.Managers.Any(m => m.Node == ecallmgr), "the media manager should be counted");
        var counted = directory.Managers.Single(m => m.Node == ecallmgr);
        Assert.Equal("west", counted.Zone);
        Assert.DoesNotContain(directory.Managers, m => m.Node == callflow);
    }

    [Fact]
    public async Task Silent_media_manager_expires_after_its_expiry_and_a_quarter()
    {
        var (manager, clock, directory, node) = await ManagerOnManualClockAsync();
        var heartbeat = KapiNodes.Advertise(new(node, TimeSpan.FromSeconds(4), [KapiNodes.EcallmgrApp]));

        await manager.Publisher.AdvertiseAsync(heartbeat, Ct);
        await EventuallyAsync(() => directory.Managers.Any(m => m.Node == node), "the media manager should be counted");

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Contains(directory.Managers, m => m.Node == node);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(directory.Managers, m => m.Node == node);
    }

    [Fact]
    public async Task Heartbeats_keep_a_media_manager_counted()
    {
        var (manager, clock, directory, node) = await ManagerOnManualClockAsync();
        var joined = CountJoins(directory, node);

        for (var beat = 0; beat < 3; beat++)
        {
            await manager.Publisher.AdvertiseAsync(KapiNodes.Advertise(new(node, TimeSpan.FromSeconds(4), [KapiNodes.EcallmgrApp])), Ct);
            var expected = clock.GetUtcNow();
            await EventuallyAsync(() => directory.Managers.Any(m => m.Node == node && m.LastHeartbeat == expected), "the heartbeat should be heard");
            clock.Advance(TimeSpan.FromSeconds(4));
        }

        Assert.Contains(directory.Managers, m => m.Node == node);
        Assert.Equal(1, joined());
    }

    [Fact]
    public async Task Node_advertiser_repeats_its_heartbeat_until_stopped()
    {
        var (crossbar, simulator) = (await ConnectAsync(), await ConnectAsync());
        var directory = await StartedDirectoryAsync(crossbar, TimeProvider.System);
        var node = $"ecallmgr@{NewId()}";
        var heard = CountJoins(directory, node);
        var beats = new DeliveryInbox();
        await SubscribeAsync(crossbar, KapiQueue.Exclusive(KapiExchange.Nodes, []), (delivery, ct) =>
            KapiNodes.TryRead(delivery.Message, out var advertisement) && advertisement.Node == node ? beats.Handler(delivery, ct) : Task.CompletedTask);
        using var stop = new CancellationTokenSource();
        var advertiser = new NodeAdvertiser(simulator.Publisher, TimeProvider.System, NullLogger<NodeAdvertiser>.Instance);

        var running = advertiser.RunAsync(new(node, TimeSpan.FromSeconds(2), [KapiNodes.EcallmgrApp]), stop.Token);
        await beats.TakeAsync(3);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Contains(directory.Managers, m => m.Node == node);
        Assert.Equal(1, heard());
    }

    // a media manager's client and a directory on crossbar's, whose time the test moves, and a fresh node name
    private async Task<(BusClient Manager, ManualClock Clock, MediaManagerDirectory Directory, string Node)> ManagerOnManualClockAsync()
    {
        var (crossbar, manager) = (await ConnectAsync(), await ConnectAsync());
        var clock = new ManualClock();
        return (manager, clock, await StartedDirectoryAsync(crossbar, clock), $"ecallmgr@{NewId()}");
    }

    // how many times the directory has announced node as joined
    private static Func<int> CountJoins(MediaManagerDirectory directory, string node)
    {
        var joined = 0;
        directory.Joined += (_, m) =>
        {
            if (m.Node == node)
            {
                Interlocked.Increment(ref joined);
            }
        };
        return () => Volatile.Read(ref joined);
    }

    private async Task<MediaManagerDirectory> StartedDirectoryAsync(BusClient bus, TimeProvider clock)
    {
        var directory = Track(new MediaManagerDirectory(bus.Subscriber, clock, NullLogger<MediaManagerDirectory>.Instance));
        await directory.StartAsync(Ct);
        return directory;
    }
}
