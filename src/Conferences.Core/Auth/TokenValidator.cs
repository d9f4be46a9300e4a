using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conferences.Core.Auth;

/// <summary>The JWT header's algorithm picks the kind; each kind verifies only with its own algorithm and
/// key.</summary>
public sealed class TokenValidator(TokenService own, KazooTokenVerifier kazoo)
{
    /// <param name="accountHeader"><c>X-Auth-Account-ID</c>, which must name the token's account when sent (<c>kz_auth:validate_claims/2</c>).</param>
    public async Task<TokenCheck> CheckAsync(string token, string? accountHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        // an own token verified before under the same key is not parsed nor verified again (VerifiedTokens)
        var check = own.Verified(token) ?? await VerifyAsync(token, cancellationToken).ConfigureAwait(false);
        if (check is { Status: TokenStatus.Valid, Claims: { } claims } && !string.IsNullOrEmpty(accountHeader) && accountHeader != claims.AccountId)
        {
            return JwtRules.Unusable("account header mismatch");
        }
        return check;
    }

    private async Task<TokenCheck> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        if (!JwtRules.Handler.CanReadToken(token) || Read(token) is not { } jwt)
        {
            return JwtRules.Unusable("invalid_jwt");
        }
        return jwt.Alg switch
        {
            SecurityAlgorithms.HmacSha256 => await own.CheckAsync(jwt).ConfigureAwait(false),
            var alg when KazooTokenVerifier.IsKazooAlgorithm(alg) => await kazoo.CheckAsync(jwt, token, cancellationToken).ConfigureAwait(false),
            _ => JwtRules.Unusable("algorithm_not_supported"),
        };
    }

    private static JsonWebToken? Read(string token)
    {
        try
        {
            return new JsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return null;
        }
    }
}
