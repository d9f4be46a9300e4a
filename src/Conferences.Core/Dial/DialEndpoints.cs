namespace Conferences.Core.Dial;

/// <summary>
/// The outcome of resolving a dial's <c>endpoints</c>: the bridge endpoints to send and the validation errors
/// recorded on the way (Kazoo's flat <c>data.endpoints.{n}</c> map; empty when none).
/// </summary>
internal sealed record DialEndpoints(IReadOnlyList<JsonObject> Endpoints, JsonObject Errors);
