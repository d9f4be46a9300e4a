using Conferences.Core.Accounts;
using Conferences.Core.Kazoo;

namespace Conferences.Core.Blackhole;

/// <summary>
/// Crossbar's tokens and account hierarchy for the websocket (kazoo-reference §4, §7): the same check as an HTTP
/// request's (<see cref="TokenService"/>, <see cref="AccountService.MayAccess"/>); an account id that is not 32
/// characters or not an existing account is never accessible.
/// </summary>
public sealed class BlackholeAuthenticator(TokenService tokens, AccountService accounts) : IBlackholeAuthenticator
{
    public TokenClaims? Authenticate(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return tokens.Check(token) is { Status: TokenStatus.Valid, Claims: { } claims } ? claims : null;
    }

    public async Task<bool> MayAccessAsync(TokenClaims claims, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(accountId);
        if (!KazooIds.HasAccountIdShape(accountId))
        {
            return false;
        }
        var account = await accounts.FindAsync(accountId, cancellationToken).ConfigureAwait(false);
        return account is not null && AccountService.MayAccess(claims, account);
    }
}
