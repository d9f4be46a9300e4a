namespace Conferences.Infrastructure.Storage;

/// <summary>
/// CouchDB's inline attachments (<c>_attachments</c>: name → <c>content_type</c> and base64 <c>data</c>), the one form
/// both stores share: CouchDB accepts it on a write and returns it with <c>?attachments=true</c>.
/// </summary>
internal static class DocumentAttachments
{
    public const string Member = "_attachments";

    /// <summary>The decoded bytes of <paramref name="name"/>, or null when the document has no such inline attachment.</summary>
    public static byte[]? Read(JsonObject document, string name)
    {
        if (document[Member] is not JsonObject attachments || attachments[name] is not JsonObject attachment
            || attachment["data"] is not JsonValue data || !data.TryGetValue<string>(out var base64))
        {
            return null;
        }
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The embedded store keeps attachments only inline; a stub (no <c>data</c>) would lose them.</summary>
    public static void RequireInline(JsonNode? attachments)
    {
        if (attachments is not JsonObject all || all.Any(a => a.Value is not JsonObject one || one["data"] is not JsonValue data
            || !data.TryGetValue<string>(out var base64) || !IsBase64(base64)))
        {
            throw new ArgumentException("_attachments must map names to objects with base64 data", nameof(attachments));
        }
    }

    /// <summary>The document as CouchDB returns it without <c>?attachments=true</c>: each attachment a stub.</summary>
    public static JsonObject AsStubs(JsonObject document)
    {
        if (document[Member] is not JsonObject attachments)
        {
            return document;
        }
        var stubs = new JsonObject();
        foreach (var (name, node) in attachments)
        {
            var attachment = (JsonObject)node!;
            stubs[name] = new JsonObject
            {
                ["content_type"] = attachment["content_type"]?.DeepClone(),
                ["length"] = Read(document, name)?.Length ?? 0,
                ["stub"] = true,
            };
        }
        document[Member] = stubs;
        return document;
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }
}
