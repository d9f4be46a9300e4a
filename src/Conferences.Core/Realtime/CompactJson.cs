using System.Buffers;

namespace Conferences.Core.Realtime;

/// <summary>A normalised JSON object kept as UTF-8 bytes, so custom channel vars cost bytes instead of a node
/// tree.</summary>
public sealed class CompactJson
{
    private const int MaxCachedKeys = 4096;

    // the same few dozen keys (Account-ID, Authorizing-ID, …) arrive on every event; normalise each once
    private static readonly ConcurrentDictionary<string, string> NormalizedKeys = new(StringComparer.Ordinal);

    private readonly byte[] utf8;

    private CompactJson(byte[] utf8) => this.utf8 = utf8;

    public static CompactJson Empty { get; } = new("{}"u8.ToArray());

    public int Length => utf8.Length;

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
