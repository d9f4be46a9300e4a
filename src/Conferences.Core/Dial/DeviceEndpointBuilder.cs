using static Conferences.Core.Actions.ActionData;

namespace Conferences.Core.Dial;

// A simplified kz_endpoint:build/3 for SIP devices (docs/crossbar.md, "Dial"): no forwarding, failover, codecs or
// custom SIP headers.
internal static class DeviceEndpointBuilder
{
    // null when Kazoo's builder would fail; id is null for the synthetic device of a SIP URI.
    public static JsonObject? Build(JsonObject device, string? id, DialCall call)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(call);
        if (!ShouldCreate(device, id, call) || !IsSipDevice(device))
        {
            return null;
        }
        var sip = device["sip"] as JsonObject ?? [];
        var username = NonEmpty(sip["username"]);
        var endpoint = new JsonObject();
        Set(endpoint, "Invite-Format", NonEmpty(sip["invite_format"]) ?? "username");
        Set(endpoint, "To-User", NonEmpty(sip["static_invite"]) ?? username);
        Set(endpoint, "To-Username", username);
        Set(endpoint, "To-Realm", NonEmpty(sip["realm"]) ?? call.AccountRealm);
        Set(endpoint, "To-DID", NonEmpty(sip["number"]));
        Set(endpoint, "Route", NonEmpty(sip["route"]));
        Set(endpoint, "Outbound-Caller-ID-Name", call.CallerIdName);
        Set(endpoint, "Outbound-Caller-ID-Number", call.CallerIdNumber);
        Set(endpoint, "Endpoint-ID", id);
        Set(endpoint, "Presence-ID", PresenceId(device, username, call.AccountRealm));
        endpoint["Custom-Channel-Vars"] = ChannelVars(device, id, call);
        return endpoint;
    }

    // kz_doc:id/1: _id, else id.
    public static string? IdOf(JsonObject device) => NonEmpty(device[KazooFields.Id]) ?? NonEmpty(device["id"]);

    // kz_endpoint's creation rules: endpoint_called_self, endpoint_disabled, do_not_disturb
    private static bool ShouldCreate(JsonObject device, string? id, DialCall call) =>
        id != call.ConferenceId
        && !IsFalse(device["enabled"])
        && !((device["do_not_disturb"] as JsonObject)?["enabled"] is JsonValue dnd && dnd.GetValueKind() == JsonValueKind.True);

    // kz_endpoint:get_endpoint_type/2; see docs/crossbar.md, "Dial".
    private static bool IsSipDevice(JsonObject device)
    {
        var declared = NonEmpty(device["endpoint_type"]) ?? NonEmpty(device["device_type"]);
        switch (declared)
        {
            case { } type when type.StartsWith("sip_", StringComparison.Ordinal):
            case "smartphone" or "softphone" or "cellphone" or "landline" or "fax":
                return true;
            case "skype" or "mobile" or "push":
                return false;
        }
        return KazooJson.IsEmpty(device["mobile"]) && !KazooJson.IsEmpty(device["sip"]);
    }

    // kzd_devices:calculate_presence_id/2 without owner and hotdesk overrides.
    private static string? PresenceId(JsonObject device, string? username, string? accountRealm)
    {
        var presence = NonEmpty(device["presence_id"]) ?? username;
        if (presence is null || presence.Contains('@', StringComparison.Ordinal) || accountRealm is null)
        {
            return presence;
        }
        return $"{presence}@{accountRealm}";
    }

    // kz_endpoint:generate_ccvs/3: the account, the device as authorizing party, its owner.
    private static JsonObject ChannelVars(JsonObject device, string? id, DialCall call)
    {
        var ccvs = new JsonObject { ["Account-ID"] = NonEmpty(device[KazooFields.AccountId]) ?? call.AccountId };
        if (id is not null)
        {
            ccvs["Authorizing-ID"] = id;
            ccvs["Authorizing-Type"] = NonEmpty(device[KazooFields.Type]) ?? "device";
        }
        Set(ccvs, "Owner-ID", NonEmpty(device["owner_id"]));
        return ccvs;
    }

    private static bool IsFalse(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.False;

    private static void Set(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }
}
