namespace Conferences.Core.Storage;

/// <summary><see cref="Map"/> is the C# twin of <see cref="JavaScriptMap"/>; both must emit the same rows.</summary>
public sealed record ViewDefinition(
    string Design,
    string Name,
    string JavaScriptMap,
    Func<JsonObject, IEnumerable<KeyValuePair<string, JsonNode?>>> Map)
{
    public string FullName => $"{Design}/{Name}";
}
