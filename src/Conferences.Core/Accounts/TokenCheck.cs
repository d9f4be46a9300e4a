namespace Conferences.Core.Accounts;

/// <summary>
/// How crossbar's early authentication sees a token (kazoo-reference §1.2 step 2): valid, expired (401 at once),
/// or unusable (not a JWT, bad signature — treated as if no token was sent).
/// </summary>
public enum TokenStatus
{
    Valid,
    Expired,
    Unusable,
}

public sealed record TokenCheck(TokenStatus Status, TokenClaims? Claims);
