using Conferences.MediaServer.Commands;
using Conferences.MediaServer.Control;
using Conferences.MediaServer.Dial;
using Conferences.MediaServer.Events;
using Conferences.MediaServer.Search;

namespace Conferences.MediaServer;

/// <summary>One simulated ecallmgr with its own FreeSWITCH, speaking only kapi, so a real ecallmgr can replace it
/// (docs/amqp.md).</summary>
public sealed partial class MediaServerSimulator : IHostedService, IAsyncDisposable
{
    private readonly IKapiSubscriber subscriber;
    private readonly IKapiPublisher publisher;
    private readonly SimulatorOptions options;
    private readonly TimeProvider clock;
    private readonly ILoggerFactory loggers;
    private readonly ILogger logger;
    private readonly BackgroundWork work;
    private readonly ConferenceControllers controllers;
    private readonly ConferenceSwitch conferences;
    private readonly RemoteConferences remote;
    private readonly SearchResponder search;
    private readonly DialHandler dial;
    private readonly ConferenceCommandHandler commands;
    private readonly List<IKapiSubscription> subscriptions = [];
    // the host stops the simulator and then disposes it, and a test host may be torn down while it is still
    // starting: stopping is serialised and works on a snapshot of the subscriptions
    private readonly SemaphoreSlim stopping = new(1, 1);
    private bool stopped;
    private int disposed;
    private CancellationTokenSource? advertising;
    private Task advertiser = Task.CompletedTask;

    public MediaServerSimulator(
        IKapiPublisher publisher,
        IKapiSubscriber subscriber,
        IOptions<SimulatorOptions> options,
        TimeProvider clock,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.publisher = publisher;
        this.subscriber = subscriber;
        this.options = options.Value;
        this.clock = clock;
        loggers = loggerFactory;
        logger = loggerFactory.CreateLogger<MediaServerSimulator>();
        Identity = SimulatorIdentity.From(this.options);

        var state = new SimulatorState();
        work = new BackgroundWork(loggerFactory.CreateLogger<BackgroundWork>());
        controllers = new ConferenceControllers(subscriber, conference => commands!.For(conference), loggerFactory.CreateLogger<ConferenceControllers>());
        var events = new ConferenceEventPublisher(publisher, Identity, loggerFactory.CreateLogger<ConferenceEventPublisher>());
        conferences = new ConferenceSwitch(state, events, controllers, Identity, this.options, clock, loggerFactory.CreateLogger<ConferenceSwitch>());
        remote = new RemoteConferences(Identity, loggerFactory.CreateLogger<RemoteConferences>());
        search = new SearchResponder(state, publisher, Identity, clock, loggerFactory.CreateLogger<SearchResponder>());
        dial = new DialHandler(state, conferences, remote, publisher, work, Identity, this.options, clock, loggerFactory.CreateLogger<DialHandler>());
        commands = new ConferenceCommandHandler(conferences, state, dial, work, loggerFactory.CreateLogger<ConferenceCommandHandler>());
        Control = new SimulatorControl(state, conferences, work, Identity);
    }

    public SimulatorIdentity Identity { get; }

    public SimulatorControl Control { get; }

    /// <exception cref="BusUnavailableException">the bus is down.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SubscribeAsync(RemoteConferences.Queue, remote.HandleAsync, cancellationToken).ConfigureAwait(false);
        await SubscribeAsync(SearchResponder.Queue, search.HandleAsync, cancellationToken).ConfigureAwait(false);
        await SubscribeAsync(dial.Queue, dial.HandleAsync, cancellationToken).ConfigureAwait(false);
        advertising = new CancellationTokenSource();
        var heartbeat = new NodeAdvertiser(publisher, clock, loggers.CreateLogger<NodeAdvertiser>());
        var token = advertising.Token;
        advertiser = Task.Run(() => heartbeat.RunAsync(Advertisement(mediaManager: true), token), CancellationToken.None);
        LogStarted(Identity.ManagerNode, Identity.MediaNode, Identity.Zone);
    }

    /// <summary>Conferences are left running, as ecallmgr leaves FreeSWITCH's calls; a last heartbeat without
    /// <c>ecallmgr</c> ends the counting.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (stopped)
            {
                return;
            }
            if (advertising is { } running)
            {
                await running.CancelAsync().ConfigureAwait(false);
                await advertiser.ConfigureAwait(false);
                running.Dispose();
                advertising = null;
                await LeaveNodesAsync(cancellationToken).ConfigureAwait(false);
            }
            IKapiSubscription[] current;
            lock (subscriptions)
            {
                stopped = true;
                current = [.. subscriptions];
                subscriptions.Clear();
            }
            foreach (var subscription in current)
            {
                await subscription.DisposeAsync().ConfigureAwait(false);
            }
            await work.StopAsync().ConfigureAwait(false);
            await controllers.StopAllAsync().ConfigureAwait(false);
            LogStopped(Identity.ManagerNode);
        }
        finally
        {
            stopping.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        await work.DisposeAsync().ConfigureAwait(false);
        conferences.Dispose();
        // `stopping` is not disposed: a host may still call StopAsync after disposing (it then finds nothing to stop)
    }

    private NodeAdvertisement Advertisement(bool mediaManager) =>
        new(Identity.ManagerNode, options.AdvertiseInterval, mediaManager ? [KapiNodes.EcallmgrApp] : [], Identity.Zone);

    private async Task LeaveNodesAsync(CancellationToken ct)
    {
        try
        {
            await publisher.AdvertiseAsync(KapiNodes.Advertise(Advertisement(mediaManager: false)), ct).ConfigureAwait(false);
        }
        catch (BusUnavailableException e)
        {
            LogLeaveFailed(e, Identity.ManagerNode);
        }
    }

    private async Task SubscribeAsync(KapiQueue queue, KapiMessageHandler handler, CancellationToken ct)
    {
        var subscription = await subscriber.SubscribeAsync(queue, handler, ct).ConfigureAwait(false);
        lock (subscriptions)
        {
            if (!stopped)
            {
                subscriptions.Add(subscription);
                return;
            }
        }
        // stopped while this subscription was being made
        await subscription.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media-server simulator {ManagerNode} ({MediaNode}) serving zone {Zone}")]
    private partial void LogStarted(string managerNode, string mediaNode, string zone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Media-server simulator {ManagerNode} stopped")]
    private partial void LogStopped(string managerNode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the bus that {ManagerNode} leaves")]
    private partial void LogLeaveFailed(Exception exception, string managerNode);
}
