namespace Conferences.Core.Dial;

internal sealed record DialEndpoints(IReadOnlyList<JsonObject> Endpoints, JsonObject Errors);
