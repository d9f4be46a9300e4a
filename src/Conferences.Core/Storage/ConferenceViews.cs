namespace Conferences.Core.Storage;

/// <summary><c>core/kazoo_apps/priv/couchdb/account/conferences.json</c> and <c>conference.json</c>.</summary>
public static class ConferenceViews
{
    private const string ConferenceType = "conference";

    private static readonly string[] ListingFields = ["name", "owner_id", "member", "moderator", "ui_flags", "conference_numbers"];

    /// <summary><c>conferences/crossbar_listing</c>: key = doc id, value = the list item's fields (<c>flags</c> defaults to []).</summary>
    public static readonly ViewDefinition Listing = ViewShapes.Listing("conferences", ConferenceType, ListingFields, withFlags: true);

    /// <summary><c>conferences/listing_by_name</c>: key = name, value null.</summary>
    public static readonly ViewDefinition ByName = ViewShapes.ByString("conferences", "listing_by_name", ConferenceType, "name");

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
