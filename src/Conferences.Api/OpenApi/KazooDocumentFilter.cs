using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Conferences.Api.OpenApi;

/// <summary>One tag per Kazoo module the service answers for.</summary>
public sealed class KazooDocumentFilter : IDocumentFilter
{
    public const string ConferencesTag = "Conferences";
    public const string AccountsTag = "Accounts";
    public const string AuthenticationTag = "Authentication";
    public const string WebhooksTag = "Conference webhooks";

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [ConferencesTag] = "Kazoo's conferences API (cb_conferences): conference documents, their actions, and the participants of running conferences.",
        [AccountsTag] = "The part of Kazoo's accounts API (cb_accounts) this service needs: read an account, create a child, read its API key.",
        [WebhooksTag] = "Conference webhooks (docs/webhooks.md): HTTP endpoints that receive the conference events, signed, retried and logged.",
        [AuthenticationTag] = "Tokens (cb_api_auth, cb_user_auth, cb_auth): trade an API key or a user's credentials for one, or ask what one says.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        foreach (var tag in swaggerDoc.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= tag.Name is { } name && Descriptions.TryGetValue(name, out var description) ? description : null;
        }
    }
}
