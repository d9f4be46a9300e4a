namespace Conferences.Core.Storage;

/// <summary>One view row: the emitting document's id, the key, the value and (with include_docs) the document.</summary>
public sealed record ViewRow(string Id, string Key, JsonNode? Value, JsonObject? Document);
