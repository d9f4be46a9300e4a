namespace Conferences.Core.Accounts;

/// <summary>How crossbar's early authentication sees a token (<c>cb_token_auth:check_auth_token/3</c>).</summary>
public enum TokenStatus
{
    Valid,
    Expired,
    Unusable,
}

/// <summary>The outcome of a token check; <paramref name="Reason"/> names a failure as Kazoo's <c>kz_auth_jwt</c> does.</summary>
public sealed record TokenCheck(TokenStatus Status, TokenClaims? Claims, string? Reason = null);
