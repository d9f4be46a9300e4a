using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conferences.Core.Errors;
using Conferences.Core.Kazoo;

namespace Conferences.Api.Crossbar;

/// <summary>
/// Reads and parses the request envelope (kazoo-reference §2.1): the body must be a JSON object with a top-level
/// <c>data</c> object or array; its top-level keys are normalised. Over-sized bodies are refused from
/// Content-Length without reading them, or as soon as the limit is crossed (D10).
/// </summary>
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

    /// <summary>The normalised envelope, or an empty one for an empty body.</summary>
    public static JsonObject ParseEnvelope(ReadOnlySpan<byte> body)
    {
        if (IsBlank(body))
        {
            return new JsonObject { ["data"] = new JsonObject() };
        }
        JsonNode? parsed;
        try
        {
            // Refused here as invalid JSON rather than failing later (profile D9): a repeated key, and nesting deeper
            // than the stores read documents back with (System.Text.Json's default of 64; data sits one level down).
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
        var normalised = new JsonObject();
        foreach (var (key, value) in envelope)
        {
            normalised[KazooJson.NormalizeKey(key)] = value?.DeepClone();
        }
        if (!normalised.TryGetPropertyValue("data", out var data) || data is null)
        {
            throw KazooErrors.DataRequired();
        }
        if (data is not JsonObject and not JsonArray)
        {
            throw KazooErrors.Validation("data", "type", "Value did not match type(s): object, array",
                new JsonObject { ["target"] = "object, array", ["value"] = data.DeepClone() });
        }
        return normalised;
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
