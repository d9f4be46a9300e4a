using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conferences.Core.Kazoo;

namespace Conferences.Core.Accounts;

/// <summary>
/// Signed, expiring tokens as Kazoo 5 issues them: HS256 JWTs valid for 3600 s by default
/// (kazoo-reference §4, profile §4). The signing key is shared by every instance through the store.
/// </summary>
public sealed class TokenService(SigningKeyHolder keys, TimeProvider clock)
{
    public const int DefaultLifetimeSeconds = 3600;

    private static readonly string Header = Base64Url.Encode(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));

    public int LifetimeSeconds { get; init; } = DefaultLifetimeSeconds;

    /// <summary>An account's token (<c>api_auth</c>).</summary>
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
            ["iss"] = "conferences",
        };
        if (ownerId is not null)
        {
            payload["owner_id"] = ownerId;
        }
        var body = Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return $"{Header}.{body}.{Sign($"{Header}.{body}")}";
    }

    public TokenCheck Check(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            return new TokenCheck(TokenStatus.Unusable, null);
        }
        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return new TokenCheck(TokenStatus.Unusable, null);
        }
        var claims = ReadClaims(parts[1]);
        if (claims is null)
        {
            return new TokenCheck(TokenStatus.Unusable, null);
        }
        var expired = claims.ExpiresAtUnix <= clock.GetUtcNow().ToUnixTimeSeconds();
        return new TokenCheck(expired ? TokenStatus.Expired : TokenStatus.Valid, claims);
    }

    private static TokenClaims? ReadClaims(string encodedPayload)
    {
        try
        {
            var payload = JsonNode.Parse(Base64Url.TryDecode(encodedPayload) ?? [], documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject;
            var accountId = payload?["account_id"]?.GetValue<string>();
            if (payload is null || accountId is null)
            {
                return null;
            }
            return new TokenClaims(
                accountId,
                payload["superduper_admin"]?.GetValue<bool>() ?? false,
                payload["iat"]?.GetValue<long>() ?? 0,
                payload["exp"]?.GetValue<long>() ?? 0,
                payload["owner_id"]?.GetValue<string>());
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private string Sign(string input) => Base64Url.Encode(HMACSHA256.HashData(keys.Key, Encoding.UTF8.GetBytes(input)));
}
