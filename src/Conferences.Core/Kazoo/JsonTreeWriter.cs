namespace Conferences.Core.Kazoo;

/// <summary>Writes a JSON tree as System.Text.Json does but hands every object, at any depth, to the caller: one walk
/// for the writers that change keys (normalised, sorted) on the way.</summary>
public static class JsonTreeWriter
{
    /// <param name="writeObject">writes one object; it writes its members' values through this method again.</param>
    public static void WriteValue<TState>(
        Utf8JsonWriter writer, JsonNode? value, TState state, Action<Utf8JsonWriter, JsonObject, TState> writeObject)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(writeObject);
        switch (value)
        {
            case JsonObject obj:
                writeObject(writer, obj, state);
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(writer, item, state, writeObject);
                }
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
