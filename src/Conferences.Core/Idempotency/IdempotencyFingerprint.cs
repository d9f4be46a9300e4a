using System.Buffers;

namespace Conferences.Core.Idempotency;

/// <summary>
/// What makes two requests under one key "the same request": the method, the path as sent, the query string and
/// the envelope, compared as parsed JSON (whitespace and key order in the body do not matter). The token (header,
/// query <c>auth_token</c> or envelope <c>auth_token</c>) is left out: a retry may carry a refreshed one.
/// </summary>
public static class IdempotencyFingerprint
{
    // The canonical text is written straight into one buffer and hashed there (it is on every keyed request's path);
    // its bytes are those of earlier releases, so keys claimed before an upgrade still match their retries.
    public static string Of(string method, string path, IReadOnlyDictionary<string, string> query, JsonObject envelope)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(envelope);
        var buffer = new ArrayBufferWriter<byte>(512);
        Append(buffer, method);
        Append(buffer, " ");
        Append(buffer, path);
        Append(buffer, "\n");
        if (query.Count > 0)
        {
            foreach (var (key, value) in query.Where(q => q.Key != "auth_token").OrderBy(q => q.Key, StringComparer.Ordinal))
            {
                Append(buffer, key);
                Append(buffer, "=");
                Append(buffer, value);
                Append(buffer, "\n");
            }
        }
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonTreeWriter.WriteValue(writer, envelope, true, WriteCanonical);
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static void Append(ArrayBufferWriter<byte> buffer, string text)
    {
        var written = Encoding.UTF8.GetBytes(text, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
        buffer.Advance(written);
    }

    // members in ordinal order at every depth; the envelope's own auth_token left out
    private static void WriteCanonical(Utf8JsonWriter writer, JsonObject obj, bool root)
    {
        var members = new KeyValuePair<string, JsonNode?>[obj.Count];
        ((ICollection<KeyValuePair<string, JsonNode?>>)obj).CopyTo(members, 0);
        Array.Sort(members, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        writer.WriteStartObject();
        foreach (var (key, value) in members)
        {
            if (!(root && key == "auth_token"))
            {
                writer.WritePropertyName(key);
                JsonTreeWriter.WriteValue(writer, value, false, WriteCanonical);
            }
        }
        writer.WriteEndObject();
    }
}
