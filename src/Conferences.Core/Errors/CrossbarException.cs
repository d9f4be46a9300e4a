using System.Text.Json.Nodes;

namespace Conferences.Core.Errors;

/// <summary>
/// A failure that crossbar answers with its error envelope: HTTP <see cref="Status"/>, envelope <c>error</c> =
/// the status as a string, <c>message</c> = <see cref="ErrorName"/>, <c>data</c> = <see cref="ErrorData"/>
/// (<c>crossbar_util:response/5</c>). Thrown anywhere; turned into an envelope in exactly one place in the API.
/// </summary>
public sealed class CrossbarException(int status, string errorName, JsonNode? data, string? detail = null)
    : Exception(detail ?? $"{status} {errorName}")
{
    public int Status { get; } = status;

    public string ErrorName { get; } = errorName;

    public JsonNode? ErrorData { get; } = data;
}
