using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conferences.Api.OpenApi;

/// <summary>A <see cref="JsonNode"/> property is any JSON value: OpenAPI 3.0 says so with a schema without
/// <c>type</c>, which may not carry <c>nullable</c> either (null is already one of the values).</summary>
public sealed class FreeFormJsonFilter : ISchemaFilter
{
    public const string AnyValue = "any JSON value";

    public static OpenApiSchema Schema() => new() { Description = AnyValue };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var property in schema.Properties?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (property.Description == AnyValue && property.Type == JsonSchemaType.Null)
            {
                property.Type = null;
            }
        }
    }
}
