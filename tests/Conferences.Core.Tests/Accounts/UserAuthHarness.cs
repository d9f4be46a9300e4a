using System.Security.Cryptography;

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

    public static string Md5(string username, string password) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{username}:{password}")));

    public static string Sha1(string username, string password) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{username}:{password}")));

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
        var id = KazooIds.NewId();
        var user = new JsonObject
        {
            ["_id"] = id,
            ["username"] = username,
            ["first_name"] = "Ada",
            ["last_name"] = "Lovelace",
            ["enabled"] = true,
            ["priv_level"] = "admin",
            ["pvt_type"] = "user",
            ["pvt_md5_auth"] = Md5(username, password),
            ["pvt_sha1_auth"] = Sha1(username, password),
            ["pvt_account_id"] = accountId,
            ["pvt_account_db"] = AccountDatabase.Encoded(accountId),
            ["pvt_vsn"] = "1",
        };
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
