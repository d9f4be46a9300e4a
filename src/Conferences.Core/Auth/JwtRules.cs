using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conferences.Core.Auth;

/// <summary>What both kinds of token share: the JWT library's handler and Kazoo's expiry rule.</summary>
public static class JwtRules
{
    /// <summary>Thread-safe; one for the process so its signature providers are cached per key.</summary>
    public static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    /// <summary><c>kz_auth_jwt:verify_expiration/1</c>: no leeway, <c>nbf</c>/<c>iat</c> ignored
    /// (docs/kazoo-cluster.md).</summary>
    public static TokenValidationParameters Parameters(SecurityKey key, string issuer, IEnumerable<string> algorithms, TimeProvider clock, bool requireExpiry) => new()
    {
        IssuerSigningKey = key,
        ValidAlgorithms = algorithms,
        ValidIssuer = issuer,
        ValidateAudience = false,
        RequireSignedTokens = true,
        RequireExpirationTime = requireExpiry,
        ClockSkew = TimeSpan.Zero,
        LifetimeValidator = (_, expires, _, _) =>
        {
            if (expires is null)
            {
                return !requireExpiry;
            }
            if (expires.Value <= clock.GetUtcNow().UtcDateTime)
            {
                throw new SecurityTokenExpiredException("token_expired") { Expires = expires.Value };
            }
            return true;
        },
    };

    public static TokenCheck Unusable(string reason) => new(TokenStatus.Unusable, null, reason);

    /// <summary>Kazoo's reason for a failed verification (the <c>kz_auth_jwt</c> error names).</summary>
    public static string Reason(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "token_expired",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "invalid_jwt_signature",
        SecurityTokenInvalidAlgorithmException => "algorithm_not_supported",
        _ => "invalid_jwt",
    };

    public static bool IsSignatureFailure(Exception? failure) =>
        failure is SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException;

    /// <summary>A kid or document id safe to look up (Kazoo's are 32 hex characters).</summary>
    public static bool IsPlainId(string? id) =>
        id is { Length: > 0 and <= 128 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && id[0] != '_';
}
