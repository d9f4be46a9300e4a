namespace Conferences.Api.Tests.Fixtures;

/// <summary>Request bodies: Kazoo envelopes and raw text, sent as <c>application/json</c> unless told otherwise.</summary>
public static class Body
{
    /// <summary><c>{"data": data, …extra}</c>.</summary>
    public static HttpContent Data(JsonNode? data, JsonObject? extra = null)
    {
        var envelope = new JsonObject { ["data"] = data?.DeepClone() };
        foreach (var (key, value) in extra ?? [])
        {
            envelope[key] = value?.DeepClone();
        }
        return Json(envelope.ToJsonString());
    }

    /// <summary>A body sent exactly as given, with <c>Content-Type: application/json</c>.</summary>
    public static HttpContent Json(string text) => Raw(text, "application/json");

    public static HttpContent Raw(string text, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return content;
    }

    public static HttpContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
