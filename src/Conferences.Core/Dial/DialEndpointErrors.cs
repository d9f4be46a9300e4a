namespace Conferences.Core.Dial;

// Dial's endpoint errors (cb_conferences add_not_found_error and siblings); keys data.endpoints.{n}, n 1-based.
internal static class DialEndpointErrors
{
    public const string EndpointsKey = "data.endpoints";

    public static string ItemKey(int index) => $"{EndpointsKey}.{index}";

    public static void AddNoEndpoints(JsonObject errors) =>
        Add(errors, EndpointsKey, "minItems", new JsonObject
        {
            ["message"] = "endpoints failed to resolve to route-able destinations",
            ["target"] = 1,
        });

    public static void AddNotFound(JsonObject errors, int index, string id) =>
        Add(errors, ItemKey(index), "not_found", new JsonObject { ["message"] = $"ID {id} not found" });

    public static void AddNotEndpoint(JsonObject errors, int index) =>
        Add(errors, ItemKey(index), "enum", new JsonObject { ["message"] = "Value not a number, device or user ID, or SIP endpoint" });

    public static void AddNoDevices(JsonObject errors, int index, string userId) =>
        Add(errors, ItemKey(index), "minItems", new JsonObject
        {
            ["message"] = $"user {userId} failed to resolve to route-able destinations",
            ["target"] = 1,
        });

    // cb_context:add_validation_error/4: rules under one key accumulate.
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
