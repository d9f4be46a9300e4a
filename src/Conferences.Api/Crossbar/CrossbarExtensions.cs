using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Conferences.Api.Crossbar;

/// <summary>Registers and wires the crossbar pipeline: envelope middleware, the one error handler, controllers.</summary>
public static class CrossbarExtensions
{
    public static WebApplicationBuilder AddCrossbar(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrossbarOptions>().BindConfiguration(CrossbarOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<EnvelopeWriter>();
        builder.Services.AddSingleton<CrossbarRouteTable>();
        builder.Services.AddExceptionHandler<CrossbarExceptionHandler>();
        builder.Services.AddSingleton<CrossbarAccountCheck>();
        builder.Services.AddScoped<CrossbarAccountFilter>();
        builder.Services.AddSingleton<ConferenceReadAnswers>();
        builder.Services.AddSingleton<ReadEndpoint>();
        builder.Services.AddHostedService<BootstrapHostedService>();
        builder.Services.AddHostedService<CrossbarNodeService>();
        builder.Services
            .AddControllers(o =>
            {
                // actions bind route values only: the envelope middleware has read the body, so a form content type
                // must not make MVC parse it again (a multipart GET would fail there)
                o.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
                o.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
                o.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
                o.ModelMetadataDetailsProviders.Add(new PathTokensAsSent());
            })
            .ConfigureApiBehaviorOptions(o => o.SuppressModelStateInvalidFilter = true);
        // Bodies are read by the envelope middleware with its own limit (D10); Kestrel's must not refuse first.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        return builder;
    }

    /// <summary>Error envelopes outermost; verb tunnelling before routing; crossbar's case-sensitive 404/405 after
    /// it.</summary>
    public static WebApplication UseCrossbar(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = _ => Task.CompletedTask,
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseMiddleware<CrossbarRequestMiddleware>();
        app.UseRouting();
        app.UseMiddleware<CrossbarRoutingMiddleware>();
        app.UseMiddleware<IdempotencyClaimMiddleware>();
        return app;
    }

    public static WebApplication MapCrossbar(this WebApplication app)
    {
        // the conference GETs keep MVC's endpoints but not its invoker (ReadEndpoint)
        app.MapControllers().Add(endpoint => ReadEndpoint.Replace(endpoint, app.Services));
        return app;
    }
}
