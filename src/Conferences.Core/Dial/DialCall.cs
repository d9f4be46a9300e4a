namespace Conferences.Core.Dial;

// What cb_conferences:create_call/2 puts in the kapps_call the endpoints are built for; CallerId is the outbound caller
// id of the simplified builder.
internal sealed record DialCall(
    string AccountId,
    string? AccountRealm,
    string ConferenceId,
    string? CallerIdName,
    string? CallerIdNumber);
