namespace Conferences.Core.Tests.Realtime;

/// <summary>
/// Hand-written conference events as ecallmgr publishes them (<c>kapi_conference:event/1</c>, <c>ecallmgr_fs_conference_stream.erl</c>): wire keys, the member's
/// full <c>Conference-Channel-Vars</c> on every member event, <c>Node</c> the media node.
/// </summary>
internal static class LiveEventFixtures
{
    public const string Account = "4b31c0a8e4b6e5b5b0a1f37dd0f6e565";
    public const string Conference = "4f2d1c0a2b3c4d5e6f708192a3b4c5d6";
    public const string Instance = "e5f6a7b8-0000-4000-8000-000000000001";
    public const string MediaNode = "freeswitch@fs1.example.com";

    public static JsonObject ConferenceEvent(string eventName, string conference = Conference, string instance = Instance, string account = Account) => new()
    {
        ["Event-Category"] = "conference",
        ["Event-Name"] = "event",
        ["App-Name"] = "freeswitch",
        ["App-Version"] = "1.0",
        ["Msg-ID"] = Guid.NewGuid().ToString("N"),
        ["Node"] = MediaNode,
        ["Account-ID"] = account,
        ["Event"] = eventName,
        ["Conference-ID"] = conference,
        ["Instance-ID"] = instance,
    };

    public static JsonObject MemberEvent(
        string eventName, string callId, long memberId, bool moderator = false, bool speak = true, bool hear = true, bool talking = false,
        string conference = Conference, string instance = Instance, string account = Account)
    {
        var message = ConferenceEvent(eventName, conference, instance, account);
        message["Call-ID"] = callId;
        message["Participant-ID"] = memberId;
        message["Caller-ID-Name"] = $"Caller {memberId}";
        message["Caller-ID-Number"] = $"100{memberId}";
        message["Channel-Presence-ID"] = $"{callId}@example.com";
        message["Custom-Channel-Vars"] = new JsonObject
        {
            ["Account-ID"] = account,
            ["Authorizing-Type"] = "device",
            ["Ignore-Early-Media"] = true,
        };
        message["Conference-Channel-Vars"] = new JsonObject
        {
            ["Is-Moderator"] = moderator,
            ["Floor"] = memberId == 1,
            ["Video"] = false,
            ["See"] = true,
            ["Speak"] = speak,
            ["Hear"] = hear,
            ["Talking"] = talking,
            ["Mute-Detect"] = false,
            ["Energy-Level"] = 20,
            ["Current-Energy"] = 0,
            ["Member-ID"] = memberId,
            ["Member-Ghost"] = false,
        };
        return message;
    }

    public static string RoutingKey(JsonObject message) => KapiRoutingKeys.EventFor(message);

    public static LiveEvent Read(JsonObject message, long receivedAt = 63_900_000_000)
    {
        Assert.True(LiveEvent.TryRead(message, RoutingKey(message), receivedAt, out var read), message.ToJsonString());
        return read!;
    }

    /// <summary>A conference-form <c>search_resp</c> (<c>kapi_conference:search_resp/1</c>) with the given members (call id, member id, moderator).</summary>
    public static JsonObject SearchResp(string msgId, string conference, string uuid, long startTime, bool locked, params (string CallId, long MemberId, bool Moderator)[] members)
    {
        var participants = new JsonArray();
        foreach (var (callId, memberId, moderator) in members)
        {
            participants.Add(new JsonObject
            {
                ["Call-ID"] = callId,
                ["Conference-Name"] = conference,
                ["Conference-UUID"] = uuid,
                ["Switch-Hostname"] = "fs2.example.com",
                ["Participant-ID"] = memberId,
                ["Join-Time"] = startTime + memberId,
                ["Caller-ID-Name"] = $"Searched {memberId}",
                ["Custom-Channel-Vars"] = new JsonObject { ["Account-ID"] = Account },
                ["Conference-Channel-Vars"] = new JsonObject { ["Is-Moderator"] = moderator, ["Speak"] = true, ["Hear"] = true, ["Member-ID"] = memberId },
                ["Custom-Application-Vars"] = new JsonObject { ["Origin"] = "search" },
            });
        }
        return SearchResp(msgId, new JsonObject
        {
            ["Node"] = "ecallmgr@fs2.example.com",
            ["Conference-ID"] = conference,
            ["UUID"] = uuid,
            ["Run-Time"] = 120,
            ["Start-Time"] = startTime,
            ["Locked"] = locked,
            ["Switch-Hostname"] = "fs2.example.com",
            ["Switch-URL"] = "sip:mod_sofia@fs2.example.com:11000",
            ["Switch-External-IP"] = "192.0.2.2",
            ["Participant-Count"] = members.Length,
            ["Participants"] = participants,
        });
    }

    /// <summary>An account-form <c>search_resp</c>: <c>Conferences</c> = stats per running conference id.</summary>
    public static JsonObject AccountSearchResp(string msgId, string account, params string[] conferences)
    {
        var stats = new JsonObject();
        foreach (var conference in conferences)
        {
            stats[conference] = new JsonObject { ["UUID"] = Instance, ["Run-Time"] = 10, ["Participant-Count"] = 1, ["Members"] = 1, ["Moderators"] = 0 };
        }
        return SearchResp(msgId, new JsonObject
        {
            ["Account-ID"] = account,
            ["Conferences"] = stats,
        });
    }

    /// <summary>The headers ecallmgr stamps on a <c>search_resp</c>, then <paramref name="body"/>'s members in order.</summary>
    private static JsonObject SearchResp(string msgId, JsonObject body)
    {
        var resp = new JsonObject
        {
            ["Event-Category"] = "conference",
            ["Event-Name"] = "search_resp",
            ["App-Name"] = "ecallmgr",
            ["App-Version"] = "5.0.0",
            ["Msg-ID"] = msgId,
        };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            resp[key] = value;
        }
        return resp;
    }

    /// <summary>The <c>conference error</c> of a manager that does not host the conference (<c>kapi_conference:conference_error/1</c>).</summary>
    public static JsonObject NotFound(string msgId, string conference) => new()
    {
        ["Event-Category"] = "conference",
        ["Event-Name"] = "error",
        ["App-Name"] = "ecallmgr",
        ["App-Version"] = "5.0.0",
        ["Msg-ID"] = msgId,
        ["Conference-ID"] = conference,
        ["Error-Message"] = $"Conference {conference} not found",
        ["Request"] = new JsonObject(),
    };
}
