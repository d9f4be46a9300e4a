namespace Conferences.Fuzz;

/// <summary>The accounts a run uses: the one under test (its token) and a sibling that no request may change.</summary>
public sealed record FuzzAccounts(string AccountId, string Token, string SiblingId, string SiblingToken)
{
    /// <summary>The conferences every run starts with in the account under test (the generators name them).</summary>
    public static readonly string[] SeedConferences = ["c1", "c2"];

    public string Fill(string path) => path
        .Replace("{a}", AccountId, StringComparison.Ordinal)
        .Replace("{A}", AccountId.ToUpperInvariant(), StringComparison.Ordinal)
        .Replace("{s}", SiblingId, StringComparison.Ordinal);
}
