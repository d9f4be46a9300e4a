using System.Text.Json.Nodes;
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

    /// <summary><c>accounts/listing_by_name</c> in the <c>accounts</c> database: key = account name.</summary>
    public static readonly ViewDefinition AccountByName = new(
        "accounts",
        "listing_by_name",
        """
        function(doc) {
          if (doc.pvt_type !== 'account' || doc.pvt_deleted || typeof doc.name !== 'string') { return; }
          emit(doc.name, null);
        }
        """,
        doc => IsLive(doc, "account") && KazooJson.GetString(doc, "name") is { } name ? [new(name, null)] : []);

    public static readonly IReadOnlyList<DesignDocument> DesignDocuments =
    [
        new("conferences", [ConferenceListing, ConferenceByName], AccountDatabase.IsAccountDatabase),
        new("conference", [ConferenceByNumber], AccountDatabase.IsAccountDatabase),
        new("accounts", [AccountByApiKey, AccountByName], db => db == AccountDatabase.Accounts),
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
