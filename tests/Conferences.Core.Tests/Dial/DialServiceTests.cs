using static Conferences.Core.Tests.Dial.DialEndpointResolverTests;

namespace Conferences.Core.Tests.Dial;

/// <summary>Dial data lookup, validation errors and the kapi dial it sends (<c>cb_conferences:dial/3</c>).</summary>
public sealed class DialServiceTests
{
    private const string NoEndpoints = """{"minItems":{"message":"endpoints failed to resolve to route-able destinations","target":1}}""";

    private readonly DialHarness harness = new();

    private static readonly JsonObject Conference = new() { ["_id"] = DialHarness.ConferenceId, ["name"] = "Sales weekly" };

    [Fact]
    public async Task The_flat_form_of_the_php_sdk_dials()
    {
        var context = DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("sip:alice@example.com") }, new JsonObject { ["action"] = "dial" });

        await harness.Service.DialAsync(context, DialHarness.ConferenceId, Conference, default);

        var (request, _) = Assert.Single(harness.Requester.Calls);
        Assert.Equal("conference.command.local", request.RoutingKey);
        Assert.Equal("sip:alice@example.com", (string?)request.Message["Endpoints"]![0]!["Route"]);
    }

    [Fact]
    public async Task The_nested_form_reads_the_dial_data_from_data_data()
    {
        var context = DialHarness.Context(new JsonObject
        {
            ["action"] = "dial",
            ["data"] = new JsonObject { ["endpoints"] = new JsonArray("1000") },
        });

        await harness.Service.DialAsync(context, DialHarness.ConferenceId, Conference, default);

        Assert.Equal("1000", (string?)Assert.Single(harness.Requester.Calls).Request.Message["Endpoints"]![0]!["Route"]);
    }

    [Fact]
    public async Task Missing_dial_data_is_required()
    {
        var error = await Assert.ThrowsAsync<CrossbarException>(() =>
            harness.Service.DialAsync(DialHarness.Context(null), DialHarness.ConferenceId, Conference, default));

        Assert.Equal(400, error.Status);
        AssertJson("""{"data":{"required":{"message":"action 'dial' requires a data object"}}}""", error.ErrorData);
    }

    [Fact]
    public async Task Schema_errors_are_keyed_relative_to_the_dial_data_and_always_come_with_the_endpoints_error()
    {
        var missing = await Assert.ThrowsAsync<CrossbarException>(() =>
            harness.Service.DialAsync(DialHarness.Context(new JsonObject { ["action"] = "dial" }), DialHarness.ConferenceId, Conference, default));
        var empty = await Assert.ThrowsAsync<CrossbarException>(() =>
            harness.Service.DialAsync(DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray(), ["timeout"] = 0 }), DialHarness.ConferenceId, Conference, default));

        AssertJson($$$"""
            {"endpoints":{"required":{"message":"Field is required but missing","value":"endpoints"}},
             "data.endpoints":{{{NoEndpoints}}}}
            """, missing.ErrorData);
        AssertJson($$$"""
            {"endpoints":{"minItems":{"message":"The list must have at least 1 items","target":1,"value":[]}},
             "timeout":{"minimum":{"message":"Value must be at least 1","target":1,"value":0}},
             "data.endpoints":{{{NoEndpoints}}}}
            """, empty.ErrorData);
        Assert.Empty(harness.Requester.Calls);
    }

    [Fact]
    public async Task Dial_data_that_is_not_an_object_is_a_type_error()
    {
        var error = await Assert.ThrowsAsync<CrossbarException>(() => harness.Service.DialAsync(
            DialHarness.Context(new JsonObject(), query: new() { ["data"] = "sip:alice@example.com" }), DialHarness.ConferenceId, Conference, default));

        AssertJson($$$"""
            {"data":{"type":{"message":"Value did not match type(s): object","target":"object","value":"sip:alice@example.com"}},
             "data.endpoints":{{{NoEndpoints}}}}
            """, error.ErrorData);
    }

    [Fact]
    public async Task Nothing_resolved_is_the_endpoints_min_items_error()
    {
        var error = await Assert.ThrowsAsync<CrossbarException>(() => harness.Service.DialAsync(
            DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("f0000000000000000000000000000000") }), DialHarness.ConferenceId, Conference, default));

        AssertJson($$$"""{"data.endpoints":{{{NoEndpoints}}}}""", error.ErrorData);
    }

    [Fact]
    public async Task Any_endpoint_error_fails_the_dial_even_when_others_resolved()
    {
        var error = await Assert.ThrowsAsync<CrossbarException>(() => harness.Service.DialAsync(
            DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("1000", "alice") }), DialHarness.ConferenceId, Conference, default));

        Assert.Equal(400, error.Status);
        AssertJson("""{"data.endpoints.2":{"enum":{"message":"Value not a number, device or user ID, or SIP endpoint"}}}""", error.ErrorData);
        Assert.Empty(harness.Requester.Calls);
    }

    [Fact]
    public async Task The_dial_request_carries_exactly_the_kapi_dial_keys()
    {
        var context = DialHarness.Context(new JsonObject
        {
            ["endpoints"] = new JsonArray("1000"),
            ["caller_id_name"] = "Board",
            ["caller_id_number"] = "5550100",
            ["timeout"] = 7,
            ["participant_flags"] = new JsonArray("mute", "is_moderator"),
            ["profile_name"] = "large",
            ["outbound_call_id"] = "leg-1",
            ["target_call_id"] = "existing-call",
            ["custom_application_vars"] = new JsonObject { ["ticket"] = "42" },
        }, new JsonObject { ["action"] = "dial" });

        await harness.Service.DialAsync(context, DialHarness.ConferenceId, Conference, default);

        var (request, wait) = Assert.Single(harness.Requester.Calls);
        var message = request.Message;
        Assert.Equal(
            new[]
            {
                "Account-ID", "App-Name", "App-Version", "Application-Name", "Caller-ID-Name", "Caller-ID-Number",
                "Conference-ID", "Custom-Application-Vars", "Endpoints", "Event-Category", "Event-Name", "Msg-ID", "Node",
                "Outbound-Call-ID", "Participant-Flags", "Profile-Name", "Target-Call-ID", "Timeout",
            },
            message.Select(p => p.Key).Order(StringComparer.Ordinal));
        AssertJson($$$"""
            {"Account-ID":"{{{DialHarness.AccountId}}}","App-Name":"crossbar","App-Version":"4.0.0","Application-Name":"dial",
             "Caller-ID-Name":"Board","Caller-ID-Number":"5550100","Conference-ID":"{{{DialHarness.ConferenceId}}}",
             "Custom-Application-Vars":{"ticket":"42"},"Event-Category":"conference","Event-Name":"command",
             "Msg-ID":"0123456789abcdef0123456789abcdef","Node":"crossbar@test","Outbound-Call-ID":"leg-1",
             "Participant-Flags":["mute","is_moderator"],"Profile-Name":"large","Target-Call-ID":"existing-call","Timeout":7}
            """, WithoutKey(message, "Endpoints"));
        Assert.Equal(TimeSpan.FromSeconds(7), wait);
    }

    private static JsonObject WithoutKey(JsonObject message, string key)
    {
        var copy = message.DeepClone().AsObject();
        copy.Remove(key);
        return copy;
    }
}
