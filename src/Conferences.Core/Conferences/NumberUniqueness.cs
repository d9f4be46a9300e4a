namespace Conferences.Core.Conferences;

/// <summary><c>cb_conferences:validate_numbers/2</c>, through <c>conference/listing_by_number</c>.</summary>
public sealed class NumberUniqueness(ConferenceStore conferences)
{
    public async Task EnsureUniqueAsync(string accountId, JsonObject doc, string? exceptId, CancellationToken ct)
    {
        var wanted = Numbers(doc).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return;
        }
        var rows = await conferences.QueryAsync(accountId, KazooViews.ConferenceByNumber, new ViewQuery { Keys = wanted }, ct)
            .ConfigureAwait(false);
        var clashes = rows.Where(row => row.Id != exceptId).Select(row => row.Key).Distinct(StringComparer.Ordinal).ToList();
        if (clashes.Count > 0)
        {
            throw KazooErrors.Validation("numbers", "unique", "Numbers already in use",
                new JsonObject { ["cause"] = string.Join(", ", clashes) });
        }
    }

    private static IEnumerable<string> Numbers(JsonObject doc)
    {
        JsonNode?[] lists = [doc["conference_numbers"], (doc["member"] as JsonObject)?["numbers"], (doc["moderator"] as JsonObject)?["numbers"]];
        return lists.OfType<JsonArray>().SelectMany(list => list).OfType<JsonValue>()
            .Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>();
    }
}
