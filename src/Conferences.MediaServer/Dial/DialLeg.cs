using static Conferences.MediaServer.Dial.DialRequest;

namespace Conferences.MediaServer.Dial;

// One endpoint as ecallmgr_fs_conferences_shared:exec_endpoint prepares it.
internal sealed record DialLeg(
    string? EndpointId,
    string CallId,
    DialOutcome Outcome,
    string? CallerIdName,
    string? CallerIdNumber,
    string? PresenceId,
    JsonObject CustomChannelVars)
{
    private const string Route = "Route";

    // Kazoo gives every endpoint without its own id the request's call id; here later ones get {id}-{n} so call ids
    // stay unique.
    public static IReadOnlyList<DialLeg> Plan(DialRequest request, string accountId, string managerNode)
    {
        ArgumentNullException.ThrowIfNull(request);
        var legs = new List<DialLeg>();
        var sharedIdUsed = false;
        for (var i = 0; i < request.Endpoints.Count; i++)
        {
            var endpoint = request.Endpoints[i];
            var callId = NonEmpty(KazooJson.GetString(endpoint, KapiKeys.OutboundCallId));
            if (callId is null && request.OutboundCallId is { } shared)
            {
                callId = sharedIdUsed ? $"{shared}-{i + 1}" : shared;
                sharedIdUsed = true;
            }
            legs.Add(For(endpoint, request, callId ?? KazooIds.NewId(), accountId, managerNode));
        }
        return legs;
    }

    private static DialLeg For(JsonObject endpoint, DialRequest request, string callId, string accountId, string managerNode)
    {
        var endpointCcvs = ObjectOrEmpty(endpoint[KapiKeys.CustomChannelVars]);
        var ccvs = request.CustomChannelVars.DeepClone().AsObject();
        foreach (var (key, value) in endpointCcvs)
        {
            ccvs[key] = value?.DeepClone();
        }
        if (NonEmpty(KazooJson.GetString(ccvs, KapiHeaders.AccountId)) is null)
        {
            ccvs[KapiHeaders.AccountId] = accountId;
        }
        ccvs["Ecallmgr-Node"] = managerNode;

        var route = NonEmpty(KazooJson.GetString(endpoint, Route));
        var sipUser = SipUri.User(route);
        return new(
            route ?? NonEmpty(KazooJson.GetString(endpoint, "Endpoint-ID")) ?? NonEmpty(KazooJson.GetString(endpointCcvs, "Authorizing-ID")),
            callId,
            OutcomeOf(sipUser),
            request.CallerIdName ?? NonEmpty(KazooJson.GetString(endpoint, "Outbound-Caller-ID-Name")),
            request.CallerIdNumber ?? NonEmpty(KazooJson.GetString(endpoint, "Outbound-Caller-ID-Number")),
            PresenceIdOf(endpoint, endpointCcvs, route),
            ccvs);
    }

    // docs/amqp.md: the user part of a SIP URI chooses the outcome; everything else answers
    private static DialOutcome OutcomeOf(string? sipUser) => sipUser?.ToLowerInvariant() switch
    {
        "busy" => DialOutcome.Busy,
        "noanswer" => DialOutcome.NoAnswer,
        "fail" => DialOutcome.Fail,
        _ => DialOutcome.Answer,
    };

    private static string? PresenceIdOf(JsonObject endpoint, JsonObject endpointCcvs, string? route)
    {
        if ((NonEmpty(KazooJson.GetString(endpoint, "Presence-ID")) ?? NonEmpty(KazooJson.GetString(endpointCcvs, "Presence-ID"))) is { } given)
        {
            return given;
        }
        if (SipUri.UserAtHost(route) is { } userAtHost)
        {
            return userAtHost;
        }
        var user = NonEmpty(KazooJson.GetString(endpoint, "To-User")) ?? NonEmpty(KazooJson.GetString(endpoint, "To-DID"));
        var realm = NonEmpty(KazooJson.GetString(endpoint, "To-Realm"));
        return user is not null && realm is not null ? $"{user}@{realm}" : null;
    }
}
