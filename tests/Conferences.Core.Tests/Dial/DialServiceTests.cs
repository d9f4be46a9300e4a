using System.Text.Json.Nodes;
using Conferences.Core.Dial;
using Conferences.Core.Errors;
using Conferences.Core.Messaging;
using static Conferences.Core.Tests.Dial.DialEndpointResolverTests;

namespace Conferences.Core.Tests.Dial;

/// <summary>Dial data lookup, validation errors, the kapi request and the answer shapes (<c>cb_conferences:dial/3</c>).</summary>
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

    [Fact]
    public async Task Timeout_defaults_to_twenty_seconds_and_the_wait_is_timeout_times_endpoints()
    {
        await harness.Service.DialAsync(DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("1000", "2000", "sip:a@example.com") }),
            DialHarness.ConferenceId, Conference, default);

        var (request, wait) = Assert.Single(harness.Requester.Calls);
        Assert.Equal(20, (long?)request.Message["Timeout"]);
        Assert.Equal(TimeSpan.FromSeconds(60), wait);
    }

    [Fact]
    public async Task The_wait_is_capped_by_the_configured_maximum()
    {
        var capped = new DialHarness(new DialOptions { MaxWait = TimeSpan.FromSeconds(30) });

        await capped.Service.DialAsync(DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("1000"), ["timeout"] = 999_999_999_999 }),
            DialHarness.ConferenceId, Conference, default);

        var (request, wait) = Assert.Single(capped.Requester.Calls);
        Assert.Equal(TimeSpan.FromSeconds(30), wait);
        Assert.Equal(999_999_999_999, (long?)request.Message["Timeout"]);
    }

    [Fact]
    public async Task A_numeric_string_timeout_is_coerced_like_crossbars_other_validations()
    {
        await harness.Service.DialAsync(DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("1000"), ["timeout"] = "30" }),
            DialHarness.ConferenceId, Conference, default);

        Assert.Equal(30, (long?)Assert.Single(harness.Requester.Calls).Request.Message["Timeout"]);
    }

    [Theory]
    [InlineData(null, "Sales weekly", "Sales weekly")]
    [InlineData("Board", "Sales weekly", "Board")]
    [InlineData("", "Sales weekly", "Sales weekly")]
    [InlineData(null, null, null)]
    public async Task Caller_id_name_falls_back_to_the_conference_name(string? given, string? conferenceName, string? expected)
    {
        var data = new JsonObject { ["endpoints"] = new JsonArray("1000") };
        if (given is not null)
        {
            data["caller_id_name"] = given;
        }
        var conference = new JsonObject { ["_id"] = DialHarness.ConferenceId };
        if (conferenceName is not null)
        {
            conference["name"] = conferenceName;
        }

        await harness.Service.DialAsync(DialHarness.Context(data), DialHarness.ConferenceId, conference, default);

        Assert.Equal(expected, (string?)Assert.Single(harness.Requester.Calls).Request.Message["Caller-ID-Name"]);
    }

    [Fact]
    public async Task The_dial_resp_is_answered_without_its_headers_and_with_normalised_keys()
    {
        harness.Requester.Answer = request => JsonNode.Parse($$$"""
            {"Event-Category":"conference","Event-Name":"command","App-Name":"ecallmgr","App-Version":"5.0.0",
             "Msg-ID":"{{{request["Msg-ID"]}}}","Node":"ecallmgr@sim","Server-ID":"x",
             "Endpoint-Responses":[
               {"Status":"success","Message":"dialing endpoints","Endpoint-ID":"sip:alice@example.com","Call-ID":"c1"},
               {"Status":"error","Message":"USER_BUSY","Endpoint-ID":"sip:busy@example.com"}]}
            """)!.AsObject();

        var data = await harness.Service.DialAsync(
            DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("sip:alice@example.com", "sip:busy@example.com") }),
            DialHarness.ConferenceId, Conference, default);

        AssertJson("""
            {"endpoint_responses":[
              {"status":"success","message":"dialing endpoints","endpoint_id":"sip:alice@example.com","call_id":"c1"},
              {"status":"error","message":"USER_BUSY","endpoint_id":"sip:busy@example.com"}]}
            """, data);
    }

    [Fact]
    public async Task No_valid_reply_within_the_wait_is_the_timed_out_answer()
    {
        harness.Requester.Answer = _ => new JsonObject { ["Event-Category"] = "conference", ["Event-Name"] = "error" };

        var data = await harness.Service.DialAsync(DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("1000") }),
            DialHarness.ConferenceId, Conference, default);

        AssertJson("""{"status":"error","message":"timed out trying to dial endpoints"}""", data);
    }

    [Fact]
    public async Task Without_a_media_manager_in_the_zone_nothing_is_sent_and_no_media_server_is_found()
    {
        harness.Directory.Managers = [new MediaManager("ecallmgr@elsewhere", "other-zone", DateTimeOffset.UtcNow, DateTimeOffset.MaxValue)];

        var data = await harness.Service.DialAsync(DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("1000") }),
            DialHarness.ConferenceId, Conference, default);

        AssertJson("""{"status":"error","message":"conference dial failed to find a media server"}""", data);
        Assert.Empty(harness.Requester.Calls);
    }

    [Fact]
    public async Task The_dial_goes_to_the_configured_zone()
    {
        var zoned = new DialHarness(new DialOptions { Zone = "eu-west" });
        zoned.Directory.Managers = [new MediaManager("ecallmgr@eu", "eu-west", DateTimeOffset.UtcNow, DateTimeOffset.MaxValue)];

        await zoned.Service.DialAsync(DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("1000") }), DialHarness.ConferenceId, Conference, default);

        Assert.Equal("conference.command.eu-west", Assert.Single(zoned.Requester.Calls).Request.RoutingKey);
    }

    [Fact]
    public async Task A_bus_that_is_down_propagates_for_the_503()
    {
        harness.Requester.Failure = new BusUnavailableException("down");

        await Assert.ThrowsAsync<BusUnavailableException>(() => harness.Service.DialAsync(
            DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("1000") }), DialHarness.ConferenceId, Conference, default));
    }

    [Fact]
    public async Task A_request_id_already_waiting_for_a_reply_is_retried_under_a_fresh_msg_id()
    {
        var first = true;
        var requester = new ClashingRequester(() =>
        {
            var clash = first;
            first = false;
            return clash;
        });
        var service = new DialService(harness.Documents, new Core.Accounts.AccountService(harness.Store, TimeProvider.System),
            Core.Validation.KazooSchemaValidator.LoadEmbedded(), requester, harness.Directory,
            Microsoft.Extensions.Options.Options.Create(new DialOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<DialService>.Instance);

        var data = await service.DialAsync(DialHarness.Context(new JsonObject { ["endpoints"] = new JsonArray("1000") }), DialHarness.ConferenceId, Conference, default);

        Assert.Equal(2, requester.MsgIds.Count);
        Assert.Equal("0123456789abcdef0123456789abcdef", requester.MsgIds[0]);
        Assert.Matches("^[0-9a-f]{32}$", requester.MsgIds[1]);
        Assert.NotEqual(requester.MsgIds[0], requester.MsgIds[1]);
        AssertJson("""{"status":"error","message":"timed out trying to dial endpoints"}""", data);
    }

    private static JsonObject WithoutKey(JsonObject message, string key)
    {
        var copy = message.DeepClone().AsObject();
        copy.Remove(key);
        return copy;
    }

    private sealed class ClashingRequester(Func<bool> clash) : IKapiRequester
    {
        public List<string> MsgIds { get; } = [];

        public string ServerId => "clash";

        public Task<KapiCallResult> CallAsync(KapiRequest request, Func<JsonObject, bool> isValid, TimeSpan timeout, CancellationToken cancellationToken)
        {
            MsgIds.Add((string)request.Message["Msg-ID"]!);
            return clash()
                ? throw new InvalidOperationException("a request with this Msg-ID is already waiting for replies")
                : Task.FromResult(new KapiCallResult(null, []));
        }

        public Task<KapiCollection> CollectAsync(KapiRequest request, KapiCollectUntil until, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
