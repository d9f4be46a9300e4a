namespace Conferences.Core.Dial;

/// <summary>
/// What crossbar's <c>create_call/2</c> puts in the <c>kapps_call</c> that endpoints are built for
/// (<c>cb_conferences:create_call/2</c>): the account, its realm, and the conference as the authorizing party
/// (<c>Authorizing-Type: conference</c>, <c>Authorizing-ID</c> = conference id); plus the caller id the dial
/// presents, which the simplified device builder uses as the endpoints' outbound caller id.
/// </summary>
internal sealed record DialCall(
    string AccountId,
    string? AccountRealm,
    string ConferenceId,
    string? CallerIdName,
    string? CallerIdNumber);
