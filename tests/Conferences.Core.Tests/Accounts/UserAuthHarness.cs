using System.Security.Cryptography;
using Conferences.Tests.Kazoo;

namespace Conferences.Core.Tests.Accounts;

/// <summary>
/// <see cref="UserAuthService"/> over the embedded store: accounts in the <c>accounts</c> database and Kazoo user
/// documents in the account databases, written as Kazoo writes them.
/// </summary>
internal sealed class UserAuthHarness
{
    public UserAuthHarness()
    {
        var keys = new SigningKeyHolder();
        keys.Set(RandomNumberGenerator.GetBytes(64));
        Tokens = new TokenService(keys, TimeProvider.System);
        Service = new UserAuthService(new AccountService(Store, TimeProvider.System), Tokens, Store, KazooSchemaValidator.LoadEmbedded(), TimeProvider.System);
    }

    public EmbeddedStore Store { get; } = new();

    public TokenService Tokens { get; }

    public UserAuthService Service { get; }

    /// <summary>An account document in the <c>accounts</c> database; <paramref name="tweak"/> changes it before it is stored.</summary>
    public string AddAccount(string name, string? realm = null, Action<JsonObject>? tweak = null)
    {
        var id = KazooIds.NewId();
        var account = AccountDocument.Create(id, name, realm ?? $"{id[..8]}.sip.example.net", [KazooIds.NewId()], AccountDocument.NewApiKey(), superDuperAdmin: false, 63_800_000_000);
        tweak?.Invoke(account);
        Store.Put(AccountDatabase.Accounts, account);
        return id;
    }

    /// <summary>A Kazoo user document (as <c>cb_users</c> stores it) with both hashes of <c>username:password</c>.</summary>
    public string AddUser(string accountId, string username, string password, Action<JsonObject>? tweak = null)
    {
        var user = KazooUsers.Document(accountId, username, password);
        var id = KazooJson.GetString(user, "_id")!;
        tweak?.Invoke(user);
        Store.PutInAccount(accountId, user);
        return id;
    }

    public Task<UserAuthResult> LoginAsync(JsonObject data) => Service.AuthenticateAsync(data, CancellationToken.None);

    public static JsonObject Login(string credentials, string? accountName = null, Action<JsonObject>? tweak = null)
    {
        var data = new JsonObject { ["credentials"] = credentials };
        if (accountName is not null)
        {
            data["account_name"] = accountName;
        }
        tweak?.Invoke(data);
        return data;
    }
}
