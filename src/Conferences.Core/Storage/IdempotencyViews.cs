namespace Conferences.Core.Storage;

/// <summary>This service's own view over its <c>Idempotency-Key</c> documents (not a Kazoo view): the keys by expiry.</summary>
public static class IdempotencyViews
{
    /// <summary>Expiry instants are Unix milliseconds, emitted zero-padded to 15 digits so that keys sort as numbers.</summary>
    public const int KeyWidth = 15;

    /// <summary><c>idempotency/by_expiry</c>: key = <c>pvt_expires</c> (padded), value = null, of every key document.</summary>
    public static readonly ViewDefinition ByExpiry = new(
        "idempotency",
        "by_expiry",
        """
        function(doc) {
          if (doc.pvt_type !== 'idempotency_key' || typeof doc.pvt_expires !== 'number') return;
          emit(('000000000000000' + Math.floor(doc.pvt_expires)).slice(-15), null);
        }
        """,
        MapByExpiry);

    /// <summary>The view key of an expiry instant.</summary>
    public static string Key(long unixMilliseconds) =>
        unixMilliseconds.ToString(CultureInfo.InvariantCulture).PadLeft(KeyWidth, '0');

    private static IEnumerable<KeyValuePair<string, JsonNode?>> MapByExpiry(JsonObject doc)
    {
        if (KazooJson.GetString(doc, KazooFields.Type) != "idempotency_key"
            || doc["pvt_expires"] is not JsonValue expires || expires.GetValueKind() != JsonValueKind.Number)
        {
            yield break;
        }
        yield return new(Key((long)Math.Floor(expires.GetValue<double>())), null);
    }
}
