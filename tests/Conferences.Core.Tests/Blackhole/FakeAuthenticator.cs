namespace Conferences.Core.Tests.Blackhole;

/// <summary>
/// Tokens and an account tree for session tests: <c>token-{account}</c> is a valid token of that account (and
/// <see cref="SuperToken"/> the super-duper admin's); an account may access itself and the accounts listed as its
/// descendants.
/// </summary>
internal sealed class FakeAuthenticator : IBlackholeAuthenticator
{
    public const string Master = "00000000000000000000000000000000";
    public const string Alice = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string AliceChild = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
    public const string Bob = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public const string SuperToken = "token-" + Master;

    private static readonly Dictionary<string, string[]> Descendants = new()
    {
        [Master] = [Alice, AliceChild, Bob],
        [Alice] = [AliceChild],
    };

    public static string TokenOf(string account) => "token-" + account;

    public Task<TokenClaims?> AuthenticateAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult(token.StartsWith("token-", StringComparison.Ordinal) ? new TokenClaims(token[6..], token == SuperToken, 0, long.MaxValue) : null);

    public Task<bool> MayAccessAsync(TokenClaims claims, string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(claims.AccountId == accountId || (Descendants.TryGetValue(claims.AccountId, out var below) && below.Contains(accountId)));
}
