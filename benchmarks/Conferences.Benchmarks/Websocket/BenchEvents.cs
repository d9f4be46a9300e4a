using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Conferences.Core.Kapi;
using Conferences.Core.Messaging;

namespace Conferences.Benchmarks.Websocket;

/// <summary>
/// The media server's side of the websocket benchmark: Kazoo conference <c>event</c> messages
/// (<c>start-talking</c>/<c>stop-talking</c> of a member with its caller id, custom and conference channel vars,
/// <c>ecallmgr_fs_conference</c>) published on <c>conference</c> exactly as ecallmgr publishes them. Each carries its publish
/// time in its <c>Msg-ID</c> (<c>bench-{phase}-{Stopwatch timestamp}</c>; the monotonic clock is shared by every
/// process of the machine), so a receiver anywhere measures the delay from publish to receipt.
/// </summary>
public sealed class BenchEvents(IKapiPublisher publisher, string accountId)
{
    private readonly Dictionary<string, (JsonObject Message, string[] Keys)> templates = [];

    /// <summary>Publishes <paramref name="count"/> events round robin over <paramref name="conferences"/>, each awaited.</summary>
    public async Task PublishAsync(int phase, IReadOnlyList<string> conferences, int count, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            await PublishOneAsync(phase, conferences[i % conferences.Count], i, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes at <paramref name="perSecond"/> events per second for <paramref name="duration"/> (catching up when late).</summary>
    public async Task<int> PublishPacedAsync(int phase, IReadOnlyList<string> conferences, double perSecond, TimeSpan duration, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (clock.Elapsed < duration)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * perSecond);
            while (sent < due)
            {
                await PublishOneAsync(phase, conferences[sent % conferences.Count], sent, ct).ConfigureAwait(false);
                sent++;
            }
            await Task.Delay(1, ct).ConfigureAwait(false);
        }
        return sent;
    }

    /// <summary>The routing key of the <paramref name="sequence"/>th event published to <paramref name="conferenceId"/>.</summary>
    public string RoutingKey(string conferenceId, int sequence) => Template(conferenceId).Keys[sequence % 2];

    /// <summary>The size of one published event.</summary>
    public int MessageBytes(string conferenceId) => Template(conferenceId).Message.ToJsonString().Length;

    private Task PublishOneAsync(int phase, string conferenceId, int sequence, CancellationToken ct)
    {
        var (message, keys) = Template(conferenceId);
        var talking = sequence % 2 == 0;
        message[KapiKeys.Event] = talking ? KapiConferenceEvents.StartTalking : KapiConferenceEvents.StopTalking;
        message[KapiKeys.ConferenceChannelVars]![KapiKeys.Talking] = talking;
        message[KapiHeaders.MsgId] = string.Create(CultureInfo.InvariantCulture, $"bench-{phase}-{Stopwatch.GetTimestamp()}");
        // serialised before the first await: the template is reused at once
        return publisher.PublishAsync(keys[talking ? 0 : 1], message, ct);
    }

    private (JsonObject Message, string[] Keys) Template(string conferenceId)
    {
        if (templates.TryGetValue(conferenceId, out var template))
        {
            return template;
        }
        var callId = $"call-{conferenceId[..8]}";
        var fields = new JsonObject
        {
            [KapiKeys.Event] = KapiConferenceEvents.StartTalking,
            [KapiHeaders.AccountId] = accountId,
            [KapiHeaders.CallId] = callId,
            [KapiKeys.ConferenceId] = conferenceId,
            [KapiKeys.InstanceId] = Guid.NewGuid().ToString(),
            [KapiKeys.ParticipantId] = 7,
            [KapiKeys.CallerIdName] = "Alice Example",
            [KapiKeys.CallerIdNumber] = "1001",
            [KapiKeys.ChannelPresenceId] = "1001@bench.example.com",
            [KapiKeys.CustomChannelVars] = new JsonObject
            {
                [KapiHeaders.AccountId] = accountId,
                ["Authorizing-ID"] = "5f0e5a3c0d9b4b7f8e3a2d1c0b9a8f7e",
                ["Authorizing-Type"] = "device",
                ["Owner-ID"] = "8e7d6c5b4a3928170615f4e3d2c1b0a9",
                ["Realm"] = "bench.example.com",
                ["Username"] = "alice",
            },
            [KapiKeys.ConferenceChannelVars] = new JsonObject
            {
                ["Is-Moderator"] = false, [KapiKeys.Floor] = true, [KapiKeys.Video] = false, ["See"] = true,
                [KapiKeys.Speak] = true, [KapiKeys.Hear] = true, [KapiKeys.Talking] = true, [KapiKeys.MuteDetect] = false,
                [KapiKeys.EnergyLevel] = 20, [KapiKeys.CurrentEnergy] = 0, ["Member-ID"] = 7, ["Member-Ghost"] = false,
            },
        };
        var message = KapiMessage.Build(KapiConference.Event, fields, KapiSender.FreeSwitch("freeswitch@bench"));
        string[] keys =
        [
            KapiRoutingKeys.Event(KapiConferenceEvents.StartTalking, accountId, conferenceId, callId),
            KapiRoutingKeys.Event(KapiConferenceEvents.StopTalking, accountId, conferenceId, callId),
        ];
        templates[conferenceId] = (message, keys);
        return (message, keys);
    }

    /// <summary>Reads <c>bench-{phase}-{timestamp}</c>.</summary>
    public static bool TryParseMsgId(ReadOnlySpan<char> msgId, out int phase, out long published)
    {
        phase = 0;
        published = 0;
        if (!msgId.StartsWith("bench-"))
        {
            return false;
        }
        var rest = msgId[6..];
        var dash = rest.IndexOf('-');
        return dash > 0
            && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out phase)
            && long.TryParse(rest[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out published);
    }
}
