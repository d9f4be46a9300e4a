namespace Conferences.Core.Webhooks;

/// <summary>
/// A webhook's signing secret: 32 random bytes, written as <c>whsec_</c> and 64 hex characters. Receivers verify
/// <c>HMAC-SHA256(secret, "{timestamp}.{body}")</c> (docs/webhooks.md, "Verifying a delivery").
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string New() => Prefix + KazooIds.RandomHex(32);

    /// <summary>The <c>v1=</c> signature of one delivery: lower-case hex HMAC-SHA256 over <c>{timestamp}.{body}</c>.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
