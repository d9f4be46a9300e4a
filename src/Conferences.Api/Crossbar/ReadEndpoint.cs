namespace Conferences.Api.Crossbar;

/// <summary>The GETs of a conference and of the conference list without MVC's invoker, filters and model binding: the
/// request delegate of the endpoint MVC built for the action (same route, name, metadata, logs and metrics), running
/// the same account checks, Core services and envelope writer (ADR 0017).</summary>
public sealed class ReadEndpoint(CrossbarAccountCheck check, ConferenceReadAnswers answers)
{
    public const string ConferenceRouteKey = "conference_id";

    /// <summary>Gives each action marked <see cref="ReadEndpointAttribute"/> this request delegate.</summary>
    public static void Replace(EndpointBuilder endpoint, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Metadata.OfType<ReadEndpointAttribute>().LastOrDefault() is { } marked)
        {
            var read = marked.Read;
            var reads = new Lazy<ReadEndpoint>(services.GetRequiredService<ReadEndpoint>);
            endpoint.RequestDelegate = http => reads.Value.ServeAsync(http, read);
        }
    }

    public async Task ServeAsync(HttpContext http, ConferenceRead read)
    {
        ArgumentNullException.ThrowIfNull(http);
        var context = await check.CheckAsync(http, http.GetRouteValue(CrossbarAccountCheck.AccountRouteKey)?.ToString()).ConfigureAwait(false);
        if (read == ConferenceRead.List)
        {
            await answers.ListAsync(http, context).ConfigureAwait(false);
        }
        else
        {
            await answers.GetAsync(http, context, http.GetRouteValue(ConferenceRouteKey)?.ToString() ?? string.Empty).ConfigureAwait(false);
        }
    }
}
