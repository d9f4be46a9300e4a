using System.Security.Cryptography;

namespace Conferences.Api.Tests.Auth;

/// <summary>
/// Kazoo user documents for the <c>user_auth</c> tests, as Kazoo's <c>cb_users</c> stores them (both hashes of
/// <c>username:password</c>), and the login request Monster UI sends.
/// </summary>
internal static class UserAuthUsers
{
    public static string Md5(string username, string password) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{username}:{password}")));

    public static string Sha1(string username, string password) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{username}:{password}")));

    public static JsonObject User(string accountId, string username, string password, bool enabled = true) => new()
    {
        ["_id"] = KazooIds.NewId(),
        ["username"] = username,
        ["first_name"] = "Ada",
        ["last_name"] = "Lovelace",
        ["email"] = $"{username}@example.com",
        ["enabled"] = enabled,
        ["priv_level"] = "admin",
        ["pvt_type"] = "user",
        ["pvt_md5_auth"] = Md5(username, password),
        ["pvt_sha1_auth"] = Sha1(username, password),
        ["pvt_account_id"] = accountId,
        ["pvt_account_db"] = AccountDatabase.Encoded(accountId),
        ["pvt_vsn"] = "1",
        ["pvt_created"] = 63_850_000_000,
        ["pvt_modified"] = 63_850_000_000,
    };

    /// <summary>Writes <paramref name="user"/> straight into the account database (there is no users API) and returns its id.</summary>
    public static async Task<string> SaveAsync(ApiFactory api, string accountId, JsonObject user)
    {
        await api.Services.GetRequiredService<IDocumentStore>().SaveAsync(AccountDatabase.Encoded(accountId), user, CancellationToken.None);
        return user["_id"]!.GetValue<string>();
    }

    /// <summary><c>PUT /v2/user_auth</c> with <c>{"data": data}</c>.</summary>
    public static Task<Answer> LoginAsync(ApiFactory api, JsonObject data) => api.SendAsync(HttpMethod.Put, "/v2/user_auth", Body.Data(data));

    /// <summary>Monster UI's login: md5 of <c>username:password</c> and the account name as typed.</summary>
    public static JsonObject Login(string username, string password, string accountName) => new()
    {
        ["credentials"] = Md5(username, password),
        ["account_name"] = accountName,
    };

    /// <summary>A successful login's token as a test account (its requests carry that token).</summary>
    public static TestAccount AsAccount(ApiFactory api, Answer login)
    {
        login.ExpectStatus(HttpStatusCode.Created);
        return new TestAccount(api, login.DataObject["account_id"]!.GetValue<string>(), login.Json!["auth_token"]!.GetValue<string>(), apiKey: "");
    }
}
