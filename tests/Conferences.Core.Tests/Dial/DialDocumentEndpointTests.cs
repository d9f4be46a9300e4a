using static Conferences.Core.Tests.Dial.DialEndpointResolverTests;

namespace Conferences.Core.Tests.Dial;

/// <summary>Dial endpoints that name documents of the account (users, missing, deleted, other types) or inline device objects (<c>cb_conferences:build_endpoints_to_dial/3</c>).</summary>
public sealed class DialDocumentEndpointTests
{
    private readonly DialHarness harness = new();

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
}
