namespace Conferences.Api.Tests.Console;

/// <summary>
/// The sandbox's routes (<c>/v2/accounts/{id}/x_simulator</c>, docs/console.md) through the front door: callers join,
/// talk and hang up on the in-process simulator; bad input is a Kazoo validation error; another account's conference
/// and participant are 404; the files of the console are served at <c>/</c> and never under <c>/v2</c>.
/// </summary>
public sealed class SandboxHttpTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_simulated_caller_joins_talks_and_hangs_up()
    {
        var account = await api.NewAccountAsync();
        var conference = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Sandboxed" });

        (await account.GetAsync("x_simulator")).ExpectStatus(HttpStatusCode.OK);
        var joined = (await account.SendAsync(HttpMethod.Put, $"x_simulator/conferences/{conference}/participants",
            Body.Data(new JsonObject { ["caller_id_name"] = "Alice", ["caller_id_number"] = "1001", ["is_moderator"] = true })))
            .ExpectStatus(HttpStatusCode.Created).DataObject;
        Assert.Equal("Alice", joined["caller_id_name"]!.GetValue<string>());
        Assert.True(joined["is_moderator"]!.GetValue<bool>());
        var pid = joined["participant_id"]!.GetValue<long>();
        await LiveApi.GetUntilAsync(account, conference, ro => LiveApi.Counts(ro, 0, 1));

        var talking = (await account.SendAsync(HttpMethod.Post, $"x_simulator/conferences/{conference}/participants/{pid}",
            Body.Data(new JsonObject { ["talking"] = true }))).ExpectStatus(HttpStatusCode.OK).DataObject;
        Assert.True(talking["talking"]!.GetValue<bool>());
        await LiveApi.ParticipantsUntilAsync(account, conference, list => list.Count == 1 && list[0]!["talking"]!.GetValue<bool>());

        (await account.SendAsync(HttpMethod.Delete, $"x_simulator/conferences/{conference}/participants/{pid}")).ExpectStatus(HttpStatusCode.OK);
        await LiveApi.GetUntilAsync(account, conference, ro => LiveApi.Counts(ro, 0, 0));
    }

    [Theory]
    [InlineData("""{"caller_id_name":7}""", "caller_id_name", "type")]
    [InlineData("""{"is_moderator":"yes"}""", "is_moderator", "type")]
    public async Task Bad_caller_data_is_a_validation_error_at_its_field(string data, string key, string rule)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "x_simulator/conferences/c1/participants", Body.Data(JsonNode.Parse(data)!.AsObject()));

        answer.ExpectValidationError(key, rule);
    }

    [Fact]
    public async Task Talking_needs_a_boolean_and_a_participant_of_the_accounts_conference()
    {
        var owner = await api.NewAccountAsync();
        var other = await api.NewAccountAsync();
        var joined = (await owner.SendAsync(HttpMethod.Put, "x_simulator/conferences/mine/participants", Body.Data(new JsonObject())))
            .ExpectStatus(HttpStatusCode.Created).DataObject["participant_id"]!.GetValue<long>();

        (await owner.SendAsync(HttpMethod.Post, $"x_simulator/conferences/mine/participants/{joined}", Body.Data(new JsonObject())))
            .ExpectValidationError("talking", "required");
        (await other.SendAsync(HttpMethod.Post, $"x_simulator/conferences/mine/participants/{joined}", Body.Data(new JsonObject { ["talking"] = true })))
            .ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        (await other.SendAsync(HttpMethod.Put, "x_simulator/conferences/mine/participants", Body.Data(new JsonObject())))
            .ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        (await owner.SendAsync(HttpMethod.Delete, "x_simulator/conferences/mine/participants/nope")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        (await owner.SendAsync(HttpMethod.Delete, $"x_simulator/conferences/mine/participants/{joined}")).ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sandbox_needs_the_accounts_token()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "x_simulator/conferences/c1/participants", Body.Data(new JsonObject()), withToken: false);

        answer.ExpectStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_console_is_served_at_the_root_and_not_under_v2()
    {
        var root = await api.SendAsync(HttpMethod.Get, "/");
        root.ExpectStatus(HttpStatusCode.OK);
        Assert.Contains("<title>Conferences console</title>", root.Body, StringComparison.Ordinal);
        (await api.SendAsync(HttpMethod.Get, "/js/main.js")).ExpectStatus(HttpStatusCode.OK);

        (await api.SendAsync(HttpMethod.Get, "/v2/index.html")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await api.SendAsync(HttpMethod.Get, "/v2/js/main.js")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await api.SendAsync(HttpMethod.Get, "/health")).ExpectStatus(HttpStatusCode.OK);
    }
}

/// <summary>Without the in-process simulator the sandbox does not exist: its paths are crossbar's 404.</summary>
public sealed class SandboxWithoutSimulatorTests(NoMediaServerApiFactory api) : IClassFixture<NoMediaServerApiFactory>
{
    [Fact]
    public async Task The_sandbox_routes_are_404_when_the_simulator_does_not_run_in_the_service()
    {
        var account = await api.NewAccountAsync();

        (await account.GetAsync("x_simulator")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await account.SendAsync(HttpMethod.Put, "x_simulator/conferences/c1/participants", Body.Data(new JsonObject())))
            .ExpectError(HttpStatusCode.NotFound, "not_found");
    }
}
