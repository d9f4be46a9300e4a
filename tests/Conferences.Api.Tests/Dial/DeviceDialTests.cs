namespace Conferences.Api.Tests.Dial;

/// <summary>
/// Dialling device and user documents of the account (<c>cb_conferences:build_endpoints_to_dial/3</c>), written straight into the store
/// until devices and users have an API of their own; on both storage providers, since a user's devices come from a view.
/// </summary>
public abstract class DeviceDialTests(ApiFactory api)
{
    [Fact]
    public async Task A_user_is_dialled_on_every_device_it_owns()
    {
        await api.MediaManagerKnownAsync();
        var account = await api.NewAccountAsync();
        var userId = KazooIds.NewId();
        var desk = KazooIds.NewId();
        var soft = KazooIds.NewId();
        var colleague = KazooIds.NewId();
        await SaveAsync(account, new JsonObject { ["_id"] = userId, ["first_name"] = "Ada", ["pvt_type"] = "user" });
        await SaveAsync(account, Device(desk, "ada-desk", userId));
        await SaveAsync(account, Device(soft, "ada-soft", userId));
        await SaveAsync(account, Device(colleague, "bob-desk", KazooIds.NewId()));
        var id = $"users-{Guid.NewGuid():N}";

        var answer = await account.DialAsync(id, DialRequests.Endpoints(userId));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal(2, answer.DataObject["endpoint_responses"]!.AsArray().Count);
        Assert.Equal("success", (string?)answer.ResponseFor(desk)["status"]);
        Assert.Equal("success", (string?)answer.ResponseFor(soft)["status"]);
        var conference = await api.ConferenceWithAsync(id, 2);
        Assert.All(conference!.Participants, p => Assert.Equal(userId, (string?)p.CustomChannelVars["Owner-ID"]));
    }

    [Fact]
    public async Task A_deleted_device_is_skipped_and_a_user_without_devices_is_an_error()
    {
        var account = await api.NewAccountAsync();
        var userId = KazooIds.NewId();
        var gone = KazooIds.NewId();
        await SaveAsync(account, new JsonObject { ["_id"] = userId, ["first_name"] = "Ada", ["pvt_type"] = "user" });
        var deleted = Device(gone, "gone", userId);
        deleted["pvt_deleted"] = true;
        await SaveAsync(account, deleted);

        var answer = await account.DialAsync($"users-{Guid.NewGuid():N}", DialRequests.Endpoints(gone, userId));

        // the deleted device does not count as a position: the user's error is keyed 1 (Kazoo's quirk)
        Assert.Equal($"user {userId} failed to resolve to route-able destinations",
            (string?)answer.ExpectValidationError("data.endpoints.1", "minItems")["message"]);
        Assert.NotNull(answer.Data!["data.endpoints"]?["minItems"]);
    }

    private Task SaveAsync(TestAccount account, JsonObject document) =>
        api.Services.GetRequiredService<IDocumentStore>().SaveAsync(AccountDatabase.Encoded(account.Id), document, CancellationToken.None);

    private static JsonObject Device(string id, string username, string ownerId) => new()
    {
        ["_id"] = id,
        ["name"] = username,
        ["device_type"] = "sip_device",
        ["owner_id"] = ownerId,
        ["sip"] = new JsonObject { ["username"] = username, ["password"] = "secret", ["invite_format"] = "username" },
        ["pvt_type"] = "device",
    };
}

/// <summary>Device dialling on the embedded store.</summary>
public sealed class DeviceDialTestsOnSqlite(DialApiFactory api) : DeviceDialTests(api), IClassFixture<DialApiFactory>;

/// <summary>Device dialling with <c>Storage:Provider=couchdb</c> (Kazoo's <c>devices</c> design document).</summary>
public sealed class DeviceDialTestsOnCouchDb(CouchDbDialApiFactory api) : DeviceDialTests(api), IClassFixture<CouchDbDialApiFactory>;
