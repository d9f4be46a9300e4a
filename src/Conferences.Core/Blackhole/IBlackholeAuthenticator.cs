namespace Conferences.Core.Blackhole;

/// <summary>Who a Blackhole session is and which accounts it may subscribe to (<c>bh_token_auth</c>, <c>bh_authz_subscribe</c>).</summary>
public interface IBlackholeAuthenticator
{
    Task<TokenClaims?> AuthenticateAsync(string token, CancellationToken cancellationToken);

    /// <summary>The token's own account or a descendant of it (the super-duper admin: any existing account).</summary>
    Task<bool> MayAccessAsync(TokenClaims claims, string accountId, CancellationToken cancellationToken);
}
