using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conferences.Core.Auth;

/// <summary>In <c>kz_auth_jwt:do_verify/2</c>'s order, then <c>kz_auth:validate_claims/2</c>.</summary>
public sealed class KazooTokenVerifier(
    KazooKeyRing keys, KazooSecrets secrets, AccountService accounts, IOptions<KazooAuthOptions> options, TimeProvider clock)
{
    public const string Issuer = "kazoo";

    private const int MaxVerified = 10_000;

    // kz_auth_jwt accepts these three; Kazoo itself signs with RS256
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly ConcurrentDictionary<string, (TokenClaims Claims, DateTimeOffset Until)> verified = new(StringComparer.Ordinal);

    public static bool IsKazooAlgorithm(string? alg) => alg is not null && Algorithms.Contains(alg, StringComparer.Ordinal);

    public async Task<TokenCheck> CheckAsync(JsonWebToken jwt, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        if (options.Value.Enabled != true)
        {
            return JwtRules.Unusable("kazoo tokens are not accepted");
        }
        var now = clock.GetUtcNow();
        if (verified.TryGetValue(token, out var known) && now < known.Until)
        {
            return known.Claims.ExpiresAtUnix <= now.ToUnixTimeSeconds()
                ? new TokenCheck(TokenStatus.Expired, known.Claims, "token_expired")
                : new TokenCheck(TokenStatus.Valid, known.Claims);
        }
        if (!JwtRules.IsPlainId(jwt.Kid) || await keys.FindAsync(jwt.Kid, cancellationToken).ConfigureAwait(false) is not { } key)
        {
            return JwtRules.Unusable("invalid_jwt_signature");
        }
        var result = await ValidateAsync(jwt, key).ConfigureAwait(false);
        if (JwtRules.IsSignatureFailure(result.Exception) && await keys.RereadAsync(key, cancellationToken).ConfigureAwait(false) is { } reread)
        {
            result = await ValidateAsync(jwt, reread).ConfigureAwait(false);
        }
        if (!result.IsValid)
        {
            return result.Exception is SecurityTokenExpiredException && AccountOf(jwt) is { } expiredAccount
                ? new TokenCheck(TokenStatus.Expired, new TokenClaims(expiredAccount, false, 0, 0), "token_expired")
                : JwtRules.Unusable(JwtRules.Reason(result.Exception));
        }
        return await CheckClaimsAsync(jwt, token, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TokenCheck> CheckClaimsAsync(JsonWebToken jwt, string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // kz_auth:validate_claims/2 refuses a token without account_id
        if (AccountOf(jwt) is not { } accountId)
        {
            return JwtRules.Unusable("no associated account_id");
        }
        var until = now + options.Value.SecretLifetime;
        if (options.Value.VerifyIdentitySignature && jwt.TryGetClaim("identity_sig", out _))
        {
            var (failure, trustedUntil) = await CheckIdentityAsync(jwt, accountId, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return JwtRules.Unusable(failure);
            }
            until = trustedUntil < until ? trustedUntil : until;
        }
        var account = await accounts.FindAsync(accountId, cancellationToken).ConfigureAwait(false);
        var claims = new TokenClaims(
            accountId,
            // Kazoo's tokens carry no admin claim: cb_token_auth derives it from the account document
            account is not null && AccountDocument.IsSuperDuperAdmin(account),
            0,
            jwt.TryGetPayloadValue<long>("exp", out var exp) ? exp : long.MaxValue,
            jwt.TryGetPayloadValue<string>("owner_id", out var owner) ? owner : null);
        if (verified.Count >= MaxVerified)
        {
            verified.Clear();
        }
        verified[token] = (claims, until);
        return new TokenCheck(TokenStatus.Valid, claims);
    }

    // kz_auth_identity:verify/2: the identity (device, else owner, else account, get_identity/1) must exist and its
    // secret must sign its id
    private async Task<(string? Failure, DateTimeOffset TrustedUntil)> CheckIdentityAsync(JsonWebToken jwt, string accountId, CancellationToken cancellationToken)
    {
        const string Invalid = "invalid_identity_signature";
        if (!jwt.TryGetPayloadValue<string>("identity_sig", out var signature) || string.IsNullOrEmpty(signature))
        {
            return (Invalid, default);
        }
        var identityId = Claim(jwt, "device_id") ?? Claim(jwt, "owner_id") ?? accountId;
        if (!JwtRules.IsPlainId(identityId))
        {
            return (Invalid, default);
        }
        var identity = await secrets.IdentityAsync(accountId, identityId, cancellationToken).ConfigureAwait(false);
        var system = await secrets.SystemAsync(cancellationToken).ConfigureAwait(false);
        if (identity.Value is null || system.Value is null)
        {
            return ("invalid_identity_provider", default);
        }
        if (!IdentitySignature.Matches(signature, identity.Value, system.Value, identityId))
        {
            return (Invalid, default);
        }
        var readAt = identity.ReadAt < system.ReadAt ? identity.ReadAt : system.ReadAt;
        return (null, readAt + options.Value.SecretLifetime);
    }

    private Task<TokenValidationResult> ValidateAsync(JsonWebToken jwt, KazooPublicKey key) =>
        JwtRules.Handler.ValidateTokenAsync(jwt, JwtRules.Parameters(key.Key, Issuer, Algorithms, clock, requireExpiry: false));

    private static string? AccountOf(JsonWebToken jwt) => Claim(jwt, "account_id") is { } id && KazooIds.HasAccountIdShape(id) ? id : null;

    private static string? Claim(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
