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

    public async Task WriteAsync(HttpContext http, Envelope envelope)
    {
        var bytes = Render(http, envelope);
        http.Response.StatusCode = envelope.Status;
        http.Response.ContentType = JsonContentType;
        http.Response.ContentLength = bytes.Length;
        if (http.Request.Method != HttpMethods.Head)
        {
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
        }
    }

    public byte[] Render(HttpContext http, Envelope envelope)
    {
        var request = http.GetCrossbarRequest();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = IsPrettyPrint(http) }))
        {
            writer.WriteStartObject();
            if (envelope.RenderedData is { } rendered)
            {
                writer.WritePropertyName("data");
                writer.WriteRawValue(rendered.Span, skipInputValidation: true);
            }
            else if (envelope.Data is null)
            {
                if (!envelope.IsError)
                {
                    writer.WriteNull("data");
                }
            }
            else
            {
                writer.WritePropertyName("data");
                envelope.Data.WriteTo(writer);
            }
            if (envelope.IsError)
            {
                writer.WriteString("error", envelope.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("message", envelope.ErrorName);
                writer.WriteString("status", "error");
            }
            else
            {
                writer.WriteString("status", "success");
            }
            if (envelope.Revision is not null)
            {
                writer.WriteString("revision", envelope.Revision);
            }
            if (envelope.PageSize is { } pageSize)
            {
                writer.WriteNumber("page_size", pageSize);
            }
            if (envelope.StartKey is not null)
            {
                writer.WriteString("start_key", envelope.StartKey);
            }
            if (envelope.NextStartKey is not null)
            {
                writer.WriteString("next_start_key", envelope.NextStartKey);
            }
            if (envelope.Metadata is not null)
            {
                writer.WritePropertyName("metadata");
                envelope.Metadata.WriteTo(writer);
            }
            if (request is not null)
            {
                writer.WriteString("request_id", request.RequestId);
                if (request.AuthToken is not null)
                {
                    writer.WriteString("auth_token", request.AuthToken);
                }
            }
            writer.WriteString("node", NodeName);
            writer.WriteString("version", options.Value.Version);
            writer.WriteString("timestamp", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    // X-Pretty-Print: true or pretty_print=true indents the JSON (api_util:get_pretty_print/2)
    private static bool IsPrettyPrint(HttpContext http) =>
        string.Equals(http.Request.Headers["X-Pretty-Print"], "true", StringComparison.OrdinalIgnoreCase)
        || http.Request.Query["pretty_print"] == "true";
}
