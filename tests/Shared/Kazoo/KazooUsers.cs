using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Conferences.Core.Kazoo;

namespace Conferences.Tests.Kazoo;

/// <summary>
/// Kazoo user documents as <c>cb_users</c> stores them: both hashes of <c>username:password</c>
/// (<c>pvt_md5_auth</c>, <c>pvt_sha1_auth</c>) beside the account they belong to.
/// </summary>
public static class KazooUsers
{
    public static string Md5(string username, string password) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{username}:{password}")));

    public static string Sha1(string username, string password) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{username}:{password}")));

    /// <summary>An enabled admin user of <paramref name="accountId"/> with a new id.</summary>
    public static JsonObject Document(string accountId, string username, string password) => new()
    {
        ["_id"] = KazooIds.NewId(),
        ["username"] = username,
        ["first_name"] = "Ada",
        ["last_name"] = "Lovelace",
        ["enabled"] = true,
        ["priv_level"] = "admin",
        ["pvt_type"] = "user",
        ["pvt_md5_auth"] = Md5(username, password),
        ["pvt_sha1_auth"] = Sha1(username, password),
        ["pvt_account_id"] = accountId,
        ["pvt_account_db"] = AccountDatabase.Encoded(accountId),
        ["pvt_vsn"] = "1",
    };
}
