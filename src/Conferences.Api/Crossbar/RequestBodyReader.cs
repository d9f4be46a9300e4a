using System.Buffers;
using System.Text.Unicode;

namespace Conferences.Api.Crossbar;

/// <summary><c>api_util:validate_request_envelope/1</c>; an over-sized body is refused unread (docs/compatibility.md
/// D10).</summary>
public static class RequestBodyReader
{
    public static async Task<byte[]> ReadLimitedAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            throw KazooErrors.PayloadTooLarge(maxBytes);
        }
        var writer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and < 1 << 20 ? (int)request.ContentLength : 4096);
        while (true)
        {
            var memory = writer.GetMemory(8192);
            var read = await request.Body.ReadAsync(memory, ct).ConfigureAwait(false);
            if (read == 0)
            {
                return writer.WrittenSpan.ToArray();
            }
            writer.Advance(read);
            if (writer.WrittenCount > maxBytes)
            {
                throw KazooErrors.PayloadTooLarge(maxBytes);
            }
        }
    }

    public static JsonObject ParseEnvelope(ReadOnlySpan<byte> body)
    {
        if (IsBlank(body))
        {
            return new JsonObject { ["data"] = new JsonObject() };
        }
        // JSON text is UTF-8 (RFC 8259 §8.1): other bytes are malformed JSON, not text to repair with U+FFFD
        if (!Utf8.IsValid(body))
        {
            throw KazooErrors.InvalidJson($"invalid UTF-8 around {InvalidUtf8Offset(body)}");
        }
        JsonNode? parsed;
        try
        {
            // Refused here as invalid JSON rather than failing later (docs/compatibility.md D9): a repeated key, and nesting deeper
            // than the stores read documents back with (System.Text.Json's default of 64; data sits one level down).
            EnsureStringsDecode(body);
            parsed = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw KazooErrors.InvalidJson($"{ShortMessage(e)} around {e.BytePositionInLine ?? 0}");
        }
        if (parsed is not JsonObject envelope)
        {
            throw KazooErrors.DataRequired();
        }
        // JSON keys are case-sensitive: "data" is the envelope's data and "Data" is just another key, ignored
        if (!envelope.TryGetPropertyValue("data", out var data) || data is null)
        {
            throw KazooErrors.DataRequired();
        }
        if (data is not JsonObject and not JsonArray)
        {
            throw KazooErrors.Validation("data", "type", "Value did not match type(s): object, array",
                new JsonObject { ["target"] = "object, array", ["value"] = data.DeepClone() });
        }
        return envelope;
    }

    // an escape of half a surrogate pair ("\ud800") fits no string: refuse the body now, not where the value is read
    private static void EnsureStringsDecode(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    _ = reader.GetString();
                }
                catch (InvalidOperationException e)
                {
                    throw new JsonException(e.Message.TrimEnd('.'), null, 0, reader.TokenStartIndex);
                }
            }
        }
    }

    private static long InvalidUtf8Offset(ReadOnlySpan<byte> body)
    {
        var status = Utf8.ToUtf16(body, new char[body.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? body.Length : read;
    }

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }
        return true;
    }

    private static string ShortMessage(JsonException e)
    {
        var message = e.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }
        return message.TrimEnd('.', ' ');
    }
}
