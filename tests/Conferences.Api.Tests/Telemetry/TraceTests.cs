using System.Diagnostics;
using Conferences.Api.Tests.Actions;
using Conferences.Core.Telemetry;
using Conferences.MediaServer.Control;

namespace Conferences.Api.Tests.Telemetry;

/// <summary>
/// One trace from the HTTP request through RabbitMQ to the media-server simulator (in a service provider of its own, as
/// the worker runs it) and back (docs/operations.md, "Traces"). The consumers start their spans from the message's
/// <c>traceparent</c> header only, so a shared trace id proves the context crossed the broker.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TraceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_mute_on_RabbitMQ_is_one_trace_through_the_simulator_and_its_confirming_event()
    {
        await using var simulator = await SimulatorHost.StartAsync(TestServers.Broker, s => s.AddConferencesTelemetry(storeSystem: null, "rabbitmq"));
        await using var api = new TracedRabbitMqApiFactory(TestServers.Broker, simulator.Zone);
        var account = await api.NewAccountAsync();
        var directory = api.Services.GetRequiredService<IMediaManagerDirectory>();
        await Eventually.MatchAsync(() => Task.FromResult(directory.Managers.Any(m => m.Zone == simulator.Zone)), known => known, Patience, "the simulator's heartbeat");
        var conference = KazooIds.NewId();
        var alice = await simulator.Control.AddParticipantAsync(new NewParticipant(conference, account.Id) { CallerIdName = "Alice", CallerIdNumber = "1001" });
        Assert.NotNull(alice);
        await LiveApi.ParticipantsUntilAsync(account, conference, p => p.Count == 1, Patience);

        (await account.ParticipantActionAsync(conference, alice.MemberId, "mute")).ExpectStatus(HttpStatusCode.Created);

        var request = await Eventually.MatchAsync(() => Task.FromResult(api.Spans.FirstOrDefault(s => s.Kind == ActivityKind.Server
            && Tag(s, "http.request.method") == "PUT" && Tag(s, "http.route")?.EndsWith("/participants/{participant_id}", StringComparison.Ordinal) == true)),
            span => span is not null, Patience, "the PUT's server span");
        var trace = request!.TraceId;
        var spans = await Eventually.MatchAsync(() => Task.FromResult(api.Spans.Where(s => s.TraceId == trace).ToList()),
            found => found.Any(s => s.Kind == ActivityKind.Consumer && RoutingKey(s).StartsWith("conference.event.", StringComparison.Ordinal)),
            Patience, "the confirming event's consumption in the request's trace");

        // API: the command published under the request
        var command = Assert.Single(spans, s => s.Kind == ActivityKind.Producer && RoutingKey(s) == KapiRoutingKeys.Command(conference));
        Assert.Equal(ConferencesTelemetry.Name, command.Source.Name);
        Assert.Equal("rabbitmq", Tag(command, "messaging.system"));
        // simulator: the command consumed from the header's context, and the mute-member event it published
        var handled = Assert.Single(spans, s => s.Kind == ActivityKind.Consumer && s.ParentSpanId == command.SpanId);
        Assert.Equal(KapiRoutingKeys.Command(conference), RoutingKey(handled));
        var confirming = Assert.Single(spans, s => s.Kind == ActivityKind.Producer && s.ParentSpanId == handled.SpanId
            && RoutingKey(s).StartsWith($"conference.event.{KapiConferenceEvents.MuteMember}.", StringComparison.Ordinal));
        // API: the live state took the event in, in the same trace
        Assert.Contains(spans, s => s.Kind == ActivityKind.Consumer && s.ParentSpanId == confirming.SpanId);
        Assert.True(spans.Count(s => s.Kind == ActivityKind.Consumer) >= 2);
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private static string RoutingKey(Activity span) => Tag(span, "messaging.rabbitmq.destination.routing_key") ?? string.Empty;
}
