using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conferences.Api.OpenApi;

/// <summary>
/// Describes this service's additions to the acting PUTs (docs/compatibility.md, "Actions a script can trust"): the
/// <c>Idempotency-Key</c> header with its 409/422 answers and the <c>Idempotent-Replayed</c> header, and on the
/// actions the <c>wait=applied</c> parameter with its 202 answer.
/// </summary>
public sealed class ScriptableActionsFilter : IOperationFilter
{
    private static readonly string[] Actions = ["HandleConferenceAction", "HandleAllParticipantsAction", "HandleParticipantAction"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.MethodInfo.IsDefined(typeof(IdempotentAttribute), inherit: true))
        {
            return;
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyFilter.HeaderName,
            In = ParameterLocation.Header,
            Description = "Makes a retry safe: the same request under the same key within 24 hours answers the first answer again "
                + "without acting (`Idempotent-Replayed: true`); a different request under the key is 422 `idempotency_key_reused`, "
                + "a duplicate still running 409 `idempotency_key_in_progress`.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
        });
        var errors = context.SchemaGenerator.GenerateSchema(typeof(ErrorEnvelope), context.SchemaRepository);
        operation.Responses!.TryAdd("422", new OpenApiResponse
        {
            Description = "Kazoo error envelope `idempotency_key_reused`: the Idempotency-Key was used for a different request",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = errors } },
        });
        if (operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse success)
        {
            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            success.Headers[IdempotencyFilter.ReplayedHeader] = new OpenApiHeader
            {
                Description = "`true` when this is the first answer under the Idempotency-Key, replayed",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("true")] },
            };
            if (Actions.Contains(context.MethodInfo.Name))
            {
                AddWait(operation, success);
            }
        }
    }

    private static void AddWait(OpenApiOperation operation, OpenApiResponse success)
    {
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = "wait",
            In = ParameterLocation.Query,
            Description = "`applied`: answer once the media server's events confirm the command (mute-member, del-member, lock, "
                + "the dialled legs' add-member), with `metadata.confirmed`; the envelope's `wait` does the same.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("applied")] },
        });
        operation.Responses!.TryAdd("202", new OpenApiResponse
        {
            Description = "`wait=applied` timed out: the commands were sent but some targets are not confirmed yet "
                + "(`metadata.unconfirmed`); read the conference to check",
            Content = success.Content,
        });
    }
}
