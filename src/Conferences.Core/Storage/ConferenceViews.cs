namespace Conferences.Core.Storage;

/// <summary><c>core/kazoo_apps/priv/couchdb/account/conferences.json</c> and <c>conference.json</c>.</summary>
public static class ConferenceViews
{
    private const string ConferenceType = "conference";

    private static readonly string[] ListingFields = ["name", "owner_id", "member", "moderator", "ui_flags", "conference_numbers"];

    /// <summary><c>conferences/crossbar_listing</c>: key = doc id, value = the list item's fields (<c>flags</c> defaults to []).</summary>
    public static readonly ViewDefinition Listing = new(
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
        MapListing);

    /// <summary><c>conferences/listing_by_name</c>: key = name, value null.</summary>
    public static readonly ViewDefinition ByName = new(
        "conferences",
        "listing_by_name",
        """
        function(doc) {
          if (doc.pvt_type !== 'conference' || doc.pvt_deleted || typeof doc.name !== 'string') { return; }
          emit(doc.name, null);
        }
        """,
        doc => KazooFields.IsLive(doc, ConferenceType) && KazooJson.GetString(doc, "name") is { } name
            ? [new(name, null)]
            : []);

    /// <summary><c>conference/listing_by_number</c>: one row per moderator, member and conference number.</summary>
    public static readonly ViewDefinition ByNumber = new(
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
        MapNumbers);

    private static IEnumerable<KeyValuePair<string, JsonNode?>> MapListing(JsonObject doc)
    {
        if (!KazooFields.IsLive(doc, ConferenceType))
        {
            yield break;
        }
        var id = KazooJson.GetString(doc, KazooFields.Id) ?? string.Empty;
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

    private static IEnumerable<KeyValuePair<string, JsonNode?>> MapNumbers(JsonObject doc)
    {
        if (!KazooFields.IsLive(doc, ConferenceType))
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
