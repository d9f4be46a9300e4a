namespace Conferences.Core.Errors;

/// <summary>Thrown anywhere in Core; the API's one handler turns it into the envelope
/// (<c>crossbar_util:response/5</c>).</summary>
public sealed class CrossbarException(int status, string errorName, JsonNode? data, string? detail = null)
    : Exception(detail ?? $"{status} {errorName}")
{
    public int Status { get; } = status;

    public string ErrorName { get; } = errorName;

    public JsonNode? ErrorData { get; } = data;
}
