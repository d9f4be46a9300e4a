using System.Buffers.Text;

namespace Conferences.Api.Crossbar;

internal static class EnvelopeJsonExtensions
{
    // a status code as a JSON string ("404"), formatted without an intermediate string
    public static void WriteNumberString(this Utf8JsonWriter writer, ReadOnlySpan<byte> name, int value)
    {
        Span<byte> digits = stackalloc byte[11];
        Utf8Formatter.TryFormat(value, digits, out var length);
        writer.WriteString(name, digits[..length]);
    }
}
