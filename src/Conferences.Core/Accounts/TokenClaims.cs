namespace Conferences.Core.Accounts;

/// <summary>What a crossbar token says: whose it is and until when (Gregorian seconds are not used in JWTs: Unix).</summary>
public sealed record TokenClaims(string AccountId, bool IsSuperDuperAdmin, long IssuedAtUnix, long ExpiresAtUnix);
