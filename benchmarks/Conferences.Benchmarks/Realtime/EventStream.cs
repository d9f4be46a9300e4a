using System.Text.Json.Nodes;
using Conferences.Core.Kapi;

namespace Conferences.Benchmarks.Realtime;

/// <summary>
/// Conference events as ecallmgr publishes them (<c>ecallmgr_fs_conference</c>): each conference is created, gets its
/// members, then sees talking toggles and mutes, and ends (every member leaves, then the conference). Member events
/// carry a Kazoo-sized <c>Custom-Channel-Vars</c> and the full <c>Conference-Channel-Vars</c>.
/// </summary>
internal static class EventStream
{
    public const string Account = "4b31c0a8e4b6e5b5b0a1f37dd0f6e565";

    private static readonly KapiSender Sender = KapiSender.FreeSwitch("freeswitch@fs1.example.com");

    /// <summary>The create and add-member events of <paramref name="conferences"/> × <paramref name="members"/>.</summary>
    public static IEnumerable<(string RoutingKey, JsonObject Message)> Joins(int conferences, int members, string prefix)
    {
        for (var c = 0; c < conferences; c++)
        {
            var conference = Id(prefix, c);
            yield return Event("conference-create", conference, null);
            for (var m = 1; m <= members; m++)
            {
                yield return Event("add-member", conference, m);
            }
        }
    }

    /// <summary>
    /// A full life per conference: create, <paramref name="members"/> joins, four talking toggles and one
    /// mute/unmute per member, every member leaving, destroy — 1 + 8 × members + 1 events.
    /// </summary>
    public static IEnumerable<(string RoutingKey, JsonObject Message)> Lives(int conferences, int members, string prefix)
    {
        for (var c = 0; c < conferences; c++)
        {
            var conference = Id(prefix, c);
            yield return Event("conference-create", conference, null);
            for (var m = 1; m <= members; m++)
            {
                yield return Event("add-member", conference, m);
            }
            for (var round = 0; round < 2; round++)
            {
                for (var m = 1; m <= members; m++)
                {
                    yield return Event("start-talking", conference, m, talking: true);
                    yield return Event("stop-talking", conference, m);
                }
            }
            for (var m = 1; m <= members; m++)
            {
                yield return Event("mute-member", conference, m, speak: false);
                yield return Event("unmute-member", conference, m);
            }
            for (var m = 1; m <= members; m++)
            {
                yield return Event("del-member", conference, m);
            }
            yield return Event("conference-destroy", conference, null);
        }
    }

    private static (string, JsonObject) Event(string name, string conference, int? member, bool talking = false, bool speak = true)
    {
        var fields = new JsonObject
        {
            [KapiKeys.Event] = name,
            [KapiHeaders.AccountId] = Account,
            [KapiKeys.ConferenceId] = conference,
            [KapiKeys.InstanceId] = $"{conference[^8..]}-0000-4000-8000-000000000000",
        };
        if (member is { } m)
        {
            fields[KapiHeaders.CallId] = CallId(conference, m);
            fields[KapiKeys.ParticipantId] = m;
            fields[KapiKeys.CallerIdName] = $"Caller {m:D2}";
            fields[KapiKeys.CallerIdNumber] = $"+1555010{m:D4}";
            fields[KapiKeys.ChannelPresenceId] = $"user{m}@example.com";
            fields[KapiKeys.CustomChannelVars] = new JsonObject
            {
                ["Account-ID"] = Account,
                ["Authorizing-ID"] = "a5c3f3c0e4b6e5b5b0a1f37dd0f6e565",
                ["Authorizing-Type"] = "device",
                ["Owner-ID"] = "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                ["Realm"] = "example.sip.test",
                ["Username"] = $"user{m}",
                ["Ecallmgr-Node"] = "ecallmgr@mm1.example.com",
                ["Ignore-Early-Media"] = true,
            };
            fields[KapiKeys.ConferenceChannelVars] = new JsonObject
            {
                ["Is-Moderator"] = m == 1,
                ["Floor"] = m == 1,
                ["Video"] = false,
                ["See"] = true,
                ["Speak"] = speak,
                ["Hear"] = true,
                ["Talking"] = talking,
                ["Mute-Detect"] = false,
                ["Energy-Level"] = 20,
                ["Current-Energy"] = talking ? 312 : 0,
                ["Member-ID"] = m,
                ["Member-Ghost"] = false,
            };
        }
        var message = KapiMessage.Build(KapiConference.Event, fields, Sender);
        return (KapiRoutingKeys.EventFor(message), message);
    }

    /// <summary>A conference id of Kazoo's size (32 characters): the prefix, zero padding, the number.</summary>
    public static string Id(string prefix, int number) => prefix + $"{number}".PadLeft(32 - prefix.Length, '0');

    /// <summary>32 hex characters, the size of a Kazoo call id, the same for every event of one member.</summary>
    public static string CallId(string conference, int member) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{conference}/{member}")));
}
