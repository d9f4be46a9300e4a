namespace Conferences.Core.Blackhole;

/// <summary>A subscribe or unsubscribe frame that passed validation: the account and each binding as parsed.</summary>
internal sealed record BlackholeSubscriptionRequest(string AccountId, IReadOnlyList<ParsedBinding> Parsed);
