using Conferences.Core.Storage;

namespace Conferences.Core.Tests.Accounts;

/// <summary>
/// The C# twins of the views <c>user_auth</c> reads: Kazoo's <c>users/creds_by_md5</c> and <c>creds_by_sha</c>
/// (JavaScript truthiness of <c>enabled</c> and <c>pvt_deleted</c>) and <c>accounts/listing_by_name</c> /
/// <c>listing_by_realm</c> (normalised keys, <c>{account_id, account_db}</c> values).
/// </summary>
public sealed class UserAuthViewTests
{
    private const string AccountId = "4b31dd1d32ce6d249897c06332375d65";

    [Fact]
    public void A_live_enabled_user_is_keyed_by_each_hash_with_its_id_and_account()
    {
        var user = User();

        var md5 = Assert.Single(KazooViews.UserByMd5Credentials.Map(user));
        var sha = Assert.Single(KazooViews.UserByShaCredentials.Map(user));

        Assert.Equal("md5hash", md5.Key);
        Assert.Equal("""{"owner_id":"u1","account_id":"4b31dd1d32ce6d249897c06332375d65"}""", md5.Value!.ToJsonString());
        Assert.Equal("shahash", sha.Key);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("\"yes\"", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("\"\"", false)]
    [InlineData("null", false)]
    [InlineData(null, false)]
    public void Enabled_counts_as_javascript_truthiness(string? enabled, bool emitted)
    {
        var user = User();
        if (enabled is null)
        {
            user.Remove("enabled");
        }
        else
        {
            user["enabled"] = JsonNode.Parse(enabled);
        }

        Assert.Equal(emitted, KazooViews.UserByMd5Credentials.Map(user).Any());
    }

    public static TheoryData<string, Action<JsonObject>> Skipped => new()
    {
        { "deleted", u => u["pvt_deleted"] = true },
        { "deleted, as a string", u => u["pvt_deleted"] = "true" },
        { "a device", u => u["pvt_type"] = "device" },
        { "no hash", u => u.Remove("pvt_md5_auth") },
        { "an empty hash", u => u["pvt_md5_auth"] = "" },
        { "a hash that is not a string", u => u["pvt_md5_auth"] = 42 },
    };

    [Theory]
    [MemberData(nameof(Skipped))]
    public void Users_kazoo_leaves_out_emit_nothing(string because, Action<JsonObject> tweak)
    {
        var user = User();
        tweak(user);

        Assert.True(!KazooViews.UserByMd5Credentials.Map(user).Any(), because);
    }

    [Fact]
    public void The_users_design_document_is_installed_in_account_databases_only()
    {
        var inAccount = KazooViews.For(AccountDatabase.Encoded(AccountId)).Single(d => d.Name == "users");

        Assert.Equal(["creds_by_md5", "creds_by_sha"], inAccount.Views.Select(v => v.Name));
        Assert.DoesNotContain(KazooViews.For(AccountDatabase.Accounts), d => d.Name == "users");
        Assert.Contains(KazooViews.For(AccountDatabase.Accounts).Single(d => d.Name == "accounts").Views, v => v.Name == "listing_by_realm");
    }

    [Theory]
    [InlineData("Acme Corp", "acmecorp")]
    [InlineData("ACME-Corp, Inc. 2", "acmecorpinc2")]
    [InlineData("Été ça", "ta")]
    public void Account_names_are_keyed_lower_cased_without_anything_but_letters_and_digits(string name, string key)
    {
        var account = Account();
        account["name"] = name;

        var row = Assert.Single(KazooViews.AccountByName.Map(account));

        Assert.Equal(key, row.Key);
        Assert.Equal($$"""{"account_id":"{{AccountId}}","account_db":"{{AccountDatabase.Encoded(AccountId)}}"}""", row.Value!.ToJsonString());
    }

    [Fact]
    public void Realms_are_keyed_lower_cased_and_accounts_without_one_are_left_out()
    {
        var account = Account();
        account["realm"] = "PBX.Example.COM";
        var without = Account();
        without.Remove("realm");

        Assert.Equal("pbx.example.com", Assert.Single(KazooViews.AccountByRealm.Map(account)).Key);
        Assert.Empty(KazooViews.AccountByRealm.Map(without));
    }

    private static JsonObject User() => new()
    {
        ["_id"] = "u1",
        ["username"] = "ada",
        ["enabled"] = true,
        ["pvt_type"] = "user",
        ["pvt_md5_auth"] = "md5hash",
        ["pvt_sha1_auth"] = "shahash",
        ["pvt_account_id"] = AccountId,
    };

    private static JsonObject Account() => new()
    {
        ["_id"] = AccountId,
        ["name"] = "Acme",
        ["realm"] = "acme.example.com",
        ["pvt_type"] = "account",
        ["pvt_account_id"] = AccountId,
        ["pvt_account_db"] = AccountDatabase.Encoded(AccountId),
    };
}
