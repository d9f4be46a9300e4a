using static Conferences.Core.Tests.Dial.DialEndpointResolverTests;

namespace Conferences.Core.Tests.Dial;

/// <summary>How long dial waits for <c>dial_resp</c>, what it answers and where it goes (<c>cb_conferences:exec_dial_endpoints/4</c>).</summary>
public sealed class DialRequestTests
{
    private readonly DialHarness harness = new();

    private static readonly JsonObject Conference = new() { ["_id"] = DialHarness.ConferenceId, ["name"] = "Sales weekly" };

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
