namespace Conferences.Api.Tests.KazooAuth;

/// <summary>
/// What a Kazoo cluster leaves in the store it shares with this service (<c>system_config/auth</c>, the signing key,
/// users and accounts with <c>pvt_signature_secret</c>), and tokens minted as its crossbar mints them.
/// </summary>
public sealed class KazooCluster(IKazooDocuments documents)
{
    public string Kid { get; } = KazooTokenMinter.NewHex();

    public string SystemSecret { get; private set; } = KazooTokenMinter.NewHex();

    public KazooTokenMinter Minter { get; private set; } = KazooTokenMinter.FromPem(KazooTokenMinter.Pem(1), "unset");

    public IKazooDocuments Documents => documents;

    /// <summary>The first start of Kazoo's <c>kazoo_auth</c>: the system key id and secret, and the key itself.</summary>
    public async Task StartAsync()
    {
        await WriteConfigAsync();
        await RotateKeyAsync(KazooTokenMinter.Pem(1));
    }

    public Task WriteConfigAsync() => documents.PutAsync(AccountDatabase.SystemConfig, new JsonObject
    {
        ["_id"] = "auth",
        ["default"] = new JsonObject { ["system_key"] = Kid, ["secret_for_user_signature"] = SystemSecret },
    });

    /// <summary>A new key under the same kid (<c>cb_auth</c> <c>reset_private_key</c>, then Kazoo's regeneration).</summary>
    public async Task RotateKeyAsync(string pem)
    {
        await documents.PutKeyAsync(Kid, pem);
        Minter = KazooTokenMinter.FromPem(pem, Kid);
    }

    /// <summary>A Kazoo user in <paramref name="account"/> and the token Kazoo's <c>user_auth</c> would give it.</summary>
    public async Task<KazooUser> UserAsync(TestAccount account)
    {
        var user = new KazooUser(account, KazooIds.NewId(), KazooTokenMinter.NewHex());
        await PutUserAsync(user, deleted: false);
        return user;
    }

    public Task PutUserAsync(KazooUser user, bool deleted) => documents.PutAsync(AccountDatabase.Encoded(user.Account.Id), new JsonObject
    {
        ["_id"] = user.Id,
        ["username"] = $"user-{user.Id[..6]}",
        ["enabled"] = true,
        ["priv_level"] = "admin",
        ["pvt_type"] = "user",
        ["pvt_account_id"] = user.Account.Id,
        ["pvt_signature_secret"] = user.Secret,
        ["pvt_deleted"] = deleted,
    });

    /// <summary>The token, as a test account whose requests carry it.</summary>
    public TestAccount As(KazooUser user, long? exp = null) =>
        new(user.Account.Api, user.Account.Id, UserToken(user, exp), user.Account.ApiKey);

    public string UserToken(KazooUser user, long? exp = null) =>
        Minter.UserToken(user.Account.Id, user.Id, KazooTokenMinter.IdentitySig(user.Secret, SystemSecret, user.Id), exp);

    /// <summary>An <c>api_auth</c>-style token: the account document (in its own database) gets a secret first, as Kazoo's first login gives it.</summary>
    public async Task<TestAccount> AccountTokenAsync(TestAccount account)
    {
        var db = AccountDatabase.Encoded(account.Id);
        var doc = (await documents.GetAsync(db, account.Id))!;
        var secret = KazooTokenMinter.NewHex();
        doc["pvt_signature_secret"] = secret;
        await documents.PutAsync(db, doc);
        return new TestAccount(account.Api, account.Id, Minter.AccountToken(account.Id, KazooTokenMinter.IdentitySig(secret, SystemSecret, account.Id)), account.ApiKey);
    }
}

/// <summary>A Kazoo user document's id and identity secret.</summary>
public sealed record KazooUser(TestAccount Account, string Id, string Secret);
