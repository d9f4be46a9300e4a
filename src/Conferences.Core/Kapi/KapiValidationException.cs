namespace Conferences.Core.Kapi;

/// <summary>
/// A kapi message could not be built: Kazoo's builders answer <c>{error, "Proplist failed validation for …"}</c>
/// and nothing is published (<c>kz_api.erl</c>). Lists every problem found.
/// </summary>
public sealed class KapiValidationException(string messageName, IReadOnlyList<KapiProblem> problems)
    : Exception($"kapi {messageName} failed validation: {string.Join("; ", problems)}")
{
    public string MessageName { get; } = messageName;

    public IReadOnlyList<KapiProblem> Problems { get; } = problems;
}
