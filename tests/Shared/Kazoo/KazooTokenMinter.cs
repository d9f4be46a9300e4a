using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Conferences.Tests.Kazoo;

/// <summary>
/// Mints tokens byte for byte as Kazoo's crossbar does (<c>kz_auth_jwt:encode/1</c>): header
/// <c>{"alg":"RS256","typ":"JWT","kid":…}</c>, payload in <c>crossbar_auth:create_auth_token/2</c>'s order with no
/// <c>iat</c>, base64url without padding, RSASSA-PKCS1-v1_5. Written by hand on purpose: it stands in for Kazoo.
/// </summary>
public sealed class KazooTokenMinter(RSA key, string kid)
{
    public string Kid { get; } = kid;

    public RSA Key { get; } = key;

    /// <summary>The two checked-in keys (<c>kazoo-key-1.pem</c>, <c>kazoo-key-2.pem</c>): 2048 bits, public exponent 2049, as Kazoo makes them.</summary>
    public static string Pem(int number)
    {
        using var stream = typeof(KazooTokenMinter).Assembly.GetManifestResourceStream($"kazoo-key-{number}.pem")
            ?? throw new InvalidOperationException($"kazoo-key-{number}.pem is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static KazooTokenMinter FromPem(string pem, string kid)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new KazooTokenMinter(rsa, kid);
    }

    /// <summary>A <c>user_auth</c> token: <c>identity_sig</c> over the owner, <c>exp</c> an hour on unless given.</summary>
    public string UserToken(string accountId, string ownerId, string? identitySig, long? exp = null, string alg = "RS256") =>
        Mint(Claims(accountId, ownerId, identitySig, exp ?? DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), "cb_user_auth"), alg);

    /// <summary>An <c>api_auth</c> token: no <c>owner_id</c>, the identity is the account.</summary>
    public string AccountToken(string accountId, string? identitySig, long? exp = null) =>
        Mint(Claims(accountId, null, identitySig, exp ?? DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), "cb_api_auth"), "RS256");

    public static JsonObject Claims(string accountId, string? ownerId, string? identitySig, long? exp, string method)
    {
        var claims = new JsonObject { ["iss"] = "kazoo" };
        if (identitySig is not null)
        {
            claims["identity_sig"] = identitySig;
        }
        claims["account_id"] = accountId;
        if (ownerId is not null)
        {
            claims["owner_id"] = ownerId;
        }
        claims["method"] = method;
        if (exp is not null)
        {
            claims["exp"] = exp;
        }
        return claims;
    }

    public string Mint(JsonObject claims, string alg = "RS256", JsonObject? header = null)
    {
        header ??= new JsonObject { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = Kid };
        var signingInput = $"{Encode(header.ToJsonString())}.{Encode(claims.ToJsonString())}";
        var hash = alg switch { "RS384" => HashAlgorithmName.SHA384, "RS512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA256 };
        var signature = Key.SignData(Encoding.ASCII.GetBytes(signingInput), hash, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Encode(signature)}";
    }

    /// <summary>Kazoo's identity signature (<c>kz_auth_identity:sign/1</c>), computed here independently of the service.</summary>
    public static string IdentitySig(string identitySecret, string systemSecret, string identityId) =>
        Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(identitySecret + systemSecret), Encoding.UTF8.GetBytes(identityId)));

    public static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string NewHex() => Guid.NewGuid().ToString("N");
}
