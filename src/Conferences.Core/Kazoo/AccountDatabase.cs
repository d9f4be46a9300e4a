namespace Conferences.Core.Kazoo;

/// <summary><c>account/XX/YY/REST</c>, stored URL-encoded (<c>kzs_util:format_account_id/2</c>;
/// docs/kazoo-storage.md).</summary>
public static class AccountDatabase
{
    public const string Accounts = "accounts";

    public const string SystemConfig = "system_config";

    public static string Encoded(string accountId) =>
        $"account%2F{accountId[..2]}%2F{accountId[2..4]}%2F{accountId[4..]}";

    public static string Raw(string accountId) => $"account/{accountId[..2]}/{accountId[2..4]}/{accountId[4..]}";

    public static bool IsAccountDatabase(string db) => db.StartsWith("account%2F", StringComparison.Ordinal);
}
