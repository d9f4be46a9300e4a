namespace Conferences.Core.Accounts;

/// <summary><see cref="OwnerId"/> is the user of a <c>user_auth</c> token, null for <c>api_auth</c>.</summary>
public sealed record TokenClaims(string AccountId, bool IsSuperDuperAdmin, long IssuedAtUnix, long ExpiresAtUnix, string? OwnerId = null);
