using System.Buffers;
using System.Text.Encodings.Web;

namespace Conferences.Infrastructure.Storage;

// _id and _rev first, as CouchDB returns them (docs/kazoo-storage.md).
internal static class StoredDocument
{
    private const string DesignPrefix = "_design/";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Like CouchDB (400 doc_validation): other top-level _ members, and _ ids other than design documents, are refused.
    public static (string Id, string? Revision) ReadIdentity(JsonObject document)
    {
        var id = document[KazooFields.Id] is JsonValue idValue && idValue.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new ArgumentException("a document needs a non-empty string _id", nameof(document));
        if (id.StartsWith('_') && !IsDesign(id))
        {
            throw new ArgumentException($"document id {id}: only reserved document ids may start with underscore", nameof(document));
        }
        foreach (var (name, _) in document)
        {
            if (name == DocumentAttachments.Member)
            {
                DocumentAttachments.RequireInline(document[name]);
            }
            else if (name.StartsWith('_') && name is not (KazooFields.Id or KazooFields.Rev))
            {
                throw new ArgumentException($"bad special document member: {name}", nameof(document));
            }
        }
        var revision = document[KazooFields.Rev] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var rev) => rev,
            _ => throw new ArgumentException("_rev must be a string", nameof(document)),
        };
        return (id, revision);
    }

    public static bool IsDesign(string id) => id.StartsWith(DesignPrefix, StringComparison.Ordinal);

    // What a revision hashes: the body without _id/_rev, compact, in given order.
    public static string Canonical(JsonObject document) => Serialize(document, null, null);

    public static string Serialize(JsonObject document, string? id, string? revision)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (id is not null && revision is not null)
            {
                writer.WriteString(KazooFields.Id, id);
                writer.WriteString(KazooFields.Rev, revision);
            }
            foreach (var (name, value) in document)
            {
                if (name is KazooFields.Id or KazooFields.Rev)
                {
                    continue;
                }
                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static JsonObject Parse(string body) => JsonNode.Parse(body)!.AsObject();
}
