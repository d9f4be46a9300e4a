namespace Conferences.Core.Kazoo;

/// <summary>
/// Kazoo keeps one database per account named <c>account/XX/YY/REST</c>, stored URL-encoded as
/// <c>account%2FXX%2FYY%2FREST</c> (<c>kzs_util:format_account_id/2</c>; docs/kazoo-storage.md).
/// </summary>
public static class AccountDatabase
{
    /// <summary>The database holding every account document (Kazoo's <c>accounts</c> aggregate).</summary>
    public const string Accounts = "accounts";

    /// <summary>The database of system-wide settings (Kazoo's <c>system_config</c>).</summary>
    public const string SystemConfig = "system_config";

    public static string Encoded(string accountId) =>
        $"account%2F{accountId[..2]}%2F{accountId[2..4]}%2F{accountId[4..]}";

    public static string Raw(string accountId) => $"account/{accountId[..2]}/{accountId[2..4]}/{accountId[4..]}";

    public static bool IsAccountDatabase(string db) => db.StartsWith("account%2F", StringComparison.Ordinal);
}
