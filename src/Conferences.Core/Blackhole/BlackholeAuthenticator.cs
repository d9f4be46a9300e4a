namespace Conferences.Core.Blackhole;

/// <summary><c>bh_token_auth</c>: the same token and hierarchy check as an HTTP request's.</summary>
public sealed class BlackholeAuthenticator(TokenValidator tokens, AccountService accounts) : IBlackholeAuthenticator
{
    public async Task<TokenClaims?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            var check = await tokens.CheckAsync(token, accountHeader: null, cancellationToken).ConfigureAwait(false);
            return check is { Status: TokenStatus.Valid, Claims: { } claims } ? claims : null;
        }
        catch (DatastoreUnavailableException)
        {
            // Kazoo's keys or secrets could not be read: the frame is refused like any token that cannot be verified
            return null;
        }
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
