namespace Conferences.Api.Tests.Auth;

/// <summary>
/// Kazoo user documents for the <c>user_auth</c> tests, as Kazoo's <c>cb_users</c> stores them (both hashes of
/// <c>username:password</c>), and the login request Monster UI sends.
/// </summary>
internal static class UserAuthUsers
{
    public static JsonObject User(string accountId, string username, string password, bool enabled = true)
    {
        var user = KazooUsers.Document(accountId, username, password);
        user["email"] = $"{username}@example.com";
        user["enabled"] = enabled;
        user["pvt_created"] = 63_850_000_000;
        user["pvt_modified"] = 63_850_000_000;
        return user;
    }

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
        ["credentials"] = KazooUsers.Md5(username, password),
        ["account_name"] = accountName,
    };

    /// <summary>A successful login's token as a test account (its requests carry that token).</summary>
    public static TestAccount AsAccount(ApiFactory api, Answer login)
    {
        login.ExpectStatus(HttpStatusCode.Created);
        return new TestAccount(api, login.DataObject["account_id"]!.GetValue<string>(), login.Json!["auth_token"]!.GetValue<string>(), apiKey: "");
    }
}
