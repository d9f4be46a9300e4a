namespace Conferences.Infrastructure.Storage;

// CouchDB's inline _attachments, the one form both stores share (accepted on write, returned with ?attachments=true).
internal static class DocumentAttachments
{
    public const string Member = "_attachments";

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

    // A stub (no data) would lose the attachment in the embedded store.
    public static void RequireInline(JsonNode? attachments)
    {
        if (attachments is not JsonObject all || all.Any(a => a.Value is not JsonObject one || one["data"] is not JsonValue data
            || !data.TryGetValue<string>(out var base64) || !IsBase64(base64)))
        {
            throw new ArgumentException("_attachments must map names to objects with base64 data", nameof(attachments));
        }
    }

    // As CouchDB returns a document without ?attachments=true.
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
