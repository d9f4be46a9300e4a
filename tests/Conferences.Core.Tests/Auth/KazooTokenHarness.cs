using Conferences.Core.Auth;
using Conferences.Tests.Kazoo;
using Microsoft.Extensions.Options;

namespace Conferences.Core.Tests.Auth;

/// <summary>
/// The token check over the embedded store holding Kazoo's documents as Kazoo writes them: <c>system_config/auth</c>,
/// <c>system_auth/{kid}</c> with <c>private_key.pem</c>, an account and a user with <c>pvt_signature_secret</c>.
/// </summary>
internal sealed class KazooTokenHarness
{
    public const string AccountId = "2222222222222222222222222222aaaa";
    public const string OwnerId = "1111111111111111111111111111bbbb";

    public KazooTokenHarness(Action<KazooAuthOptions>? configure = null)
    {
        Options = new KazooAuthOptions { Enabled = true };
        configure?.Invoke(Options);
        Minter = KazooTokenMinter.FromPem(KazooTokenMinter.Pem(1), Kid);
        PutKey(KazooTokenMinter.Pem(1));
        Store.Put(AccountDatabase.SystemConfig, new JsonObject
        {
            ["_id"] = "auth",
            ["default"] = new JsonObject { ["system_key"] = Kid, ["secret_for_user_signature"] = SystemSecret },
        });
        var account = AccountDocument.Create(AccountId, "Kazoo Account", "kazoo.example.com", [], "k", superDuperAdmin: false, 63_900_000_000);
        Store.Put(AccountDatabase.Accounts, account);
        account["pvt_signature_secret"] = AccountSecret;
        Store.PutInAccount(AccountId, account);
        PutUser(UserSecret);
        var keys = Keys;
        keys.Set(new byte[64]);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var config = new KazooSystemConfig(Store, options);
        var secrets = new KazooSecrets(Store, config, options, Clock);
        var reader = new StoreKazooKeyReader(Store, config, NullLogger<StoreKazooKeyReader>.Instance);
        Own = new TokenService(keys, Clock);
        Validator = new TokenValidator(Own, new KazooTokenVerifier(new KazooKeyRing(reader, options, Clock), secrets, new AccountService(Store, Clock), options, Clock));
        Status = new KazooAuthStatus(reader, secrets, options);
    }

    public string Kid { get; } = KazooTokenMinter.NewHex();

    public string SystemSecret { get; } = KazooTokenMinter.NewHex();

    public string AccountSecret { get; } = KazooTokenMinter.NewHex();

    public string UserSecret { get; private set; } = KazooTokenMinter.NewHex();

    public KazooAuthOptions Options { get; }

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public EmbeddedStore Store { get; } = new();

    public KazooTokenMinter Minter { get; }

    public TokenService Own { get; }

    /// <summary>The signing key of the service's own tokens.</summary>
    public SigningKeyHolder Keys { get; } = new();

    public TokenValidator Validator { get; }

    public KazooAuthStatus Status { get; }

    public long InAnHour => Clock.Now.AddHours(1).ToUnixTimeSeconds();

    public string UserToken(long? exp = null) =>
        Minter.UserToken(AccountId, OwnerId, KazooTokenMinter.IdentitySig(UserSecret, SystemSecret, OwnerId), exp ?? InAnHour);

    public Task<TokenCheck> CheckAsync(string token, string? accountHeader = null) => Validator.CheckAsync(token, accountHeader, CancellationToken.None);

    /// <summary><c>system_auth/{kid}</c> as <c>kz_auth_keys</c> saves it, the PEM inline as the attachment.</summary>
    public void PutKey(string pem) => Store.Put(StoreKazooKeyReader.Database, new JsonObject
    {
        ["_id"] = Kid,
        ["pvt_type"] = "system_key",
        ["_attachments"] = new JsonObject
        {
            ["private_key.pem"] = new JsonObject { ["content_type"] = "application/x-pem-file", ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(pem)) },
        },
    });

    public void PutUser(string secret, bool deleted = false)
    {
        UserSecret = secret;
        Store.PutInAccount(AccountId, new JsonObject
        {
            ["_id"] = OwnerId,
            ["pvt_type"] = "user",
            ["username"] = "ada",
            ["pvt_signature_secret"] = secret,
            ["pvt_deleted"] = deleted,
        });
    }
}
