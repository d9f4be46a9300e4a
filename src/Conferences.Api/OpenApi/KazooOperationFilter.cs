using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conferences.Api.OpenApi;

/// <summary>Every write takes the <c>{"data": …}</c> envelope, every operation may answer an error envelope.</summary>
public sealed class KazooOperationFilter : IOperationFilter
{
    public const string AuthTokenScheme = "X-Auth-Token";

    private static readonly string[] ErrorStatuses = ["400", "401", "403", "404", "405", "409", "412", "413", "415", "503"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.ApiDescription.HttpMethod ?? "GET";
        if (method is "PUT" or "POST" or "PATCH")
        {
            operation.RequestBody = RequestBody(KazooRequestBody.For(method, context.ApiDescription.RelativePath ?? ""));
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
        // the account routes check the token (CrossbarAccountFilter); the login routes and tokeninfo take none
        // (cb_api_auth, cb_user_auth, cb_auth:authenticate_nouns/1): an explicit empty list says so
        var needsToken = context.MethodInfo.DeclaringType?.IsDefined(typeof(CrossbarAccountAttribute), inherit: true) == true;
        operation.Security = needsToken
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthTokenScheme, context.Document)] = [] }]
            : [];
    }

    private static OpenApiRequestBody RequestBody(KazooRequestBody body)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["data"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = body.DataDescription },
        };
        if (body.ActionDescription is { } action)
        {
            properties["action"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = action };
        }
        var examples = new Dictionary<string, IOpenApiExample>();
        for (var i = 0; i < body.Examples.Count; i++)
        {
            examples[body.Examples[i].Name] = new OpenApiExample { Summary = body.Examples[i].Summary, Value = body.ExampleValue(i) };
        }
        return new OpenApiRequestBody
        {
            Description = body.ActionDescription is null
                ? "Kazoo request envelope: the document goes under `data`."
                : "Kazoo request envelope: the action under `action` (or in `data`), its input under `data`.",
            Required = body.Required,
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
                    // named examples (OpenAPI allows `example` or `examples`, not both); viewers prefill the first
                    Examples = examples.Count == 0 ? null : examples,
                },
            },
        };
    }
}
