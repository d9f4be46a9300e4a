namespace Conferences.Core.Kazoo;

/// <summary><c>kz_json:normalize/1</c> straight to a writer; of two keys that normalise alike the first wins.</summary>
public static class NormalizedJsonWriter
{
    public static void WriteValue(Utf8JsonWriter writer, JsonNode? value, Func<string, string> normalizeKey)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(normalizeKey);
        JsonTreeWriter.WriteValue(writer, value, normalizeKey, WriteObject);
    }

    /// <summary>Skipped when the value is null or a key that normalises alike is already in
    /// <paramref name="written"/>.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, HashSet<string> written, string key, JsonNode? value, Func<string, string> normalizeKey)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(normalizeKey);
        if (value is null)
        {
            return;
        }
        var normalized = normalizeKey(key);
        if (!written.Add(normalized))
        {
            return;
        }
        writer.WritePropertyName(normalized);
        WriteValue(writer, value, normalizeKey);
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonObject obj, Func<string, string> normalizeKey)
    {
        writer.WriteStartObject();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, child) in obj)
        {
            WriteProperty(writer, written, key, child, normalizeKey);
        }
        writer.WriteEndObject();
    }
}
