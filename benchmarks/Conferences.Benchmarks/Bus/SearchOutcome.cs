namespace Conferences.Benchmarks.Bus;

/// <summary>One search: whether the hosting manager's <c>search_resp</c> came back, and how many replies were collected.</summary>
public readonly record struct SearchOutcome(bool Found, int Replies);
