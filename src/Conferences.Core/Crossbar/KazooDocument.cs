namespace Conferences.Core.Crossbar;

/// <summary>Public and private fields of a Kazoo document (<c>kz_doc:public_fields/1</c>, <c>kz_doc:private_fields/1</c>).</summary>
public static class KazooDocument
{
    public static bool IsPrivateKey(string key) =>
        key.StartsWith('_') || key.StartsWith("pvt_", StringComparison.Ordinal);

    /// <summary>The document as the API shows it: no <c>_</c>/<c>pvt_</c> keys, plus <c>id</c>.</summary>
    public static JsonObject PublicView(JsonObject stored)
    {
        var view = new JsonObject();
        foreach (var (key, value) in stored)
        {
            if (!IsPrivateKey(key) && key != "id")
            {
                view[key] = value?.DeepClone();
            }
        }
        view["id"] = stored[KazooFields.Id]?.DeepClone();
        return view;
    }

    /// <summary>Drops <c>_</c>/<c>pvt_</c> keys (a fetched <c>_read_only</c> included) and <c>id</c>, which names the
    /// document.</summary>
    public static JsonObject CleanRequest(JsonObject request)
    {
        var clean = new JsonObject();
        foreach (var (key, value) in request)
        {
            if (!IsPrivateKey(key) && key != "id")
            {
                clean[key] = value?.DeepClone();
            }
        }
        return clean;
    }

    /// <summary>Public fields of <paramref name="publicFields"/> combined with the private fields of <paramref name="stored"/>.</summary>
    public static JsonObject WithPrivateFieldsOf(JsonObject publicFields, JsonObject stored)
    {
        var merged = (JsonObject)publicFields.DeepClone();
        foreach (var (key, value) in stored)
        {
            if (IsPrivateKey(key))
            {
                merged[key] = value?.DeepClone();
            }
        }
        return merged;
    }
}
