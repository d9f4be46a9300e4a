using Conferences.Api.Tests.Robustness;

namespace Conferences.Api.Tests.Dial;

/// <summary>Every dial validation error of <c>cb_conferences:dial/3</c>, exactly, through HTTP.</summary>
public sealed class DialValidationTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    private const string NoEndpoints = "\"data.endpoints\":{\"minItems\":{\"message\":\"endpoints failed to resolve to route-able destinations\",\"target\":1}}";

    public static TheoryData<string, string> Cases => new()
    {
        // D missing (envelope data null is no data at all)
        { """{"action":"dial","data":{"data":null}}""", "{" + "\"endpoints\":{\"required\":{\"message\":\"Field is required but missing\",\"value\":\"endpoints\"}}," + NoEndpoints + "}" },
        { """{"action":"dial","data":{}}""", "{" + "\"endpoints\":{\"required\":{\"message\":\"Field is required but missing\",\"value\":\"endpoints\"}}," + NoEndpoints + "}" },
        { """{"action":"dial","data":{"endpoints":[]}}""", "{" + "\"endpoints\":{\"minItems\":{\"message\":\"The list must have at least 1 items\",\"target\":1,\"value\":[]}}," + NoEndpoints + "}" },
        { """{"action":"dial","data":{"endpoints":"sip:alice@example.com"}}""", "{" + "\"endpoints\":{\"type\":{\"message\":\"Value did not match type(s): array\",\"target\":\"array\",\"value\":\"sip:alice@example.com\"}}," + NoEndpoints + "}" },
        { """{"action":"dial","data":{"endpoints":["1000",42]}}""", "{" + "\"endpoints.1\":{\"not_one_schema_valid\":{\"message\":\"failed to validate\",\"value\":42}}," + NoEndpoints + "}" },
        { """{"action":"dial","data":{"endpoints":["1000"],"participant_flags":["loud"]}}""", "{" + "\"participant_flags.0\":{\"enum\":{\"message\":\"Value not found in enumerated list of values\",\"target\":[\"mute\",\"deaf\",\"distribute_dtmf\",\"is_moderator\",\"disable_moh\",\"ghost\",\"join_existing\",\"video_mute\"],\"value\":\"loud\"}}," + NoEndpoints + "}" },
        { """{"action":"dial","data":{"endpoints":["1000"],"timeout":0}}""", "{" + "\"timeout\":{\"minimum\":{\"message\":\"Value must be at least 1\",\"target\":1,\"value\":0}}," + NoEndpoints + "}" },
        { """{"action":"dial","data":{"endpoints":["1000"],"caller_id_name":5}}""", "{" + "\"caller_id_name\":{\"type\":{\"message\":\"Value did not match type(s): string\",\"target\":\"string\",\"value\":5}}," + NoEndpoints + "}" },
        // resolution errors, 1-based
        { """{"action":"dial","data":{"endpoints":["1000","alice","sip:bob@example.com","12345"]}}""", """{"data.endpoints.2":{"enum":{"message":"Value not a number, device or user ID, or SIP endpoint"}},"data.endpoints.4":{"enum":{"message":"Value not a number, device or user ID, or SIP endpoint"}}}""" },
        { """{"action":"dial","data":{"endpoints":["sip:"]}}""", "{" + "\"data.endpoints.1\":{\"not_found\":{\"message\":\"ID sip: not found\"}}," + NoEndpoints + "}" },
        { """{"action":"dial","data":{"endpoints":["f0000000000000000000000000000000"]}}""", "{" + NoEndpoints + "}" },
        { """{"action":"dial","data":{"endpoints":["f0000000000000000000000000000000","alice"]}}""", "{" + "\"data.endpoints.2\":{\"enum\":{\"message\":\"Value not a number, device or user ID, or SIP endpoint\"}}," + NoEndpoints + "}" },
        { """{"action":"dial","data":{"endpoints":[{"id":"off","enabled":false,"sip":{"username":"u"}}]}}""", "{" + "\"data.endpoints.1\":{\"not_found\":{\"message\":\"ID off not found\"}}," + NoEndpoints + "}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Dial_validation_errors_are_kazoos(string body, string errors)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, $"conferences/{Guid.NewGuid():N}", Body.Json(body));

        answer.ExpectError(HttpStatusCode.BadRequest, "validation error");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(errors), answer.Data), $"expected {errors}\n but got {answer.Data?.ToJsonString()}");
    }

    [Fact]
    public async Task Dial_data_that_is_not_an_object_is_a_type_error()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, $"conferences/{Guid.NewGuid():N}", Body.Json("""{"action":"dial","data":{"data":"sip:alice@example.com"}}"""));

        Assert.Equal("object", (string?)answer.ExpectValidationError("data", "type")["target"]);
        Assert.NotNull(answer.Data!["data.endpoints"]?["minItems"]);
    }

    [Fact]
    public async Task A_user_without_devices_fails_min_items_at_its_position()
    {
        var account = await api.NewAccountAsync();
        var userId = Core.Kazoo.KazooIds.NewId();
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Core.Storage.IDocumentStore>(api.Services)
            .SaveAsync(Core.Kazoo.AccountDatabase.Encoded(account.Id), new JsonObject { ["_id"] = userId, ["pvt_type"] = "user", ["first_name"] = "Ada" }, CancellationToken.None);

        var answer = await account.DialAsync($"room-{Guid.NewGuid():N}", DialRequests.Endpoints("1000", userId));

        var error = answer.ExpectValidationError("data.endpoints.2", "minItems");
        Assert.Equal($"user {userId} failed to resolve to route-able destinations", (string?)error["message"]);
        Assert.Equal(1, (int?)error["target"]);
    }

    public static TheoryData<string> OddBodies => new()
    {
        """{"action":"dial","data":[]}""",
        """{"action":"dial","data":["sip:a@b"]}""",
        """{"action":"dial","data":{"data":[]}}""",
        """{"action":"dial","data":{"data":5}}""",
        """{"action":"dial","data":{"endpoints":[null]}}""",
        """{"action":"dial","data":{"endpoints":[[]]}}""",
        """{"action":"dial","data":{"endpoints":[""]}}""",
        """{"action":"dial","data":{"endpoints":[{}]}}""",
        """{"action":"dial","data":{"endpoints":[{"sip":"x"}]}}""",
        """{"action":"dial","data":{"endpoints":[{"sip":{"username":5,"realm":{}}}]}}""",
        """{"action":"dial","data":{"endpoints":["1000"],"timeout":1e400}}""",
        """{"action":"dial","data":{"endpoints":["1000"],"timeout":99999999999999999999999}}""",
        """{"action":"dial","data":{"endpoints":["1000"],"timeout":"abc"}}""",
        """{"action":"dial","data":{"endpoints":["1000"],"outbound_call_id":{}}}""",
        """{"action":"dial","data":{"endpoints":["1000"],"custom_application_vars":[1]}}""",
        """{"action":"dial","data":{"endpoints":["_design/conferences_______________"]}}""",
        """{"action":"dial","data":{"endpoints":["_design/conferencesxxxxxxxxxxxxx"]}}""",
        """{"action":"dial","data":{"endpoints":["sip:<a@b>"]}}""",
        """{"action":"dial","data":{"endpoints":["sip:a@[::1"]}}""",
        """{"action":{},"data":{}}""",
        """{"action":["dial"],"data":{}}""",
        """{"data":{"action":5}}""",
    };

    [Theory]
    [MemberData(nameof(OddBodies))]
    public async Task Odd_dial_bodies_never_answer_500(string body)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, $"conferences/{Guid.NewGuid():N}?data=x&timeout=abc", Body.Json(body));

        NoServerError.Assert(answer, "PUT");
    }
}
