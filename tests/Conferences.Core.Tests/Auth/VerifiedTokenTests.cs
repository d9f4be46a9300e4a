namespace Conferences.Core.Tests.Auth;

/// <summary>
/// Own tokens are verified once per instance and signing key (docs/operations.md, "Caches"): a later check answers from
/// what was verified, and changes nothing a second verification would see — a rotated key or the token's expiry.
/// </summary>
public sealed class VerifiedTokenTests
{
    private const string Account = "3333333333333333333333333333cccc";

    [Fact]
    public async Task A_verified_token_is_answered_without_verifying_again_with_the_same_claims()
    {
        var harness = new KazooTokenHarness();
        var token = harness.Own.Issue(Account, isSuperDuperAdmin: true, ownerId: "4444444444444444444444444444dddd");
        Assert.Null(harness.Own.Verified(token));

        var first = await harness.CheckAsync(token);
        var cached = harness.Own.Verified(token);
        var second = await harness.CheckAsync(token);

        Assert.Equal(TokenStatus.Valid, first.Status);
        Assert.NotNull(cached);
        Assert.Equal(first.Claims, cached.Claims);
        Assert.Equal(first.Claims, second.Claims);
    }

    [Fact]
    public async Task A_verified_token_expires_at_its_exp_as_a_fresh_check_says()
    {
        var harness = new KazooTokenHarness();
        var token = harness.Own.Issue(Account, isSuperDuperAdmin: false);
        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(token)).Status);

        harness.Clock.Advance(TimeSpan.FromSeconds(TokenService.DefaultLifetimeSeconds - 1));
        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(token)).Status);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(harness.Own.Verified(token));
        Assert.Equal(TokenStatus.Expired, (await harness.CheckAsync(token)).Status);
    }

    [Fact]
    public async Task A_rotated_signing_key_refuses_tokens_verified_under_the_old_one_at_once()
    {
        var harness = new KazooTokenHarness();
        var token = harness.Own.Issue(Account, isSuperDuperAdmin: false);
        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(token)).Status);

        harness.Keys.Set(Enumerable.Repeat((byte)7, 64).ToArray());

        Assert.Null(harness.Own.Verified(token));
        Assert.Equal(TokenStatus.Unusable, (await harness.CheckAsync(token)).Status);
        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(harness.Own.Issue(Account, isSuperDuperAdmin: false))).Status);
    }

    [Fact]
    public async Task A_cached_token_still_meets_the_account_header_check()
    {
        var harness = new KazooTokenHarness();
        var token = harness.Own.Issue(Account, isSuperDuperAdmin: false);
        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(token)).Status);

        Assert.Equal(TokenStatus.Unusable, (await harness.CheckAsync(token, "5555555555555555555555555555eeee")).Status);
        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(token, Account)).Status);
    }

    [Fact]
    public async Task An_altered_copy_of_a_verified_token_is_verified_and_refused()
    {
        var harness = new KazooTokenHarness();
        var token = harness.Own.Issue(Account, isSuperDuperAdmin: false);
        Assert.Equal(TokenStatus.Valid, (await harness.CheckAsync(token)).Status);

        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.Equal(TokenStatus.Unusable, (await harness.CheckAsync(altered)).Status);
    }
}
