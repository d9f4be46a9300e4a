namespace Conferences.Api.Tests.OpenApi;

/// <summary>
/// What a generated client takes from the OpenAPI document: one stable operationId and a one-line summary per
/// operation, the <c>X-Auth-Token</c> apiKey scheme on the account routes and none on the login routes, the servers,
/// and Kazoo's envelopes (success and error) as before.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Account = "/v2/accounts/{account_id}";
    private const string Conferences = Account + "/conferences";
    private const string Conference = Conferences + "/{conference_id}";
    private const string Webhooks = Account + "/conferences_webhooks";
    private const string Webhook = Webhooks + "/{webhook_id}";

    // the operationIds are a generated client's method names: renaming an action renames them, so they are pinned
    private static readonly Dictionary<string, string> OperationIds = new()
    {
        [$"get {Conferences}"] = "ListConferences",
        [$"put {Conferences}"] = "CreateConference",
        [$"get {Conference}"] = "GetConference",
        [$"post {Conference}"] = "UpdateConference",
        [$"patch {Conference}"] = "PatchConference",
        [$"delete {Conference}"] = "DeleteConference",
        [$"put {Conference}"] = "HandleConferenceAction",
        [$"get {Conference}/participants"] = "ListParticipants",
        [$"put {Conference}/participants"] = "HandleAllParticipantsAction",
        [$"get {Conference}/participants/{{participant_id}}"] = "GetParticipant",
        [$"put {Conference}/participants/{{participant_id}}"] = "HandleParticipantAction",
        [$"get {Webhooks}"] = "ListWebhooks",
        [$"put {Webhooks}"] = "CreateWebhook",
        [$"get {Webhooks}/attempts"] = "ListAccountAttempts",
        [$"get {Webhook}"] = "GetWebhook",
        [$"post {Webhook}"] = "UpdateWebhook",
        [$"patch {Webhook}"] = "PatchWebhook",
        [$"delete {Webhook}"] = "DeleteWebhook",
        [$"put {Webhook}/secret"] = "RotateSecret",
        [$"get {Webhook}/attempts"] = "ListWebhookAttempts",
        [$"get {Account}"] = "GetAccount",
        [$"put {Account}"] = "CreateChildAccount",
        [$"get {Account}/api_key"] = "GetAccountApiKey",
        [$"get {Account}/children"] = "ListChildAccounts",
        ["put /v2/api_auth"] = "AuthenticateApiKey",
        ["put /v2/user_auth"] = "AuthenticateUser",
        ["get /v2/auth/tokeninfo"] = "GetTokenInfo",
        ["post /v2/auth/tokeninfo"] = "PostTokenInfo",
    };

    private static readonly string[] Public = ["put /v2/api_auth", "put /v2/user_auth", "get /v2/auth/tokeninfo", "post /v2/auth/tokeninfo"];

    [Fact]
    public async Task Every_operation_has_its_pinned_operation_id_and_a_one_line_summary()
    {
        var operations = Operations(await SwaggerAsync());

        Assert.Equal(OperationIds.OrderBy(o => o.Key), operations.Select(o => KeyValuePair.Create(o.Key, (string)o.Value["operationId"]!)).OrderBy(o => o.Key));
        Assert.All(operations, o => Assert.Matches(@"^[A-Z][^\r\n]+$", (string?)o.Value["summary"] ?? ""));
    }

    [Fact]
    public async Task The_account_routes_need_the_X_Auth_Token_and_the_login_routes_none()
    {
        var document = await SwaggerAsync();

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"type":"apiKey","description":"a token from PUT /v2/api_auth or PUT /v2/user_auth, or one Kazoo issued","name":"X-Auth-Token","in":"header"}"""),
            document["components"]!["securitySchemes"]!["X-Auth-Token"]), document["components"]!["securitySchemes"]?.ToJsonString());
        foreach (var (key, operation) in Operations(document))
        {
            var expected = Public.Contains(key) ? "[]" : """[{"X-Auth-Token":[]}]""";
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), operation["security"]), $"{key}: {operation["security"]?.ToJsonString() ?? "no security"}");
            // the scheme replaces the header parameter the document used to list
            Assert.DoesNotContain(operation["parameters"]?.AsArray() ?? [], p => (string?)p!["name"] == "X-Auth-Token");
        }
    }

    [Fact]
    public async Task The_servers_are_the_documents_origin_and_the_default_listener()
    {
        var servers = (await SwaggerAsync())["servers"]!.AsArray().Select(s => (string)s!["url"]!);

        Assert.Equal(["/", "http://127.0.0.1:8000"], servers);
    }

    [Fact]
    public async Task The_answers_are_still_Kazoo_envelopes()
    {
        var document = await SwaggerAsync();

        Assert.Equal("#/components/schemas/ConferenceEnvelope", Schema(document["paths"]![Conferences]!["put"]!, "201"));
        Assert.Equal("#/components/schemas/ConferenceListEnvelope", Schema(document["paths"]![Conferences]!["get"]!, "200"));
        Assert.All(Operations(document), o => Assert.Equal("#/components/schemas/ErrorEnvelope", Schema(o.Value, "401")));
        Assert.All(Operations(document).Where(o => o.Key.StartsWith("put ", StringComparison.Ordinal)),
            o => Assert.Contains("data", o.Value["requestBody"]!["content"]!["application/json"]!["schema"]!["required"]!.AsArray().Select(r => (string?)r)));
    }

    private async Task<JsonNode> SwaggerAsync()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/swagger/v2/swagger.json");
        answer.ExpectStatus(HttpStatusCode.OK);
        return answer.Json!;
    }

    private static List<KeyValuePair<string, JsonNode>> Operations(JsonNode document) =>
        [.. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(operation => KeyValuePair.Create($"{operation.Key} {path.Key}", operation.Value!)))];

    private static string? Schema(JsonNode operation, string status) =>
        (string?)operation["responses"]![status]!["content"]!["application/json"]!["schema"]!["$ref"];
}
