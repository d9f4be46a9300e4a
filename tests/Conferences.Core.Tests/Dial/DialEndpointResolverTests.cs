namespace Conferences.Core.Tests.Dial;

/// <summary>
/// Every branch of dial's endpoint resolution and its errors, keyed by 1-based position (<c>cb_conferences:build_endpoints_to_dial/3</c>),
/// with device and user documents written directly into the account database.
/// </summary>
public sealed class DialEndpointResolverTests
{
    internal const string DeviceA = "d0000000000000000000000000000001";
    internal const string DeviceB = "d0000000000000000000000000000002";
    internal const string DeviceC = "d0000000000000000000000000000003";
    internal const string UserId = "a0000000000000000000000000000001";
    internal const string OtherUser = "a0000000000000000000000000000002";
    internal const string Missing = "f0000000000000000000000000000000";

    private readonly DialHarness harness = new();

    [Fact]
    public async Task A_sip_uri_becomes_a_route_endpoint_of_a_synthetic_device()
    {
        var endpoint = await harness.ResolveOneAsync("sip:alice@pbx.example.com:5070;transport=tcp");

        AssertJson($$$$"""
            {"Invite-Format":"route","To-User":"alice","To-Username":"alice","To-Realm":"pbx.example.com",
             "Route":"sip:alice@pbx.example.com:5070;transport=tcp",
             "Outbound-Caller-ID-Name":"Sales","Outbound-Caller-ID-Number":"5550100",
             "Presence-ID":"alice@{{{{DialHarness.Realm}}}}",
             "Custom-Channel-Vars":{"Account-ID":"{{{{DialHarness.AccountId}}}}"}}
            """, endpoint);
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:alice@")]
    [InlineData("sip:al ice@example.com")]
    public async Task A_sip_uri_without_a_host_is_not_found(string uri)
    {
        var resolved = await harness.ResolveAsync("1000", uri);

        AssertJson($$$$"""{"data.endpoints.2":{"not_found":{"message":"ID {{{{uri}}}} not found"}}}""", resolved.Errors);
        Assert.Single(resolved.Endpoints);
    }

    [Fact]
    public async Task A_number_becomes_a_loopback_endpoint_with_the_number_as_given()
    {
        var endpoint = await harness.ResolveOneAsync("4155551234");

        AssertJson($$$$"""
            {"Invite-Format":"loopback","Route":"4155551234","To-DID":"4155551234","To-Realm":"{{{{DialHarness.Realm}}}}",
             "Simplify-Loopback":true,
             "Custom-Channel-Vars":{"Account-ID":"{{{{DialHarness.AccountId}}}}","Authorizing-Type":"conference",
               "Authorizing-ID":"{{{{DialHarness.ConferenceId}}}}",
               "Loopback-Request-URI":"4155551234@{{{{DialHarness.Realm}}}}","Request-URI":"4155551234@{{{{DialHarness.Realm}}}}"}}
            """, endpoint);
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("*97")]
    [InlineData("+442071234567")]
    [InlineData("011442071234567")]
    public async Task Extensions_and_reconcilable_numbers_are_loopback_legs(string number)
    {
        var resolved = await harness.ResolveAsync(number);

        Assert.Empty(resolved.Errors);
        Assert.Equal("loopback", (string?)Assert.Single(resolved.Endpoints)["Invite-Format"]);
        Assert.Equal(number, (string?)resolved.Endpoints[0]["Route"]);
    }

    [Fact]
    public async Task Strings_that_are_no_endpoint_fail_enum_at_their_one_based_position()
    {
        var resolved = await harness.ResolveAsync("sip:alice@example.com", "alice", "1000", "415-555-1234", "");

        AssertJson("""
            {"data.endpoints.2":{"enum":{"message":"Value not a number, device or user ID, or SIP endpoint"}},
             "data.endpoints.4":{"enum":{"message":"Value not a number, device or user ID, or SIP endpoint"}},
             "data.endpoints.5":{"enum":{"message":"Value not a number, device or user ID, or SIP endpoint"}}}
            """, resolved.Errors);
        Assert.Equal(2, resolved.Endpoints.Count);
    }

    [Fact]
    public async Task A_device_id_becomes_the_devices_sip_endpoint()
    {
        harness.AddDevice(DeviceA, "alice100", ownerId: UserId, tweak: d =>
        {
            d["sip"]!["realm"] = "sip.example.org";
            d["sip"]!["number"] = "100";
        });

        var endpoint = await harness.ResolveOneAsync(DeviceA);

        AssertJson($$$$"""
            {"Invite-Format":"username","To-User":"alice100","To-Username":"alice100","To-Realm":"sip.example.org",
             "To-DID":"100","Outbound-Caller-ID-Name":"Sales","Outbound-Caller-ID-Number":"5550100",
             "Endpoint-ID":"{{{{DeviceA}}}}","Presence-ID":"alice100@{{{{DialHarness.Realm}}}}",
             "Custom-Channel-Vars":{"Account-ID":"{{{{DialHarness.AccountId}}}}","Authorizing-ID":"{{{{DeviceA}}}}",
               "Authorizing-Type":"device","Owner-ID":"{{{{UserId}}}}"}}
            """, endpoint);
    }

    [Fact]
    public async Task A_device_without_its_own_realm_uses_the_account_realm_and_its_presence_id()
    {
        harness.AddDevice(DeviceA, "bob", tweak: d => d["presence_id"] = "2001");

        var endpoint = Assert.Single((await harness.ResolveAsync(DeviceA)).Endpoints);

        Assert.Equal(DialHarness.Realm, (string?)endpoint["To-Realm"]);
        Assert.Equal($"2001@{DialHarness.Realm}", (string?)endpoint["Presence-ID"]);
    }

    [Theory]
    [InlineData("""{"enabled":false}""")]
    [InlineData("""{"do_not_disturb":{"enabled":true}}""")]
    [InlineData("""{"device_type":"mobile"}""")]
    [InlineData("""{"device_type":"unknown_type","sip":{}}""")]
    public async Task A_device_the_builder_refuses_is_not_found(string overrides)
    {
        harness.AddDevice(DeviceA, "alice", tweak: d =>
        {
            foreach (var (key, value) in JsonNode.Parse(overrides)!.AsObject())
            {
                d[key] = value?.DeepClone();
            }
        });

        var resolved = await harness.ResolveAsync(DeviceA);

        Assert.Empty(resolved.Endpoints);
        AssertJson($$$$"""{"data.endpoints.1":{"not_found":{"message":"ID {{{{DeviceA}}}} not found"}}}""", resolved.Errors);
    }

    [Fact]
    public async Task A_device_whose_id_is_the_conference_id_is_not_dialled_into_itself()
    {
        harness.AddDevice(DialHarness.ConferenceId.PadRight(32, 'x'), "alice");
        var call = DialHarness.Call() with { ConferenceId = DialHarness.ConferenceId.PadRight(32, 'x') };

        var resolved = await new Core.Dial.DialEndpointResolver(harness.Documents)
            .ResolveAsync(call, [call.ConferenceId], CancellationToken.None);

        Assert.Empty(resolved.Endpoints);
        Assert.NotNull(resolved.Errors["data.endpoints.1"]?["not_found"]);
    }

    internal static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {JsonNode.Parse(expected)!.ToJsonString()}\n but got {actual?.ToJsonString()}");
}
