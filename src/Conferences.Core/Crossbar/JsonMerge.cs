namespace Conferences.Core.Crossbar;

/// <summary><c>kz_json:merge/2</c> as PATCH uses it (<c>cb_conferences:patch/2</c>; docs/crossbar.md,
/// "CRUD").</summary>
public static class JsonMerge
{
    public static JsonObject Patch(JsonObject stored, JsonObject patch)
    {
        var result = (JsonObject)stored.DeepClone();
        Apply(result, patch);
        return result;
    }

    private static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            switch (value)
            {
                case null:
                    target.Remove(key);
                    break;
                case JsonObject { Count: > 0 } patchObject when target[key] is JsonObject targetObject:
                    Apply(targetObject, patchObject);
                    break;
                default:
                    target[key] = value.DeepClone();
                    break;
            }
        }
    }
}
