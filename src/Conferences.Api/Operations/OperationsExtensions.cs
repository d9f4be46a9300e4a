using Swashbuckle.AspNetCore.SwaggerGen;
using Conferences.Api.OpenApi;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Formatting.Compact;

namespace Conferences.Api.Operations;

/// <summary>Logging, health and the OpenAPI document (docs/operations.md).</summary>
public static class OperationsExtensions
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            // sinks and enrichers registered as services join the configured ones (a host or a test may add its own)
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning);
            if (builder.Configuration["Logging:Format"] == "json" || (!development && builder.Configuration["Logging:Format"] != "text"))
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {RequestId} {Message:lj}{NewLine}{Exception}");
            }
        }, preserveStaticLogger: true); // each host (several in one test process) logs through its own logger, not the static one
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v2", new Microsoft.OpenApi.OpenApiInfo
            {
                Title = "Conferences (Kazoo-compatible crossbar conferences API)",
                Version = "v2",
                Description = "Every answer is a Kazoo envelope; PUT answers 201; errors use Kazoo's error envelope.",
            });
            o.AddSecurityDefinition(KazooOperationFilter.AuthTokenScheme, new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.ApiKey,
                In = Microsoft.OpenApi.ParameterLocation.Header,
                Name = "X-Auth-Token",
                Description = "a token from PUT /v2/api_auth or PUT /v2/user_auth, or one Kazoo issued",
            });
            // first the document's own origin, so Swagger UI keeps working behind a proxy (docs/kazoo-cluster.md);
            // then the default listener (README) for a client generated from a saved copy
            o.AddServer(new Microsoft.OpenApi.OpenApiServer { Url = "/", Description = "this service, where the document was fetched" });
            o.AddServer(new Microsoft.OpenApi.OpenApiServer { Url = "http://127.0.0.1:8000", Description = "the default listener" });
            // the action names echo cb_conferences.erl and are unique (OpenApiDocumentTests pins them): a generated
            // client's method names
            o.CustomOperationIds(d => d.ActionDescriptor.RouteValues["action"]);
            o.OperationFilter<KazooOperationFilter>();
            o.OperationFilter<ScriptableActionsFilter>();
            o.DocumentFilter<KazooDocumentFilter>();
            o.CustomSchemaIds(t => t.Name);
            // free-form JSON: any value, or any object (not the node classes' own properties)
            o.MapType<JsonNode>(FreeFormJsonFilter.Schema);
            o.SchemaFilter<FreeFormJsonFilter>();
            o.MapType<JsonObject>(() => new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Object });
        });
        // the documentation records (OpenApi/) name their properties as Kazoo's JSON does, snake_case; answers are not
        // serialised from them, so the policy is the schema generator's alone
        builder.Services.AddTransient<ISerializerDataContractResolver>(_ => new JsonSerializerDataContractResolver(
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
        return builder;
    }

    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // a 503 (store or bus unavailable) is expected during an outage and already logged once where it is
            // detected; only an unexpected failure (500) is an Error
            o.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode == StatusCodes.Status500InternalServerError ? Serilog.Events.LogEventLevel.Error
                : http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Warning
                : Serilog.Events.LogEventLevel.Information;
            // the completion line is written outside RequestIdLogScope's scope: it names the same decided id
            o.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set("RequestId", CrossbarRequestId.Of(http));
        });
        app.UseMiddleware<RequestIdLogScope>();
        app.UseSwagger(o => o.RouteTemplate = "swagger/{documentName}/swagger.json");
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/swagger/v2/swagger.json", "Conferences v2"));
        return app;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        return app;
    }

    private static Task WriteHealthAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString().ToLowerInvariant(),
            ["checks"] = report.Entries.ToDictionary(
                e => e.Key,
                e => new Dictionary<string, object?>
                {
                    ["status"] = e.Value.Status.ToString().ToLowerInvariant(),
                    ["description"] = e.Value.Description,
                    ["data"] = e.Value.Data,
                }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
