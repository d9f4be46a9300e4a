using Microsoft.Extensions.Options;

namespace Conferences.Core.Tests.Dial;

/// <summary>
/// Dial's Core pieces over the embedded store holding one account (with a realm) and test doubles of the other ports: a
/// requester that records requests and answers what the test says, and a media-manager directory of the test's choosing.
/// </summary>
internal sealed class DialHarness
{
    public const string AccountId = "4b31dd1d32ce6d249897c06332375d65";
    public const string Realm = "4b31dd1d.sip.example.net";
    public const string ConferenceId = "sales-room";

    public DialHarness(DialOptions? options = null)
    {
        Store.Put(AccountDatabase.Accounts, new JsonObject
        {
            ["_id"] = AccountId,
            ["pvt_type"] = "account",
            ["name"] = "test",
            ["realm"] = Realm,
        });
        Documents = new DialDocuments(Store);
        Service = new DialService(
            Documents,
            new AccountService(Store, TimeProvider.System),
            KazooSchemaValidator.LoadEmbedded(),
            Requester,
            Directory,
            Options.Create(options ?? new DialOptions { NodeName = "crossbar@test" }),
            NullLogger<DialService>.Instance);
        Lookup = global::Conferences.Core.Tests.Actions.ActionHarness.LookupOver(Store, new global::Conferences.Core.Tests.Actions.RunningConferences().Readers);
        Actions = global::Conferences.Core.Tests.Actions.ActionHarness.ActionsOver(Lookup, Service);
    }

    public EmbeddedStore Store { get; } = new();

    public RecordingRequester Requester { get; } = new();

    public StaticMediaManagers Directory { get; } = new(new MediaManager("ecallmgr@sim", "local", DateTimeOffset.UtcNow, DateTimeOffset.MaxValue));

    public DialDocuments Documents { get; }

    public DialService Service { get; }

    public ConferenceLookup Lookup { get; }

    public ConferenceActions Actions { get; }

    public static DialCall Call(string? callerIdName = "Sales", string? callerIdNumber = "5550100") =>
        new(AccountId, Realm, ConferenceId, callerIdName, callerIdNumber);

    /// <summary>A request context: envelope <c>{"data": data, …extra}</c>, a query string, a request id.</summary>
    public static CrossbarContext Context(JsonNode? data, JsonObject? extra = null, Dictionary<string, string>? query = null, string requestId = "0123456789abcdef0123456789abcdef")
    {
        var envelope = new JsonObject { ["data"] = data?.DeepClone() };
        foreach (var (key, value) in extra ?? [])
        {
            envelope[key] = value?.DeepClone();
        }
        return new CrossbarContext
        {
            RequestId = requestId,
            AccountId = AccountId,
            AuthAccountId = AccountId,
            Data = envelope["data"] ?? new JsonObject(),
            Envelope = envelope,
            Query = query ?? [],
        };
    }

    /// <summary>A Kazoo device document of the account.</summary>
    public JsonObject AddDevice(string id, string username, string? ownerId = null, Action<JsonObject>? tweak = null)
    {
        var device = new JsonObject
        {
            ["_id"] = id,
            ["name"] = $"device {username}",
            ["device_type"] = "sip_device",
            ["enabled"] = true,
            ["sip"] = new JsonObject { ["username"] = username, ["password"] = "secret", ["invite_format"] = "username" },
            ["pvt_type"] = "device",
            ["pvt_account_id"] = AccountId,
        };
        if (ownerId is not null)
        {
            device["owner_id"] = ownerId;
        }
        tweak?.Invoke(device);
        Store.PutInAccount(AccountId, device);
        return device;
    }

    /// <summary>A Kazoo user document of the account.</summary>
    public void AddUser(string id, bool deleted = false) =>
        Store.PutInAccount(AccountId, new JsonObject
        {
            ["_id"] = id,
            ["first_name"] = "Ada",
            ["last_name"] = "Lovelace",
            ["pvt_type"] = "user",
            ["pvt_deleted"] = deleted,
        });

    /// <summary>Resolves <paramref name="endpoint"/> alone, asserts it resolved without errors, and returns what it became.</summary>
    public async Task<JsonObject> ResolveOneAsync(JsonNode endpoint)
    {
        var resolved = await ResolveAsync(endpoint);
        Assert.Empty(resolved.Errors);
        return Assert.Single(resolved.Endpoints);
    }

    public Task<DialEndpoints> ResolveAsync(params JsonNode?[] endpoints) =>
        new DialEndpointResolver(Documents).ResolveAsync(Call(), new JsonArray(endpoints), CancellationToken.None);
}
