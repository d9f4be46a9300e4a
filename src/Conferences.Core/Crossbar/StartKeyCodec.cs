using System.Buffers.Binary;

namespace Conferences.Core.Crossbar;

/// <summary><c>crossbar_view</c>'s opaque keys: base64url of the key's Erlang external term; undecodable keys pass
/// verbatim.</summary>
public static class StartKeyCodec
{
    private const byte VersionTag = 0x83;
    private const byte BinaryTag = 0x6D;

    public static string Encode(string key)
    {
        var utf8 = Encoding.UTF8.GetBytes(key);
        var buffer = new byte[6 + utf8.Length];
        buffer[0] = VersionTag;
        buffer[1] = BinaryTag;
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(2), (uint)utf8.Length);
        utf8.CopyTo(buffer, 6);
        return Base64Url.Encode(buffer);
    }

    public static string Decode(string startKey)
    {
        var bytes = Base64Url.TryDecode(startKey);
        if (bytes is null || bytes.Length < 6 || bytes[0] != VersionTag || bytes[1] != BinaryTag)
        {
            return startKey;
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2));
        if (length != bytes.Length - 6)
        {
            return startKey;
        }
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes, 6, bytes.Length - 6);
        }
        catch (DecoderFallbackException)
        {
            return startKey;
        }
    }
}
