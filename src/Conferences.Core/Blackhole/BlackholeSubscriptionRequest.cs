namespace Conferences.Core.Blackhole;

internal sealed record BlackholeSubscriptionRequest(string AccountId, IReadOnlyList<ParsedBinding> Parsed);
