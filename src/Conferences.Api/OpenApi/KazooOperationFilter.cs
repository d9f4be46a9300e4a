using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conferences.Api.OpenApi;

/// <summary>
/// Tells the truth about crossbar in the OpenAPI document: every write takes the <c>{"data": …}</c> envelope,
/// every operation can answer Kazoo's error envelope, and <c>X-Auth-Token</c> authenticates.
/// </summary>
public sealed class KazooOperationFilter : IOperationFilter
{
    private static readonly string[] ErrorStatuses = ["400", "401", "403", "404", "405", "409", "412", "413", "415", "503"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.ApiDescription.HttpMethod ?? "GET";
        if (method is "PUT" or "POST" or "PATCH")
        {
            // PUT on a conference (not on the collection) runs an action: the envelope names it, data carries its input
            var isAction = method == "PUT" && context.ApiDescription.RelativePath?.Contains("conferences/{conference_id}", StringComparison.Ordinal) == true;
            var example = isAction
                ? System.Text.Json.Nodes.JsonNode.Parse("""{"action":"dial","data":{"endpoints":["sip:alice@example.com","1000"],"caller_id_name":"Sales","participant_flags":["is_moderator"]}}""")
                : System.Text.Json.Nodes.JsonNode.Parse("""{"data":{"name":"Sales","member":{"pins":["1234"]},"conference_numbers":["5550100"]}}""");
            var properties = new Dictionary<string, IOpenApiSchema>
            {
                ["data"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = isAction
                        ? "the action's data (dial: see schemas/conferences.dial.json); may also hold `action`"
                        : "the conference document (see schemas/conferences.json)",
                },
            };
            if (isAction)
            {
                properties["action"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "the action, e.g. `dial`" };
            }
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = "Kazoo request envelope: the document (or action) goes under `data`.",
                Required = method != "PUT" || context.ApiDescription.RelativePath?.EndsWith("conferences", StringComparison.Ordinal) == true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "data" },
                            Properties = properties,
                        },
                        Example = example,
                    },
                },
            };
        }
        operation.Responses ??= [];
        var errorSchema = context.SchemaGenerator.GenerateSchema(typeof(ErrorEnvelope), context.SchemaRepository);
        foreach (var status in ErrorStatuses)
        {
            operation.Responses.TryAdd(status, new OpenApiResponse
            {
                Description = "Kazoo error envelope",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = errorSchema } },
            });
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "X-Auth-Token",
            In = ParameterLocation.Header,
            Required = false,
            Description = "token from PUT /v2/api_auth",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
