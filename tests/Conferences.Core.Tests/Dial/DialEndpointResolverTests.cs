using System.Text.Json.Nodes;

namespace Conferences.Core.Tests.Dial;

/// <summary>
/// Every branch of dial's endpoint resolution and its errors, keyed by 1-based position (<c>cb_conferences:build_endpoints_to_dial/3</c>),
/// with device and user documents written directly into the account database.
/// </summary>
public sealed class DialEndpointResolverTests
{
    private const string DeviceA = "d0000000000000000000000000000001";
    private const string DeviceB = "d0000000000000000000000000000002";
    private const string DeviceC = "d0000000000000000000000000000003";
    private const string UserId = "a0000000000000000000000000000001";
    private const string OtherUser = "a0000000000000000000000000000002";
    private const string Missing = "f0000000000000000000000000000000";

    private readonly DialHarness harness = new();

    [Fact]
    public async Task A_sip_uri_becomes_a_route_endpoint_of_a_synthetic_device()
    {
        var resolved = await harness.ResolveAsync("sip:alice@pbx.example.com:5070;transport=tcp");

        Assert.Empty(resolved.Errors);
        AssertJson($$$$"""
            {"Invite-Format":"route","To-User":"alice","To-Username":"alice","To-Realm":"pbx.example.com",
             "Route":"sip:alice@pbx.example.com:5070;transport=tcp",
             "Outbound-Caller-ID-Name":"Sales","Outbound-Caller-ID-Number":"5550100",
             "Presence-ID":"alice@{{{{DialHarness.Realm}}}}",
             "Custom-Channel-Vars":{"Account-ID":"{{{{DialHarness.AccountId}}}}"}}
            """, Assert.Single(resolved.Endpoints));
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
        var resolved = await harness.ResolveAsync("4155551234");

        Assert.Empty(resolved.Errors);
        AssertJson($$$$"""
            {"Invite-Format":"loopback","Route":"4155551234","To-DID":"4155551234","To-Realm":"{{{{DialHarness.Realm}}}}",
             "Simplify-Loopback":true,
             "Custom-Channel-Vars":{"Account-ID":"{{{{DialHarness.AccountId}}}}","Authorizing-Type":"conference",
               "Authorizing-ID":"{{{{DialHarness.ConferenceId}}}}",
               "Loopback-Request-URI":"4155551234@{{{{DialHarness.Realm}}}}","Request-URI":"4155551234@{{{{DialHarness.Realm}}}}"}}
            """, Assert.Single(resolved.Endpoints));
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

        var resolved = await harness.ResolveAsync(DeviceA);

        Assert.Empty(resolved.Errors);
        AssertJson($$$$"""
            {"Invite-Format":"username","To-User":"alice100","To-Username":"alice100","To-Realm":"sip.example.org",
             "To-DID":"100","Outbound-Caller-ID-Name":"Sales","Outbound-Caller-ID-Number":"5550100",
             "Endpoint-ID":"{{{{DeviceA}}}}","Presence-ID":"alice100@{{{{DialHarness.Realm}}}}",
             "Custom-Channel-Vars":{"Account-ID":"{{{{DialHarness.AccountId}}}}","Authorizing-ID":"{{{{DeviceA}}}}",
               "Authorizing-Type":"device","Owner-ID":"{{{{UserId}}}}"}}
            """, Assert.Single(resolved.Endpoints));
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

    [Fact]
    public async Task A_user_id_becomes_one_endpoint_per_device_the_user_owns()
    {
        harness.AddUser(UserId);
        harness.AddDevice(DeviceA, "ada-desk", ownerId: UserId);
        harness.AddDevice(DeviceB, "ada-soft", ownerId: UserId);
        harness.AddDevice(DeviceC, "someone-else", ownerId: OtherUser);

        var resolved = await harness.ResolveAsync(UserId);

        Assert.Empty(resolved.Errors);
        Assert.Equal(new[] { DeviceA, DeviceB }, resolved.Endpoints.Select(e => (string?)e["Endpoint-ID"]));
        Assert.All(resolved.Endpoints, e => Assert.Equal(UserId, (string?)e["Custom-Channel-Vars"]!["Owner-ID"]));
    }

    [Fact]
    public async Task A_users_devices_follow_kazoos_owned_view_hotdesk_users_win_over_the_owner()
    {
        harness.AddUser(UserId);
        harness.AddDevice(DeviceA, "hotdesked-here", ownerId: OtherUser, tweak: d => d["hotdesk"] = new JsonObject { ["users"] = new JsonObject { [UserId] = new JsonObject() } });
        harness.AddDevice(DeviceB, "owned-but-hotdesked-away", ownerId: UserId, tweak: d => d["hotdesk"] = new JsonObject { ["users"] = new JsonObject { [OtherUser] = new JsonObject() } });
        harness.AddDevice(DeviceC, "deleted", ownerId: UserId, tweak: d => d["pvt_deleted"] = true);

        var resolved = await harness.ResolveAsync(UserId);

        Assert.Equal(new[] { DeviceA }, resolved.Endpoints.Select(e => (string?)e["Endpoint-ID"]));
    }

    [Fact]
    public async Task A_user_without_a_buildable_device_fails_min_items()
    {
        harness.AddUser(UserId);
        harness.AddDevice(DeviceA, "disabled", ownerId: UserId, tweak: d => d["enabled"] = false);

        var resolved = await harness.ResolveAsync("1000", UserId);

        AssertJson($$$$"""
            {"data.endpoints.2":{"minItems":{"message":"user {{{{UserId}}}} failed to resolve to route-able destinations","target":1}}}
            """, resolved.Errors);
        Assert.Single(resolved.Endpoints);
    }

    [Fact]
    public async Task A_missing_document_is_skipped_silently_and_counts_as_a_position()
    {
        var resolved = await harness.ResolveAsync(Missing, "alice");

        Assert.Empty(resolved.Endpoints);
        AssertJson("""{"data.endpoints.2":{"enum":{"message":"Value not a number, device or user ID, or SIP endpoint"}}}""", resolved.Errors);
    }

    [Fact]
    public async Task A_deleted_document_is_skipped_silently_and_does_not_count_as_a_position()
    {
        harness.AddDevice(DeviceA, "gone", tweak: d => d["pvt_deleted"] = true);
        harness.AddUser(UserId, deleted: true);

        var resolved = await harness.ResolveAsync(DeviceA, UserId, "alice");

        Assert.Empty(resolved.Endpoints);
        AssertJson("""{"data.endpoints.1":{"enum":{"message":"Value not a number, device or user ID, or SIP endpoint"}}}""", resolved.Errors);
    }

    [Fact]
    public async Task A_document_of_another_type_is_not_found()
    {
        harness.Store.PutInAccount(DialHarness.AccountId, new JsonObject { ["_id"] = DeviceA, ["pvt_type"] = "conference", ["name"] = "x" });

        var resolved = await harness.ResolveAsync(DeviceA);

        AssertJson($$$$"""{"data.endpoints.1":{"not_found":{"message":"ID {{{{DeviceA}}}} not found"}}}""", resolved.Errors);
    }

    [Fact]
    public async Task Thirty_two_bytes_not_characters_make_a_document_id()
    {
        var sixteenTwoByteChars = new string('é', 16);

        var resolved = await harness.ResolveAsync(sixteenTwoByteChars);

        Assert.Empty(resolved.Errors);
        Assert.Empty(resolved.Endpoints);
        Assert.Equal(1, harness.Store.Reads);
    }

    [Fact]
    public async Task A_device_object_is_built_like_a_device_with_a_random_id()
    {
        var resolved = await harness.ResolveAsync(new JsonObject { ["sip"] = new JsonObject { ["username"] = "inline", ["realm"] = "r.example.com" } });

        var endpoint = Assert.Single(resolved.Endpoints);
        var id = (string)endpoint["Endpoint-ID"]!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal("inline", (string?)endpoint["To-User"]);
        Assert.Equal("r.example.com", (string?)endpoint["To-Realm"]);
        Assert.Equal(id, (string?)endpoint["Custom-Channel-Vars"]!["Authorizing-ID"]);
        Assert.Equal("device", (string?)endpoint["Custom-Channel-Vars"]!["Authorizing-Type"]);
    }

    [Fact]
    public async Task A_device_object_keeps_its_own_id()
    {
        var resolved = await harness.ResolveAsync(new JsonObject { ["id"] = "my-phone", ["sip"] = new JsonObject { ["username"] = "u" } });

        Assert.Equal("my-phone", (string?)Assert.Single(resolved.Endpoints)["Endpoint-ID"]);
    }

    [Fact]
    public async Task A_device_object_that_cannot_be_built_is_not_found_under_its_id()
    {
        var resolved = await harness.ResolveAsync("1000", new JsonObject { ["id"] = "off", ["enabled"] = false, ["sip"] = new JsonObject { ["username"] = "u" } },
            new JsonObject { ["name"] = "no sip settings" });

        Assert.Single(resolved.Endpoints);
        Assert.Equal("ID off not found", (string?)resolved.Errors["data.endpoints.2"]!["not_found"]!["message"]);
        Assert.Matches("^ID [0-9a-f]{32} not found$", (string?)resolved.Errors["data.endpoints.3"]!["not_found"]!["message"]);
    }

    [Fact]
    public async Task Endpoints_keep_the_order_of_the_request()
    {
        harness.AddDevice(DeviceA, "alice");

        var resolved = await harness.ResolveAsync("1000", "sip:bob@example.com", DeviceA, "2000");

        Assert.Equal(new string?[] { "1000", "sip:bob@example.com", null, "2000" }, resolved.Endpoints.Select(e => (string?)e["Route"]));
        Assert.Equal(DeviceA, (string?)resolved.Endpoints[2]["Endpoint-ID"]);
    }

    internal static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {JsonNode.Parse(expected)!.ToJsonString()}\n but got {actual?.ToJsonString()}");
}
