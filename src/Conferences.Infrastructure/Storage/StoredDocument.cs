using System.Buffers;
using System.Text.Encodings.Web;

namespace Conferences.Infrastructure.Storage;

/// <summary>
/// A document's JSON exactly as given, with <c>_id</c> and <c>_rev</c> first as CouchDB returns them; both adapters
/// check identities and serialize with it (docs/kazoo-storage.md).
/// </summary>
internal static class StoredDocument
{
    private const string DesignPrefix = "_design/";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The id and the revision the writer based its edit on. Like CouchDB (400 <c>doc_validation</c>), other
    /// top-level members starting with <c>_</c> and ids starting with <c>_</c> other than design documents are refused.
    /// </summary>
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

    /// <summary>CouchDB never runs map functions over design documents.</summary>
    public static bool IsDesign(string id) => id.StartsWith(DesignPrefix, StringComparison.Ordinal);

    /// <summary>The body without <c>_id</c>/<c>_rev</c>, compact, members in their given order: what a revision hashes.</summary>
    public static string Canonical(JsonObject document) => Serialize(document, null, null);

    /// <summary>The stored text: <c>_id</c>, <c>_rev</c>, then the other members in their given order.</summary>
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
