namespace Conferences.Api.Tests.Dial;

/// <summary>Dial requests as clients send them.</summary>
public static class DialRequests
{
    /// <summary>The PHP SDK's flat form: <c>{"action":"dial","data":{…}}</c>.</summary>
    public static Task<Answer> DialAsync(this TestAccount account, string conferenceId, JsonObject dialData, string query = "") =>
        account.SendAsync(HttpMethod.Put, $"conferences/{Uri.EscapeDataString(conferenceId)}{query}", Body.Data(dialData, new JsonObject { ["action"] = "dial" }));

    public static JsonObject Endpoints(params string[] endpoints) =>
        new() { ["endpoints"] = new JsonArray([.. endpoints.Select(e => (JsonNode)e)]) };

    /// <summary>The <c>endpoint_responses</c> item for <paramref name="endpointId"/>.</summary>
    public static JsonObject ResponseFor(this Answer answer, string endpointId) =>
        answer.DataObject["endpoint_responses"]!.AsArray().OfType<JsonObject>()
            .Single(item => (string?)item["endpoint_id"] == endpointId);
}
