namespace Conferences.Core.Storage;

public sealed record ViewRow(string Id, string Key, JsonNode? Value, JsonObject? Document);
