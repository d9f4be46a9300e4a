namespace Conferences.Core.Dial;

/// <summary>
/// The validation errors of dial's endpoint resolution (docs/crossbar.md, "Dial"; <c>cb_conferences.erl</c>
/// <c>add_not_found_error</c>, <c>add_not_endpoint_error</c>, <c>add_no_devices_error</c>, <c>error_no_endpoints</c>).
/// Per-endpoint keys are <c>data.endpoints.{n}</c> with a 1-based <c>n</c>.
/// </summary>
internal static class DialEndpointErrors
{
    public const string EndpointsKey = "data.endpoints";

    public static string ItemKey(int index) => $"{EndpointsKey}.{index}";

    /// <summary>Nothing resolved to a dialable endpoint.</summary>
    public static void AddNoEndpoints(JsonObject errors) =>
        Add(errors, EndpointsKey, "minItems", new JsonObject
        {
            ["message"] = "endpoints failed to resolve to route-able destinations",
            ["target"] = 1,
        });

    /// <summary>A SIP URI, device or document that could not be built into an endpoint.</summary>
    public static void AddNotFound(JsonObject errors, int index, string id) =>
        Add(errors, ItemKey(index), "not_found", new JsonObject { ["message"] = $"ID {id} not found" });

    /// <summary>A string that is neither a SIP URI, a 32-character id nor a dialable number.</summary>
    public static void AddNotEndpoint(JsonObject errors, int index) =>
        Add(errors, ItemKey(index), "enum", new JsonObject { ["message"] = "Value not a number, device or user ID, or SIP endpoint" });

    /// <summary>A user without a device that could be built.</summary>
    public static void AddNoDevices(JsonObject errors, int index, string userId) =>
        Add(errors, ItemKey(index), "minItems", new JsonObject
        {
            ["message"] = $"user {userId} failed to resolve to route-able destinations",
            ["target"] = 1,
        });

    /// <summary><c>cb_context:add_validation_error/4</c>: rules under one key accumulate.</summary>
    private static void Add(JsonObject errors, string key, string rule, JsonObject detail)
    {
        if (errors[key] is not JsonObject rules)
        {
            rules = [];
            errors[key] = rules;
        }
        rules[rule] = detail;
    }
}
