namespace Conferences.Core.Kapi;

/// <summary>Kazoo's builders answer <c>{error, "Proplist failed validation…"}</c> and publish nothing
/// (<c>kz_api.erl</c>).</summary>
public sealed class KapiValidationException(string messageName, IReadOnlyList<KapiProblem> problems)
    : Exception($"kapi {messageName} failed validation: {string.Join("; ", problems)}")
{
    public string MessageName { get; } = messageName;

    public IReadOnlyList<KapiProblem> Problems { get; } = problems;
}
