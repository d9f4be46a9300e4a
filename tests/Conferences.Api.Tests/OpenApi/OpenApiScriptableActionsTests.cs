namespace Conferences.Api.Tests.OpenApi;

/// <summary>The OpenAPI document shows the additions of docs/compatibility.md "Actions a script can trust".</summary>
public sealed class OpenApiScriptableActionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Acting =
        ["CreateConference", "HandleConferenceAction", "HandleAllParticipantsAction", "HandleParticipantAction", "CreateChildAccount"];

    private static readonly string[] Actions = ["HandleConferenceAction", "HandleAllParticipantsAction", "HandleParticipantAction"];

    [Fact]
    public async Task The_acting_puts_take_an_idempotency_key_and_the_actions_wait_applied()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/swagger/v2/swagger.json");
        var operations = answer.ExpectStatus(HttpStatusCode.OK).Json!["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(o => o.Value!))
            .ToDictionary(o => (string)o["operationId"]!);

        foreach (var (id, operation) in operations)
        {
            var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => ((string?)p!["name"], (string?)p["in"])).ToList();
            Assert.Equal(Acting.Contains(id), parameters.Contains(("Idempotency-Key", "header")));
            Assert.Equal(Acting.Contains(id), operation["responses"]!["422"] is not null);
            Assert.Equal(Actions.Contains(id), parameters.Contains(("wait", "query")));
            Assert.Equal(Actions.Contains(id), operation["responses"]!["202"] is not null);
        }
        Assert.NotNull(operations["CreateConference"]["responses"]!["201"]!["headers"]!["Idempotent-Replayed"]);
    }
}
