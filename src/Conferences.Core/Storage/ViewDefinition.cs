namespace Conferences.Core.Storage;

/// <summary>
/// One map view of a Kazoo design document. <see cref="Map"/> is the C# twin of <see cref="JavaScriptMap"/>:
/// the embedded store runs the former, CouchDB the latter; both must emit the same rows.
/// </summary>
public sealed record ViewDefinition(
    string Design,
    string Name,
    string JavaScriptMap,
    Func<JsonObject, IEnumerable<KeyValuePair<string, JsonNode?>>> Map)
{
    /// <summary>The <c>design/view</c> name Kazoo uses, e.g. <c>conferences/crossbar_listing</c>.</summary>
    public string FullName => $"{Design}/{Name}";
}
