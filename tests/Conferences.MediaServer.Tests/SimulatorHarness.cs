using Conferences.Infrastructure.Messaging.InProcess;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conferences.MediaServer.Tests;

/// <summary>
/// An in-process bus with simulator instances on it, and a raw client playing crossbar: a reply queue on
/// <c>targeted</c> named <see cref="ServerId"/> and a listener on every conference event. The tests talk to the
/// simulators only through kapi messages on this bus.
/// </summary>
public sealed class SimulatorHarness : IAsyncDisposable
{
    /// <summary>How long "nothing arrives" is watched for.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    public static readonly KapiSender Crossbar = KapiSender.Crossbar("crossbar@test");

    private readonly InProcessBus bus = new(Options.Create(new InProcessBusOptions()), NullLogger<InProcessBus>.Instance);
    private readonly List<MediaServerSimulator> simulators = [];
    private readonly List<IAsyncDisposable> subscriptions = [];

    private SimulatorHarness()
    {
    }

    public string ServerId { get; } = $"crossbar-test-{KazooIds.RandomHex(6)}";

    public string AccountId { get; } = KazooIds.NewId();

    /// <summary>Every reply published to <c>targeted</c>/<see cref="ServerId"/>.</summary>
    public DeliveryInbox Replies { get; } = new();

    /// <summary>Every message on <c>conference.event.#</c>.</summary>
    public DeliveryInbox Events { get; } = new();

    public IKapiPublisher Publisher => bus;

    public IKapiSubscriber Subscriber => bus;

    public IReadOnlyList<MediaServerSimulator> Simulators => simulators;

    public MediaServerSimulator Simulator => simulators[0];

    public static async Task<SimulatorHarness> StartAsync(int simulators = 1, Action<SimulatorOptions>? configure = null)
    {
        var harness = new SimulatorHarness();
        await harness.ListenAsync(KapiQueue.Exclusive(KapiExchange.Targeted, [harness.ServerId], harness.ServerId), harness.Replies);
        await harness.ListenAsync(KapiQueue.Exclusive(KapiRoutingKeys.AllEvents), harness.Events);
        for (var i = 0; i < simulators; i++)
        {
            await harness.AddSimulatorAsync(configure);
        }
        return harness;
    }

    public async Task<MediaServerSimulator> AddSimulatorAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions
        {
            Hostname = $"sim{simulators.Count + 1}-{KazooIds.RandomHex(3)}",
            AnswerDelay = TimeSpan.FromMilliseconds(10),
            TimeScale = 0.01,
            AdvertiseInterval = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(options);
        var simulator = new MediaServerSimulator(bus, bus, Options.Create(options), TimeProvider.System, NullLoggerFactory.Instance);
        await simulator.StartAsync(CancellationToken.None);
        simulators.Add(simulator);
        return simulator;
    }

    public async Task<DeliveryInbox> ListenAsync(KapiQueue queue, DeliveryInbox? inbox = null)
    {
        inbox ??= new DeliveryInbox();
        subscriptions.Add(await bus.SubscribeAsync(queue, inbox.Handler, CancellationToken.None));
        return inbox;
    }

    /// <summary>A SIP URI endpoint as crossbar builds it (<c>cb_conferences.erl</c>: a route device).</summary>
    public JsonObject SipEndpoint(string uri)
    {
        var userAtHost = uri["sip:".Length..];
        return new JsonObject
        {
            ["Invite-Format"] = "route",
            ["Route"] = uri,
            ["To-User"] = userAtHost[..userAtHost.IndexOf('@', StringComparison.Ordinal)],
            ["To-Realm"] = userAtHost[(userAtHost.IndexOf('@', StringComparison.Ordinal) + 1)..],
            [KapiKeys.CustomChannelVars] = new JsonObject { [KapiHeaders.AccountId] = AccountId },
        };
    }

    /// <summary>A crossbar <c>dial</c> (<c>kapi_conference:dial/1</c>) with <c>Timeout</c> 20, <c>Msg-ID</c> and <c>Server-ID</c>.</summary>
    public JsonObject Dial(string conferenceId, params JsonObject[] endpoints) => new()
    {
        [KapiKeys.ConferenceId] = conferenceId,
        [KapiHeaders.AccountId] = AccountId,
        [KapiKeys.Endpoints] = new JsonArray([.. endpoints]),
        [KapiKeys.Timeout] = 20,
        [KapiHeaders.MsgId] = KazooIds.NewId(),
        [KapiHeaders.ServerId] = ServerId,
    };

    /// <summary>Publishes a dial to <c>conference.command.local</c> and waits for its <c>dial_resp</c>.</summary>
    public async Task<JsonObject> DialAsync(JsonObject fields)
    {
        var msgId = await SendDialAsync(fields);
        return (await Replies.WaitForAsync(d => KazooJson.GetString(d.Message, KapiHeaders.MsgId) == msgId)).Message;
    }

    public async Task<string> SendDialAsync(JsonObject fields)
    {
        var message = KapiMessage.Build(KapiConference.Dial, fields, Crossbar);
        await bus.PublishAsync(KapiRoutingKeys.Dial(), message, CancellationToken.None);
        return KazooJson.GetString(message, KapiHeaders.MsgId)!;
    }

    /// <summary>Dials SIP endpoints into <paramref name="conferenceId"/> and returns their call ids (all must answer).</summary>
    public async Task<List<string>> JoinAsync(string conferenceId, params string[] users)
    {
        var reply = await DialAsync(Dial(conferenceId, [.. users.Select(u => SipEndpoint($"sip:{u}@example.com"))]));
        var items = reply[KapiKeys.EndpointResponses]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.All(items, i => Assert.Equal("success", KazooJson.GetString(i, "Status")));
        return [.. items.Select(i => KazooJson.GetString(i, KapiHeaders.CallId)!)];
    }

    /// <summary>Publishes a <c>search_req</c> and collects <paramref name="replies"/> correlated replies.</summary>
    public async Task<List<JsonObject>> SearchAsync(JsonObject fields, int replies = 1)
    {
        fields[KapiHeaders.ServerId] = ServerId;
        var message = KapiMessage.Build(KapiConference.SearchReq, fields, Crossbar);
        var msgId = KazooJson.GetString(message, KapiHeaders.MsgId);
        await bus.PublishAsync(KapiRoutingKeys.Discovery, message, CancellationToken.None);
        var collected = new List<JsonObject>();
        while (collected.Count < replies)
        {
            collected.Add((await Replies.WaitForAsync(d => KazooJson.GetString(d.Message, KapiHeaders.MsgId) == msgId)).Message);
        }
        return collected;
    }

    public async Task<JsonObject> SearchConferenceAsync(string conferenceId) =>
        (await SearchAsync(new JsonObject { [KapiKeys.ConferenceId] = conferenceId }))[0];

    /// <summary>A conference command as <c>kapps_conference_command</c> builds it, to <c>conference.command.{conf}</c>.</summary>
    public Task CommandAsync(string conferenceId, string applicationName, JsonObject? fields = null)
    {
        fields ??= [];
        fields[KapiKeys.ConferenceId] ??= conferenceId;
        var definition = KapiConference.FindCommand(applicationName)!;
        return bus.PublishAsync(KapiRoutingKeys.Command(conferenceId), KapiMessage.Build(definition, fields, KapiSender.KappsConference("crossbar@test")), CancellationToken.None);
    }

    /// <summary>Any message, unvalidated, to <c>conference.command.{conf}</c>.</summary>
    public Task RawCommandAsync(string conferenceId, JsonObject message) =>
        bus.PublishAsync(KapiRoutingKeys.Command(conferenceId), message, CancellationToken.None);

    /// <summary>The next event whose <c>Event</c> is <paramref name="eventName"/>; the events before it are dropped.</summary>
    public async Task<KapiDelivery> EventAsync(string eventName, string? callId = null) =>
        await Events.SkipToAsync(d => KazooJson.GetString(d.Message, KapiKeys.Event) == eventName
            && (callId is null || KazooJson.GetString(d.Message, KapiHeaders.CallId) == callId));

    public async ValueTask DisposeAsync()
    {
        foreach (var simulator in simulators)
        {
            await simulator.DisposeAsync();
        }
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
        await bus.DisposeAsync();
    }
}
