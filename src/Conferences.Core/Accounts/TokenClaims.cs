namespace Conferences.Core.Accounts;

/// <summary>
/// What a crossbar token says: whose it is and until when (Gregorian seconds are not used in JWTs: Unix).
/// <see cref="OwnerId"/> is the user a <c>user_auth</c> token was issued to (Kazoo's <c>owner_id</c> claim); null for
/// <c>api_auth</c> tokens, which belong to the account alone.
/// </summary>
public sealed record TokenClaims(string AccountId, bool IsSuperDuperAdmin, long IssuedAtUnix, long ExpiresAtUnix, string? OwnerId = null);
