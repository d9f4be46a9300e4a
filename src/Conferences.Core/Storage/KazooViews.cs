using System.Text.Json.Nodes;
using Conferences.Core.Crossbar;
using Conferences.Core.Kazoo;

namespace Conferences.Core.Storage;

/// <summary>
/// The CouchDB views Kazoo defines for conferences and accounts (kazoo-reference §3.3), each as JavaScript for
/// CouchDB and as the equivalent C# map for the embedded store.
/// </summary>
public static class KazooViews
{
    private static readonly string[] ListingFields = ["name", "owner_id", "member", "moderator", "ui_flags", "conference_numbers"];

    /// <summary><c>conferences/crossbar_listing</c>: key = doc id, value = the list item's fields (<c>flags</c> defaults to []).</summary>
    public static readonly ViewDefinition ConferenceListing = new(
        "conferences",
        "crossbar_listing",
        """
        function(doc) {
          if (doc.pvt_type !== 'conference' || doc.pvt_deleted) { return; }
          var item = { id: doc._id };
          ['name', 'owner_id', 'member', 'moderator', 'ui_flags', 'conference_numbers'].forEach(function(field) {
            if (doc[field] !== undefined) { item[field] = doc[field]; }
          });
          item.flags = doc.flags || [];
          emit(doc._id, item);
        }
        """,
        MapConferenceListing);

    /// <summary><c>conferences/listing_by_name</c>: key = name, value null.</summary>
    public static readonly ViewDefinition ConferenceByName = new(
        "conferences",
        "listing_by_name",
        """
        function(doc) {
          if (doc.pvt_type !== 'conference' || doc.pvt_deleted || typeof doc.name !== 'string') { return; }
          emit(doc.name, null);
        }
        """,
        doc => IsLiveConference(doc) && KazooJson.GetString(doc, "name") is { } name
            ? [new(name, null)]
            : []);

    /// <summary><c>conference/listing_by_number</c>: one row per moderator, member and conference number.</summary>
    public static readonly ViewDefinition ConferenceByNumber = new(
        "conference",
        "listing_by_number",
        """
        function(doc) {
          if (doc.pvt_type !== 'conference' || doc.pvt_deleted) { return; }
          var lists = [];
          if (doc.moderator && typeof doc.moderator === 'object') { lists.push(doc.moderator.numbers); }
          if (doc.member && typeof doc.member === 'object') { lists.push(doc.member.numbers); }
          lists.push(doc.conference_numbers);
          lists.forEach(function(numbers) {
            if (Array.isArray(numbers)) { numbers.forEach(function(number) { if (typeof number === 'string') { emit(number, null); } }); }
          });
        }
        """,
        MapConferenceNumbers);

    /// <summary><c>accounts/listing_by_api_key</c> in the <c>accounts</c> database: key = <c>pvt_api_key</c>.</summary>
    public static readonly ViewDefinition AccountByApiKey = new(
        "accounts",
        "listing_by_api_key",
        """
        function(doc) {
          if (doc.pvt_type !== 'account' || doc.pvt_deleted || typeof doc.pvt_api_key !== 'string') { return; }
          emit(doc.pvt_api_key, null);
        }
        """,
        doc => IsLive(doc, "account") && KazooJson.GetString(doc, "pvt_api_key") is { } key ? [new(key, null)] : []);

    /// <summary>
    /// <c>accounts/listing_by_name</c> in the <c>accounts</c> database: key = the name lower-cased with everything outside
    /// <c>[a-z0-9]</c> removed (Kazoo's <c>kzd_accounts:normalize_name</c>), value = <c>{account_id, account_db}</c>.
    /// <c>user_auth</c> finds an <c>account_name</c> with it (kazoo-reference §4).
    /// </summary>
    public static readonly ViewDefinition AccountByName = new(
        "accounts",
        "listing_by_name",
        """
        function(doc) {
          if (doc.pvt_type !== 'account' || doc.pvt_deleted || typeof doc.name !== 'string') { return; }
          emit(doc.name.toLowerCase().replace(/[^a-z0-9]/g, ''), { account_id: doc.pvt_account_id, account_db: doc.pvt_account_db });
        }
        """,
        doc => IsLive(doc, "account") && KazooJson.GetString(doc, "name") is { } name
            ? [new(PrivateFields.AlphanumName(name), AccountRowValue(doc))]
            : []);

    /// <summary>
    /// <c>accounts/listing_by_realm</c> in the <c>accounts</c> database: key = the realm lower-cased, value =
    /// <c>{account_id, account_db}</c>. <c>user_auth</c> finds an <c>account_realm</c> with it.
    /// </summary>
    public static readonly ViewDefinition AccountByRealm = new(
        "accounts",
        "listing_by_realm",
        """
        function(doc) {
          if (doc.pvt_type !== 'account' || doc.pvt_deleted || typeof doc.realm !== 'string') { return; }
          emit(doc.realm.toLowerCase(), { account_id: doc.pvt_account_id, account_db: doc.pvt_account_db });
        }
        """,
        doc => IsLive(doc, "account") && KazooJson.GetString(doc, "realm") is { } realm
            ? [new(realm.ToLowerInvariant(), AccountRowValue(doc))]
            : []);

    /// <summary>
    /// <c>users/creds_by_md5</c>: key = <c>pvt_md5_auth</c> (md5 hex of <c>username:password</c>) of a live user whose
    /// <c>enabled</c> is truthy, value = <c>{owner_id, account_id}</c> (<c>cb_user_auth</c>, kazoo-reference §4).
    /// </summary>
    public static readonly ViewDefinition UserByMd5Credentials = UserCredentials("creds_by_md5", "pvt_md5_auth");

    /// <summary><c>users/creds_by_sha</c>: as <see cref="UserByMd5Credentials"/> for <c>pvt_sha1_auth</c> (<c>method: "sha"</c>).</summary>
    public static readonly ViewDefinition UserByShaCredentials = UserCredentials("creds_by_sha", "pvt_sha1_auth");

    /// <summary>
    /// <c>devices/listing_by_owner</c>: one row per user a live device belongs to (its <c>owner_id</c> and every
    /// <c>hotdesk.users</c> key), value = Kazoo's device list item. Dial resolves a user id to its devices with it
    /// (kazoo-reference §1.8 step 3).
    /// </summary>
    public static readonly ViewDefinition DeviceByOwner = new(
        "devices",
        "listing_by_owner",
        """
        function(doc) {
          if (doc.pvt_type != 'device' || doc.pvt_deleted) return;
          var owners = {};
          if (doc.owner_id) owners[doc.owner_id] = true;
          if (typeof doc.hotdesk == 'object' && typeof doc.hotdesk.users == 'object') {
            var o = (doc.hotdesk || {}).users || {};
            for (var p in o) if (o.hasOwnProperty(p)) owners[p] = true;
          }
          for (var os in owners) {
            if (!owners.hasOwnProperty(os)) continue;
            emit(os, {
              'id': doc._id,
              'name': doc.name,
              'mac_address': doc.mac_address || '',
              'owner_id': doc.owner_id,
              'enabled': doc.enabled,
              'device_type': doc.device_type || 'sip_device',
              'hotdesked': os !== doc.owner_id,
              'call_recording': doc.call_recording
            });
          }
        }
        """,
        MapDevicesByOwner);

    public static readonly IReadOnlyList<DesignDocument> DesignDocuments =
    [
        new("conferences", [ConferenceListing, ConferenceByName], AccountDatabase.IsAccountDatabase),
        new("conference", [ConferenceByNumber], AccountDatabase.IsAccountDatabase),
        new("devices", [DeviceByOwner], AccountDatabase.IsAccountDatabase),
        new("users", [UserByMd5Credentials, UserByShaCredentials], AccountDatabase.IsAccountDatabase),
        new("accounts", [AccountByApiKey, AccountByName, AccountByRealm], db => db == AccountDatabase.Accounts),
    ];

    public static IEnumerable<DesignDocument> For(string database) => DesignDocuments.Where(d => d.AppliesTo(database));

    private static bool IsLiveConference(JsonObject doc) => IsLive(doc, "conference");

    private static bool IsLive(JsonObject doc, string type) =>
        KazooJson.GetString(doc, "pvt_type") == type && !KazooJson.GetBool(doc, "pvt_deleted");

    private static IEnumerable<KeyValuePair<string, JsonNode?>> MapConferenceListing(JsonObject doc)
    {
        if (!IsLiveConference(doc))
        {
            yield break;
        }
        var id = KazooJson.GetString(doc, "_id") ?? string.Empty;
        var item = new JsonObject { ["id"] = id };
        foreach (var field in ListingFields)
        {
            if (doc.TryGetPropertyValue(field, out var value))
            {
                item[field] = value?.DeepClone();
            }
        }
        item["flags"] = doc["flags"]?.DeepClone() ?? new JsonArray();
        yield return new(id, item);
    }

    // Kazoo's map tests the hash, the type, the deletion and enabled by JavaScript truthiness; a hash that is not a
    // string is left out as well, since every key this service looks up is a string
    private static ViewDefinition UserCredentials(string name, string hashField) => new(
        "users",
        name,
        $$"""
        function(doc) {
          if (typeof doc.{{hashField}} !== 'string' || !doc.{{hashField}} || doc.pvt_type !== 'user' || doc.pvt_deleted || !doc.enabled) { return; }
          emit(doc.{{hashField}}, { owner_id: doc._id, account_id: doc.pvt_account_id });
        }
        """,
        doc => MapUserCredentials(doc, hashField));

    private static IEnumerable<KeyValuePair<string, JsonNode?>> MapUserCredentials(JsonObject doc, string hashField)
    {
        if (KazooJson.GetString(doc, hashField) is not { Length: > 0 } hash
            || KazooJson.GetString(doc, "pvt_type") != "user"
            || !IsFalsy(doc["pvt_deleted"])
            || IsFalsy(doc["enabled"]))
        {
            yield break;
        }
        var value = new JsonObject { ["owner_id"] = doc["_id"]?.DeepClone() };
        CopyIfPresent(doc, "pvt_account_id", value, "account_id");
        yield return new(hash, value);
    }

    /// <summary>The value of Kazoo's account lookup views: <c>{account_id, account_db}</c>, members JSON leaves out when undefined.</summary>
    private static JsonObject AccountRowValue(JsonObject doc)
    {
        var value = new JsonObject();
        CopyIfPresent(doc, "pvt_account_id", value, "account_id");
        CopyIfPresent(doc, "pvt_account_db", value, "account_db");
        return value;
    }

    private static void CopyIfPresent(JsonObject from, string field, JsonObject to, string key)
    {
        if (from.TryGetPropertyValue(field, out var node))
        {
            to[key] = node?.DeepClone();
        }
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> MapDevicesByOwner(JsonObject doc)
    {
        if (!IsLive(doc, "device"))
        {
            yield break;
        }
        // JavaScript truthiness: a non-empty string owner_id counts
        var ownerId = KazooJson.GetString(doc, "owner_id");
        var owners = new List<string>();
        if (!string.IsNullOrEmpty(ownerId))
        {
            owners.Add(ownerId);
        }
        if ((doc["hotdesk"] as JsonObject)?["users"] is JsonObject users)
        {
            owners.AddRange(users.Select(u => u.Key).Where(u => !owners.Contains(u)));
        }
        foreach (var owner in owners)
        {
            var item = new JsonObject
            {
                ["id"] = doc["_id"]?.DeepClone(),
                ["name"] = doc["name"]?.DeepClone(),
                ["mac_address"] = IsFalsy(doc["mac_address"]) ? "" : doc["mac_address"]!.DeepClone(),
                ["owner_id"] = doc["owner_id"]?.DeepClone(),
                ["enabled"] = doc["enabled"]?.DeepClone(),
                ["device_type"] = IsFalsy(doc["device_type"]) ? "sip_device" : doc["device_type"]!.DeepClone(),
                ["hotdesked"] = owner != ownerId,
                ["call_recording"] = doc["call_recording"]?.DeepClone(),
            };
            foreach (var absent in item.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                item.Remove(absent);
            }
            yield return new(owner, item);
        }
    }

    // JavaScript's falsy values among JSON ones: absent, null, false, 0 and ""
    private static bool IsFalsy(JsonNode? node) => node switch
    {
        null => true,
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.False => true,
            System.Text.Json.JsonValueKind.String => v.GetValue<string>().Length == 0,
            System.Text.Json.JsonValueKind.Number => v.TryGetValue<double>(out var d) && d == 0,
            _ => false,
        },
        _ => false,
    };

    private static IEnumerable<KeyValuePair<string, JsonNode?>> MapConferenceNumbers(JsonObject doc)
    {
        if (!IsLiveConference(doc))
        {
            yield break;
        }
        JsonNode?[] lists = [(doc["moderator"] as JsonObject)?["numbers"], (doc["member"] as JsonObject)?["numbers"], doc["conference_numbers"]];
        foreach (var list in lists.OfType<JsonArray>())
        {
            foreach (var number in list)
            {
                if (number is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    yield return new(s, null);
                }
            }
        }
    }
}
