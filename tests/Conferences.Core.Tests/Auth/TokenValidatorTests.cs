using System.Security.Cryptography;
using Conferences.Core.Auth;
using Conferences.Tests.Kazoo;

namespace Conferences.Core.Tests.Auth;

public sealed class TokenValidatorTests
{
    [Fact]
    public void Identity_signature_matches_kazoos_test_vector()
    {
        var signature = IdentitySignature.Compute(new string('a', 32), new string('b', 32), new string('1', 32));

        Assert.Equal("kd2oDh40RxSWvAwt05VAsc8rgzKgutT5saaj2LXrzNQ", signature);
        Assert.True(IdentitySignature.Matches(signature, new string('a', 32), new string('b', 32), new string('1', 32)));
        Assert.False(IdentitySignature.Matches(signature, new string('a', 32), new string('c', 32), new string('1', 32)));
    }

    [Fact]
    public async Task A_kazoo_user_token_signed_with_exponent_2049_is_valid_with_its_owner()
    {
        var harness = new KazooTokenHarness();

        var check = await harness.CheckAsync(harness.UserToken());

        Assert.Equal(TokenStatus.Valid, check.Status);
        Assert.Equal(KazooTokenHarness.AccountId, check.Claims!.AccountId);
        Assert.Equal(KazooTokenHarness.OwnerId, check.Claims.OwnerId);
        Assert.False(check.Claims.IsSuperDuperAdmin);
    }

    [Fact]
    public async Task An_account_token_is_signed_over_the_account_and_a_token_without_identity_sig_is_accepted_as_kazoo_does()
    {
        var harness = new KazooTokenHarness();
        var accountSig = KazooTokenMinter.IdentitySig(harness.AccountSecret, harness.SystemSecret, KazooTokenHarness.AccountId);

        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(harness.Minter.AccountToken(KazooTokenHarness.AccountId, accountSig))).Status);
        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(harness.Minter.AccountToken(KazooTokenHarness.AccountId, null))).Status);
        Assert.Equal(TokenStatus.Unusable, (await harness.CheckAsync(harness.Minter.AccountToken(KazooTokenHarness.AccountId, ""))).Status);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task The_other_rsa_algorithms_kazoo_accepts_verify(string alg)
    {
        var harness = new KazooTokenHarness();
        var token = harness.Minter.UserToken(KazooTokenHarness.AccountId, KazooTokenHarness.OwnerId,
            KazooTokenMinter.IdentitySig(harness.UserSecret, harness.SystemSecret, KazooTokenHarness.OwnerId), harness.InAnHour, alg);

        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(token)).Status);
    }

    [Fact]
    public async Task Expiry_is_kazoos_exp_minus_now_greater_than_zero_and_checked_after_the_signature()
    {
        var harness = new KazooTokenHarness();
        var now = harness.Clock.Now.ToUnixTimeSeconds();

        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(harness.UserToken(now + 1))).Status);
        var expired = await harness.CheckAsync(harness.UserToken(now));
        Assert.Equal(TokenStatus.Expired, expired.Status);
        Assert.Equal("token_expired", expired.Reason);
        var forged = KazooTokenMinter.FromPem(KazooTokenMinter.Pem(2), harness.Kid).UserToken(KazooTokenHarness.AccountId, KazooTokenHarness.OwnerId, null, now - 10);
        Assert.Equal(TokenStatus.Unusable, (await harness.CheckAsync(forged)).Status);
    }

    [Fact]
    public async Task A_token_without_exp_never_expires_as_in_kazoo()
    {
        var harness = new KazooTokenHarness();
        var token = harness.Minter.Mint(KazooTokenMinter.Claims(KazooTokenHarness.AccountId, null, null, exp: null, "cb_api_auth"));

        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(token)).Status);
    }

    [Fact]
    public async Task Algorithm_confusion_fails_none_hs256_with_the_public_key_and_rs256_without_a_known_kid()
    {
        var harness = new KazooTokenHarness();
        var claims = KazooTokenMinter.Claims(KazooTokenHarness.AccountId, null, null, harness.InAnHour, "cb_api_auth");
        var none = $"{KazooTokenMinter.Encode("""{"alg":"none","typ":"JWT"}""")}.{KazooTokenMinter.Encode(claims.ToJsonString())}.";
        var publicPem = harness.Minter.Key.ExportRSAPublicKeyPem();
        var hsHeader = KazooTokenMinter.Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = harness.Kid }.ToJsonString());
        var hsInput = $"{hsHeader}.{KazooTokenMinter.Encode(claims.ToJsonString())}";
        var confused = $"{hsInput}.{KazooTokenMinter.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(publicPem), Encoding.ASCII.GetBytes(hsInput)))}";
        var noKid = harness.Minter.Mint(claims, header: new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" });
        var unknownKid = KazooTokenMinter.FromPem(KazooTokenMinter.Pem(1), KazooTokenMinter.NewHex()).Mint(claims);

        foreach (var token in new[] { none, confused, noKid, unknownKid, "not.a.jwt", "a.b", "" })
        {
            Assert.Equal(TokenStatus.Unusable, (await harness.CheckAsync(token)).Status);
        }
    }

    [Fact]
    public async Task An_own_token_is_still_verified_with_the_services_key_only()
    {
        var harness = new KazooTokenHarness();
        var own = harness.Own.Issue(KazooTokenHarness.AccountId, isSuperDuperAdmin: true);
        var parts = own.Split('.');
        var asRs256 = $"{KazooTokenMinter.Encode("""{"alg":"RS256","typ":"JWT"}""")}.{parts[1]}.{parts[2]}";

        var check = await harness.CheckAsync(own);
        Assert.Equal(TokenStatus.Valid, check.Status);
        Assert.True(check.Claims!.IsSuperDuperAdmin);
        Assert.Equal(TokenStatus.Unusable, (await harness.CheckAsync(asRs256)).Status);
    }

    [Fact]
    public async Task A_kazoo_token_is_refused_when_kazoo_tokens_are_not_accepted()
    {
        var harness = new KazooTokenHarness(o => o.Enabled = false);

        Assert.Equal(TokenStatus.Unusable, (await harness.CheckAsync(harness.UserToken())).Status);
    }

    [Fact]
    public async Task The_account_header_must_name_the_tokens_account()
    {
        var harness = new KazooTokenHarness();

        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(harness.UserToken(), KazooTokenHarness.AccountId)).Status);
        var mismatch = await harness.CheckAsync(harness.UserToken(), "3333333333333333333333333333cccc");
        Assert.Equal(TokenStatus.Unusable, mismatch.Status);
        Assert.Equal("account header mismatch", mismatch.Reason);
    }

    [Fact]
    public async Task A_changed_user_secret_refuses_the_token_once_the_cached_secret_is_older_than_its_lifetime()
    {
        var harness = new KazooTokenHarness(o => o.SecretLifetime = TimeSpan.FromSeconds(30));
        var token = harness.UserToken();
        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(token)).Status);

        harness.PutUser(KazooTokenMinter.NewHex());
        harness.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(token)).Status);
        harness.Clock.Advance(TimeSpan.FromSeconds(2));

        var refused = await harness.CheckAsync(token);
        Assert.Equal(TokenStatus.Unusable, refused.Status);
        Assert.Equal("invalid_identity_signature", refused.Reason);
    }

    [Fact]
    public async Task A_deleted_user_cannot_use_its_tokens()
    {
        var harness = new KazooTokenHarness(o => o.SecretLifetime = TimeSpan.Zero);
        var token = harness.UserToken();

        harness.PutUser(harness.UserSecret, deleted: true);

        Assert.Equal(TokenStatus.Unusable, (await harness.CheckAsync(token)).Status);
    }

    [Fact]
    public async Task A_key_reset_under_the_same_kid_is_read_again_once_and_accepted()
    {
        var harness = new KazooTokenHarness(o => o.KeyRereadInterval = TimeSpan.Zero);
        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(harness.UserToken())).Status);
        harness.PutKey(KazooTokenMinter.Pem(2));
        var reads = harness.Store.Reads;
        var rotated = KazooTokenMinter.FromPem(KazooTokenMinter.Pem(2), harness.Kid)
            .UserToken(KazooTokenHarness.AccountId, KazooTokenHarness.OwnerId, KazooTokenMinter.IdentitySig(harness.UserSecret, harness.SystemSecret, KazooTokenHarness.OwnerId));

        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(rotated)).Status);
        Assert.Equal(1, harness.Store.Reads - reads);
        // a token verified before the reset is remembered for the secrets' lifetime, then refused
        harness.Clock.Advance(harness.Options.SecretLifetime);
        Assert.Equal(TokenStatus.Unusable, (await harness.CheckAsync(harness.UserToken())).Status);
    }

    [Fact]
    public async Task An_unknown_kid_is_read_once_and_then_remembered()
    {
        var harness = new KazooTokenHarness();
        var stranger = KazooTokenMinter.FromPem(KazooTokenMinter.Pem(1), KazooTokenMinter.NewHex());
        var reads = harness.Store.Reads;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TokenStatus.Unusable, (await harness.CheckAsync(stranger.AccountToken(KazooTokenHarness.AccountId, null))).Status);
        }

        Assert.Equal(1, harness.Store.Reads - reads);
    }
}
