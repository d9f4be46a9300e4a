namespace Conferences.Api.Crossbar;

/// <summary>Marks a GET action whose endpoint <see cref="ReadEndpoint"/> answers without MVC's invoker; the action
/// still describes the endpoint (route, name, OpenAPI) and answers alike if it is ever invoked.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadEndpointAttribute(ConferenceRead read) : Attribute
{
    public ConferenceRead Read { get; } = read;
}

/// <summary>The reads served by <see cref="ReadEndpoint"/>.</summary>
public enum ConferenceRead
{
    /// <summary><c>GET /v2/accounts/{account_id}/conferences/{conference_id}</c>.</summary>
    Conference,

    /// <summary><c>GET /v2/accounts/{account_id}/conferences</c>.</summary>
    List,
}
