namespace Conferences.Core.Kazoo;

public static class KazooIds
{
    /// <summary>16 random bytes as 32 lower-case hex characters (<c>kz_binary:rand_hex/1</c>).</summary>
    public static string NewId() => RandomHex(16);

    public static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>Crossbar accepts an account path token only when it is exactly 32 characters (<c>api_resource:malformed_request/2</c>).</summary>
    public static bool HasAccountIdShape(string id) => id.Length == 32;

    public static bool IsHex32(string id) => id.Length == 32 && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
