using System.Buffers;

namespace Conferences.Core.Realtime;

/// <summary>
/// A JSON object kept as its UTF-8 bytes, already key-normalised the Kazoo way (lower case, <c>-</c> → <c>_</c>,
/// recursively, nulls dropped, the first of two keys that normalise alike kept;
/// <c>kz_json:normalize/1</c>, <see cref="NormalizedJsonWriter"/>), so that a participant's
/// <c>Custom-Channel-Vars</c> cost a few dozen bytes instead of a tree of nodes. Immutable.
/// </summary>
public sealed class CompactJson
{
    private const int MaxCachedKeys = 4096;

    // the same few dozen keys (Account-ID, Authorizing-ID, …) arrive on every event; normalise each once
    private static readonly ConcurrentDictionary<string, string> NormalizedKeys = new(StringComparer.Ordinal);

    private readonly byte[] utf8;

    private CompactJson(byte[] utf8) => this.utf8 = utf8;

    public static CompactJson Empty { get; } = new("{}"u8.ToArray());

    public int Length => utf8.Length;

    /// <summary>The normalised copy of <paramref name="node"/>, or null when it is not an object.</summary>
    public static CompactJson? From(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }
        if (obj.Count == 0)
        {
            return Empty;
        }
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            NormalizedJsonWriter.WriteValue(writer, obj, Normalize);
        }
        return new(buffer.WrittenSpan.ToArray());
    }

    /// <summary>A fresh object for a response (nobody else holds it).</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(utf8) as JsonObject ?? [];

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(utf8, skipInputValidation: true);
    }

    public override string ToString() => System.Text.Encoding.UTF8.GetString(utf8);

    private static string Normalize(string key)
    {
        if (NormalizedKeys.TryGetValue(key, out var normalized))
        {
            return normalized;
        }
        normalized = KazooJson.NormalizeKey(key);
        if (NormalizedKeys.Count < MaxCachedKeys)
        {
            NormalizedKeys.TryAdd(key, normalized);
        }
        return normalized;
    }
}
