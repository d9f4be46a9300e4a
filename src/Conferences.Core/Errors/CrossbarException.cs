namespace Conferences.Core.Errors;

/// <summary>
/// A failure crossbar answers with its error envelope (<c>crossbar_util:response/5</c>); thrown anywhere, turned into
/// an envelope in one place in the API.
/// </summary>
public sealed class CrossbarException(int status, string errorName, JsonNode? data, string? detail = null)
    : Exception(detail ?? $"{status} {errorName}")
{
    public int Status { get; } = status;

    public string ErrorName { get; } = errorName;

    public JsonNode? ErrorData { get; } = data;
}
