using System.Buffers;

namespace Conferences.Core.Conferences;

/// <summary>A JSON object rendered once without its closing brace, so that each answer appends its own
/// <c>_read_only</c> (the last key, as <c>data["_read_only"] = …</c> leaves it) without a parse or a re-render.</summary>
public sealed class OpenObject
{
    private const string ReadOnlyKey = "_read_only";

    private readonly byte[] open;

    private OpenObject(byte[] open) => this.open = open;

    /// <summary>The rendered bytes' count (the object without its closing brace).</summary>
    public int Length => open.Length;

    /// <summary>Null when the object holds <c>_read_only</c> already: that key is replaced where it stands, not
    /// appended.</summary>
    public static OpenObject? Render(JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.ContainsKey(ReadOnlyKey))
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }
        return new OpenObject(buffer.WrittenSpan[..^1].ToArray());
    }

    public static byte[] Bytes(JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The object with <paramref name="readOnly"/> (rendered JSON) as its last key.</summary>
    public void WriteClosed(IBufferWriter<byte> buffer, ReadOnlySpan<byte> readOnly)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Write(open);
        buffer.Write(open.Length > 1 ? ",\"_read_only\":"u8 : "\"_read_only\":"u8);
        buffer.Write(readOnly);
        buffer.Write("}"u8);
    }

    public void WriteClosed(IBufferWriter<byte> buffer, JsonNode readOnly)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(readOnly);
        buffer.Write(open);
        buffer.Write(open.Length > 1 ? ",\"_read_only\":"u8 : "\"_read_only\":"u8);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            readOnly.WriteTo(writer);
        }
        buffer.Write("}"u8);
    }
}
