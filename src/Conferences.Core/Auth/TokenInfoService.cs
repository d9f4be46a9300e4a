namespace Conferences.Core.Auth;

/// <summary><c>cb_auth:validate_token/2</c>: a token's claims in the shape of a login's answer.</summary>
public sealed class TokenInfoService(TokenValidator tokens, AccountService accounts, IDocumentStore store)
{
    public async Task<JsonObject> DescribeAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var check = await tokens.CheckAsync(token, accountHeader: null, cancellationToken).ConfigureAwait(false);
        if (check is not { Status: TokenStatus.Valid, Claims: { } claims })
        {
            throw KazooErrors.TokenRefused(check.Reason ?? "invalid_jwt");
        }
        var account = await accounts.FindAsync(claims.AccountId, cancellationToken).ConfigureAwait(false);
        var user = account is not null && claims.OwnerId is { } ownerId && JwtRules.IsPlainId(ownerId)
            ? await store.GetAsync(AccountDatabase.Encoded(claims.AccountId), ownerId, cancellationToken).ConfigureAwait(false)
            : null;
        // an account this service does not have (yet) still has its id; the owner is the token's, found or not
        var data = account is null ? new JsonObject { ["account_id"] = claims.AccountId } : AuthResponse.Create(account, user);
        if (claims.OwnerId is not null)
        {
            data["owner_id"] = claims.OwnerId;
        }
        return data;
    }
}
