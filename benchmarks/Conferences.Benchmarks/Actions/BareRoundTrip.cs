using System.Diagnostics;
using System.Text.Json.Nodes;
using Conferences.Core.Kapi;
using Conferences.Core.Kazoo;
using Conferences.Core.Messaging;

namespace Conferences.Benchmarks.Actions;

/// <summary>
/// The baseline: one kapi command (the same <c>mute_participant</c> a PUT mute publishes) published on the API's own
/// bus to an exclusive queue of this process and consumed there, one at a time: what a single bus hop costs.
/// </summary>
public sealed class BareRoundTrip : IAsyncDisposable
{
    private readonly IKapiPublisher publisher;
    private readonly IKapiSubscription subscription;
    private readonly string routingKey;
    private readonly JsonObject message;
    private TaskCompletionSource arrived = New();

    private BareRoundTrip(IKapiPublisher publisher, IKapiSubscription subscription, string routingKey, JsonObject message)
    {
        this.publisher = publisher;
        this.subscription = subscription;
        this.routingKey = routingKey;
        this.message = message;
    }

    public static async Task<BareRoundTrip> StartAsync(IKapiPublisher publisher, IKapiSubscriber subscriber)
    {
        var conference = $"bench-bare-{KazooIds.NewId()}";
        var routingKey = KapiRoutingKeys.Command(conference);
        var message = KapiMessage.Build(KapiConference.MuteParticipant,
            new JsonObject { [KapiKeys.ConferenceId] = conference, [KapiKeys.ParticipantId] = 7 },
            KapiSender.KappsConference("crossbar@bench"));
        BareRoundTrip? trip = null;
        var subscription = await subscriber.SubscribeAsync(routingKey, (_, _) =>
        {
            trip!.arrived.TrySetResult();
            return Task.CompletedTask;
        }, CancellationToken.None);
        trip = new BareRoundTrip(publisher, subscription, routingKey, message);
        return trip;
    }

    /// <summary>Milliseconds from the publish call until the handler ran.</summary>
    public async Task<double> OnceAsync()
    {
        arrived = New();
        var started = Stopwatch.GetTimestamp();
        await publisher.PublishAsync(routingKey, message, CancellationToken.None);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    public ValueTask DisposeAsync() => subscription.DisposeAsync();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
