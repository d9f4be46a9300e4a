using System.Security.Cryptography;

namespace Conferences.Api.Tests.KazooAuth;

/// <summary>Tokens an attacker could make from what a Kazoo cluster publishes.</summary>
internal static class ForgedTokens
{
    /// <summary>The classic confusion attack: HS256 "signed" with the bytes of the RSA public key.</summary>
    public static string HmacWithPublicKey(KazooCluster kazoo, JsonObject claims)
    {
        var header = KazooTokenMinter.Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = kazoo.Kid }.ToJsonString());
        var input = $"{header}.{KazooTokenMinter.Encode(claims.ToJsonString())}";
        var key = Encoding.UTF8.GetBytes(kazoo.Minter.Key.ExportRSAPublicKeyPem());
        return $"{input}.{KazooTokenMinter.Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(input)))}";
    }
}
