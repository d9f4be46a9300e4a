namespace Conferences.Core.Crossbar;

/// <summary>Crossbar's generic lookup of a request value (<c>cb_context:req_value/2</c>): <c>data.key</c>, then the query string, then the envelope.</summary>
public static class RequestValues
{
    public static JsonNode? Find(JsonNode data, IReadOnlyDictionary<string, string> query, JsonObject envelope, string key)
    {
        if (data is JsonObject fields && fields.TryGetPropertyValue(key, out var fromData) && fromData is not null)
        {
            return fromData;
        }
        if (query.TryGetValue(key, out var fromQuery))
        {
            return JsonValue.Create(fromQuery);
        }
        return envelope.TryGetPropertyValue(key, out var fromEnvelope) ? fromEnvelope : null;
    }
}
