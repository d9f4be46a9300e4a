using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conferences.Core.Accounts;

/// <summary>HS256 JWTs valid 3600 s like Kazoo's; the key is shared by every instance through the store (ADR
/// 0004).</summary>
public sealed class TokenService(SigningKeyHolder keys, TimeProvider clock)
{
    public const int DefaultLifetimeSeconds = 3600;
    public const string Issuer = "conferences";

    private static readonly string[] Algorithms = [SecurityAlgorithms.HmacSha256];

    private readonly VerifiedTokens verified = new();
    private (byte[] Bytes, SymmetricSecurityKey Key)? current;

    public int LifetimeSeconds { get; init; } = DefaultLifetimeSeconds;

    public string Issue(string accountId, bool isSuperDuperAdmin) => Issue(accountId, isSuperDuperAdmin, ownerId: null);

    /// <summary>A token of <paramref name="accountId"/>, carrying Kazoo's <c>owner_id</c> claim when a user logged in (<c>user_auth</c>).</summary>
    public string Issue(string accountId, bool isSuperDuperAdmin, string? ownerId)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["account_id"] = accountId,
            ["superduper_admin"] = isSuperDuperAdmin,
            ["iat"] = now,
            ["exp"] = now + LifetimeSeconds,
            ["iss"] = Issuer,
        };
        if (ownerId is not null)
        {
            payload["owner_id"] = ownerId;
        }
        return JwtRules.Handler.CreateToken(payload.ToJsonString(), new SigningCredentials(Key(), SecurityAlgorithms.HmacSha256));
    }

    /// <summary>Signature (HS256 only), then expiry, then the claims this service writes.</summary>
    public Task<TokenCheck> CheckAsync(string token) =>
        JwtRules.Handler.CanReadToken(token) ? CheckAsync(new JsonWebToken(token)) : Task.FromResult(JwtRules.Unusable("invalid_jwt"));

    /// <summary>The token <see cref="Auth.TokenValidator"/> already parsed, so it is not parsed twice.</summary>
    public async Task<TokenCheck> CheckAsync(JsonWebToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var bytes = keys.Key;
        var result = await JwtRules.Handler.ValidateTokenAsync(token, JwtRules.Parameters(Key(bytes), Issuer, Algorithms, clock, requireExpiry: true)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return result.Exception is SecurityTokenExpiredException && ReadClaims(token) is { } expired
                ? new TokenCheck(TokenStatus.Expired, expired, JwtRules.Reason(result.Exception))
                : JwtRules.Unusable(JwtRules.Reason(result.Exception));
        }
        if (ReadClaims(token) is not { } claims)
        {
            return JwtRules.Unusable("invalid_jwt");
        }
        verified.Add(token.EncodedToken, bytes, claims);
        return new TokenCheck(TokenStatus.Valid, claims);
    }

    /// <summary>The answer for a token verified before under the current key and not expired yet; null otherwise (<see cref="VerifiedTokens"/>).</summary>
    public TokenCheck? Verified(string token) =>
        keys.Loaded is { } key && verified.Find(token, key, clock.GetUtcNow()) is { } claims ? new TokenCheck(TokenStatus.Valid, claims) : null;

    private static TokenClaims? ReadClaims(JsonWebToken jwt)
    {
        if (!jwt.TryGetPayloadValue<string>("account_id", out var accountId) || accountId is null)
        {
            return null;
        }
        return new TokenClaims(
            accountId,
            jwt.TryGetPayloadValue<bool>("superduper_admin", out var admin) && admin,
            jwt.TryGetPayloadValue<long>("iat", out var iat) ? iat : 0,
            jwt.TryGetPayloadValue<long>("exp", out var exp) ? exp : 0,
            jwt.TryGetPayloadValue<string>("owner_id", out var owner) ? owner : null);
    }

    private SymmetricSecurityKey Key() => Key(keys.Key);

    private SymmetricSecurityKey Key(byte[] bytes)
    {
        if (current is { } held && ReferenceEquals(held.Bytes, bytes))
        {
            return held.Key;
        }
        var key = new SymmetricSecurityKey(bytes);
        current = (bytes, key);
        return key;
    }
}
