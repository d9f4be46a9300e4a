using Conferences.Tests.Kazoo;

namespace Conferences.Core.Tests.Accounts;

/// <summary><c>PUT /v2/user_auth</c>'s Core (<c>cb_user_auth</c>) over Kazoo-shaped documents.</summary>
public sealed class UserAuthServiceTests
{
    private readonly UserAuthHarness harness = new();

    [Fact]
    public async Task Md5_credentials_and_account_name_give_a_token_of_the_account_carrying_the_user()
    {
        var accountId = harness.AddAccount("Acme Corp");
        var userId = harness.AddUser(accountId, "ada", "s3cret");

        var result = await harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("ada", "s3cret"), "Acme Corp"));

        var check = await harness.Tokens.CheckAsync(result.AuthToken);
        Assert.Equal(TokenStatus.Valid, check.Status);
        Assert.Equal(accountId, check.Claims!.AccountId);
        Assert.Equal(userId, check.Claims.OwnerId);
        Assert.False(check.Claims.IsSuperDuperAdmin);
        Assert.Equal(accountId, (string?)result.Data["account_id"]);
        Assert.Equal(userId, (string?)result.Data["owner_id"]);
        Assert.Equal("Acme Corp", (string?)result.Data["account_name"]);
        Assert.Equal("en-us", (string?)result.Data["language"]);
        Assert.False((bool)result.Data["is_reseller"]!);
        Assert.Equal("[]", result.Data["apps"]!.ToJsonString());
    }

    [Fact]
    public async Task Sha_method_looks_the_user_up_by_its_sha1_hash()
    {
        var accountId = harness.AddAccount("Sha Account");
        var userId = harness.AddUser(accountId, "bob", "pw");

        var result = await harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Sha1("bob", "pw"), "Sha Account", d => d["method"] = "sha"));
        var md5AsSha = await Assert.ThrowsAsync<CrossbarException>(() =>
            harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("bob", "pw"), "Sha Account", d => d["method"] = "sha")));

        Assert.Equal(userId, (string?)result.Data["owner_id"]);
        Assert.Equal(401, md5AsSha.Status);
    }

    [Theory]
    [InlineData("acme corp")]
    [InlineData("ACME-CORP")]
    [InlineData("Acme, Corp.")]
    public async Task Account_name_is_compared_lower_cased_and_alphanumeric_only(string given)
    {
        var accountId = harness.AddAccount("Acme Corp");
        harness.AddUser(accountId, "ada", "pw");

        var result = await harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("ada", "pw"), given));

        Assert.Equal(accountId, (string?)result.Data["account_id"]);
    }

    [Fact]
    public async Task Realm_finds_the_account_case_insensitively_and_wins_over_the_name()
    {
        var accountId = harness.AddAccount("Realm Account", realm: "pbx.example.com");
        var other = harness.AddAccount("Other Account");
        harness.AddUser(accountId, "ada", "pw");
        harness.AddUser(other, "ada", "pw");

        var byRealm = await harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("ada", "pw"), "Other Account", d => d["account_realm"] = "PBX.Example.com"));
        var byRealmAlias = await harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("ada", "pw"), tweak: d => d["realm"] = "pbx.example.com"));

        Assert.Equal(accountId, (string?)byRealm.Data["account_id"]);
        Assert.Equal(accountId, (string?)byRealmAlias.Data["account_id"]);
    }

    [Fact]
    public async Task Unknown_realm_and_unknown_phone_number_fall_back_to_the_name()
    {
        var accountId = harness.AddAccount("Fallback");
        harness.AddUser(accountId, "ada", "pw");

        var result = await harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("ada", "pw"), "Fallback", d =>
        {
            d["account_realm"] = "nowhere.example.com";
            d["phone_number"] = "+15555550100";
        }));

        Assert.Equal(accountId, (string?)result.Data["account_id"]);
    }

    [Fact]
    public async Task Of_two_accounts_with_one_name_the_one_holding_the_credentials_wins()
    {
        var first = harness.AddAccount("Twins");
        var second = harness.AddAccount("twins!");
        harness.AddUser(first, "ada", "one");
        var userId = harness.AddUser(second, "ada", "two");

        var result = await harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("ada", "two"), "Twins"));

        Assert.Equal(second, (string?)result.Data["account_id"]);
        Assert.Equal(userId, (string?)result.Data["owner_id"]);
    }

    [Fact]
    public async Task Language_is_the_users_then_the_accounts()
    {
        var accountId = harness.AddAccount("Lang", tweak: a => a["language"] = "fr-fr");
        harness.AddUser(accountId, "ada", "pw", u => u["language"] = "de-de");
        harness.AddUser(accountId, "bob", "pw");

        var ada = await harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("ada", "pw"), "Lang"));
        var bob = await harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("bob", "pw"), "Lang"));

        Assert.Equal("de-de", (string?)ada.Data["language"]);
        Assert.Equal("fr-fr", (string?)bob.Data["language"]);
    }

    public static TheoryData<string, string?, string?> InvalidCredentialCases => new()
    {
        { "wrong password", "Known", null },
        { "unknown account", "Nobody Here", null },
        { "no account named", null, null },
        { "only a phone number", null, "+15555550100" },
    };

    [Theory]
    [MemberData(nameof(InvalidCredentialCases))]
    public async Task No_matching_account_or_user_is_401_invalid_credentials(string because, string? accountName, string? phoneNumber)
    {
        var accountId = harness.AddAccount("Known");
        harness.AddUser(accountId, "ada", "right");
        var password = because == "wrong password" ? "wrong" : "right";

        var error = await Assert.ThrowsAsync<CrossbarException>(() => harness.LoginAsync(
            UserAuthHarness.Login(KazooUsers.Md5("ada", password), accountName, d => { if (phoneNumber is not null) { d["phone_number"] = phoneNumber; } })));

        Assert.Equal(401, error.Status);
        Assert.Equal("invalid_credentials", error.ErrorName);
        Assert.Equal("""{"message":"invalid credentials"}""", error.ErrorData!.ToJsonString());
    }

    public static TheoryData<string, Action<JsonObject>> UnusableUsers => new()
    {
        { "disabled", u => u["enabled"] = false },
        { "without enabled", u => u.Remove("enabled") },
        { "deleted", u => u["pvt_deleted"] = true },
        { "not a user", u => u["pvt_type"] = "device" },
    };

    [Theory]
    [MemberData(nameof(UnusableUsers))]
    public async Task A_user_that_is_disabled_deleted_or_not_a_user_cannot_log_in(string because, Action<JsonObject> tweak)
    {
        var accountId = harness.AddAccount("Users");
        harness.AddUser(accountId, "ada", "pw", tweak);

        var error = await Assert.ThrowsAsync<CrossbarException>(() => harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("ada", "pw"), "Users")));

        Assert.True(error.Status == 401, because);
        Assert.Equal("invalid_credentials", error.ErrorName);
    }

    [Fact]
    public async Task A_disabled_account_is_400_account_disabled()
    {
        var accountId = harness.AddAccount("Disabled", tweak: a => a["pvt_enabled"] = false);
        harness.AddUser(accountId, "ada", "pw");

        var error = await Assert.ThrowsAsync<CrossbarException>(() => harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("ada", "pw"), "Disabled")));

        Assert.Equal(400, error.Status);
        Assert.Equal("validation error", error.ErrorName);
        Assert.Equal("""{"account":{"disabled":{"message":"account disabled"}}}""", error.ErrorData!.ToJsonString());
    }

    [Fact]
    public async Task An_expired_trial_account_is_400_account_expired_naming_when()
    {
        var expired = Gregorian.Now(TimeProvider.System) - 86_400;
        var accountId = harness.AddAccount("Trial", tweak: a => a["pvt_trial_expires"] = expired);
        var running = harness.AddAccount("Running Trial", tweak: a => a["pvt_trial_expires"] = expired + 2 * 86_400);
        harness.AddUser(accountId, "ada", "pw");
        harness.AddUser(running, "ada", "pw");

        var error = await Assert.ThrowsAsync<CrossbarException>(() => harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("ada", "pw"), "Trial")));
        var stillRunning = await harness.LoginAsync(UserAuthHarness.Login(KazooUsers.Md5("ada", "pw"), "Running Trial"));

        Assert.Equal(400, error.Status);
        Assert.Equal("account expired", (string?)error.ErrorData!["account"]!["expired"]!["message"]);
        Assert.Equal(expired, (long)error.ErrorData["account"]!["expired"]!["cause"]!);
        Assert.Equal(running, (string?)stillRunning.Data["account_id"]);
    }
}
