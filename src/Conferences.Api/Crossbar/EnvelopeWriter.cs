using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Conferences.Api.Crossbar;

/// <summary>Every <c>/v2</c> answer, with <c>Content-Type: application/json</c> exactly, no charset
/// (docs/clients.md).</summary>
public sealed class EnvelopeWriter(IOptions<CrossbarOptions> options, TimeProvider clock)
{
    public const string JsonContentType = "application/json";

    // kazoo's node: base64url (no padding) of the md5 of the server's node name
    private static readonly string NodeName = Base64Url.Encode(
        MD5.HashData(Encoding.UTF8.GetBytes($"conferences@{Environment.MachineName}")));

    private static readonly JsonEncodedText Node = JsonEncodedText.Encode(NodeName);

    private readonly JsonEncodedText? version = options.Value.Version is { } text ? JsonEncodedText.Encode(text) : null;

    private readonly bool compress = options.Value.CompressResponseBody;

    // Rendered into a pooled buffer (the length goes first, as Content-Length), then written to the body's pipe;
    // gzip'd when the client accepts it and the body is larger than cowboy's threshold (GzipAnswer).
    public async Task WriteAsync(HttpContext http, Envelope envelope)
    {
        using var buffer = new PooledBufferWriter(Capacity(envelope));
        var deflatedPart = Render(http, envelope, buffer);
        http.Response.StatusCode = envelope.Status;
        http.Response.ContentType = JsonContentType;
        if (http.Features.Get<RecordedBody>() is { } recorded)
        {
            recorded.Bytes = buffer.WrittenMemory.ToArray();
        }
        using var gzipped = Compressible(buffer.WrittenCount, http) ? Gzip(envelope, buffer.WrittenMemory, deflatedPart) : null;
        var body = gzipped?.WrittenMemory ?? buffer.WrittenMemory;
        http.Response.ContentLength = body.Length;
        if (http.Request.Method != HttpMethods.Head)
        {
            await http.Response.BodyWriter.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
        }
    }

    public byte[] Render(HttpContext http, Envelope envelope)
    {
        using var buffer = new PooledBufferWriter(Capacity(envelope));
        Render(http, envelope, buffer);
        return buffer.WrittenMemory.ToArray();
    }

    // Vary on every answer that would be compressed for a client that asks, so that caches keep both forms apart
    private bool Compressible(int length, HttpContext http)
    {
        if (!compress || length <= GzipAnswer.Threshold)
        {
            return false;
        }
        http.Response.Headers.Vary = "Accept-Encoding";
        if (!GzipAnswer.Accepted(http.Request))
        {
            return false;
        }
        http.Response.Headers.ContentEncoding = "gzip";
        return true;
    }

    // kept data keeps its compressed run and the rest goes stored; any other answer is compressed whole, per request
    private static PooledBufferWriter Gzip(Envelope envelope, ReadOnlyMemory<byte> body, Range deflatedPart)
    {
        var deflated = envelope.RenderedData is { } kept ? DeflatedData.Kept(kept) : DeflatedData.Of(body.Span);
        var output = new PooledBufferWriter(deflated.Length + body.Length - deflatedPart.GetOffsetAndLength(body.Length).Length + 64);
        GzipAnswer.Write(body.Span, deflatedPart, deflated, output);
        return output;
    }

    // room for rendered data and the envelope's other keys, so the buffer is not grown and copied while writing
    private static int Capacity(Envelope envelope) => Math.Max(4096, (envelope.RenderedData?.Length ?? 0) + 1024);

    // answers the part of the buffer gzip deflates: the rendered data (its run is kept), else the whole answer
    private Range Render(HttpContext http, Envelope envelope, IBufferWriter<byte> buffer)
    {
        var request = http.GetCrossbarRequest();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = IsPrettyPrint(http) });
        writer.WriteStartObject();
        var deflatedPart = Range.All;
        if (envelope.RenderedData is { } rendered)
        {
            writer.WritePropertyName("data"u8);
            writer.WriteRawValue(rendered.Span, skipInputValidation: true);
            writer.Flush();
            var end = (int)writer.BytesCommitted;
            deflatedPart = (end - rendered.Length)..end;
        }
        else if (envelope.Data is null)
        {
            if (!envelope.IsError)
            {
                writer.WriteNull("data"u8);
            }
        }
        else
        {
            writer.WritePropertyName("data"u8);
            envelope.Data.WriteTo(writer);
        }
        if (envelope.IsError)
        {
            writer.WriteNumberString("error"u8, envelope.Status);
            writer.WriteString("message"u8, envelope.ErrorName);
            writer.WriteString("status"u8, "error"u8);
        }
        else
        {
            writer.WriteString("status"u8, "success"u8);
        }
        if (envelope.Revision is not null)
        {
            writer.WriteString("revision"u8, envelope.Revision);
        }
        if (envelope.PageSize is { } pageSize)
        {
            writer.WriteNumber("page_size"u8, pageSize);
        }
        if (envelope.StartKey is not null)
        {
            writer.WriteString("start_key"u8, envelope.StartKey);
        }
        if (envelope.NextStartKey is not null)
        {
            writer.WriteString("next_start_key"u8, envelope.NextStartKey);
        }
        if (envelope.RenderedMetadata is { } metadata)
        {
            writer.WritePropertyName("metadata"u8);
            writer.WriteRawValue(metadata.Span, skipInputValidation: true);
        }
        else if (envelope.Metadata is not null)
        {
            writer.WritePropertyName("metadata"u8);
            envelope.Metadata.WriteTo(writer);
        }
        if (request is not null)
        {
            writer.WriteString("request_id"u8, request.RequestId);
            if (request.AuthToken is not null)
            {
                writer.WriteString("auth_token"u8, request.AuthToken);
            }
        }
        writer.WriteString("node"u8, Node);
        if (version is { } encoded)
        {
            writer.WriteString("version"u8, encoded);
        }
        else
        {
            writer.WriteNull("version"u8);
        }
        Span<byte> timestamp = stackalloc byte[32];
        clock.GetUtcNow().UtcDateTime.TryFormat(timestamp, out var length, "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteString("timestamp"u8, timestamp[..length]);
        writer.WriteEndObject();
        return deflatedPart;
    }

    /// <summary><c>X-Pretty-Print: true</c> or <c>pretty_print=true</c> indents the JSON (<c>api_util:get_pretty_print/2</c>).</summary>
    public static bool IsPrettyPrint(HttpContext http) =>
        string.Equals(http.Request.Headers["X-Pretty-Print"], "true", StringComparison.OrdinalIgnoreCase)
        || http.Request.Query["pretty_print"] == "true";
}
