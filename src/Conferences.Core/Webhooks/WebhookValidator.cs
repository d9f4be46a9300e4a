namespace Conferences.Core.Webhooks;

/// <summary>
/// A webhook document's request data: the <c>conferences_webhooks</c> schema (defaults and Kazoo's error map), then
/// the URI — absolute <c>http</c>/<c>https</c> — and its host, which <see cref="IWebhookAddressPolicy"/> must allow.
/// </summary>
public sealed class WebhookValidator(KazooSchemaValidator schemas, IWebhookAddressPolicy addresses)
{
    public const string SchemaName = "conferences_webhooks";

    public Task<JsonObject> ValidateAsync(CrossbarContext context, CancellationToken ct) =>
        ValidateAsync(KazooDocument.CleanRequest(RequireObject(context)), ct);

    public async Task<JsonObject> ValidateAsync(JsonObject request, CancellationToken ct)
    {
        var result = schemas.Validate(SchemaName, request);
        if (!result.IsValid)
        {
            throw KazooErrors.Validation(result.Errors);
        }
        var text = KazooJson.GetString(result.Document, "uri")!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0 || uri.Fragment.Length > 0)
        {
            throw KazooErrors.Validation("uri", "format", "Value is not an absolute http or https URI without a fragment",
                new JsonObject { ["value"] = text });
        }
        if (await addresses.RefusalAsync(uri, ct).ConfigureAwait(false) is { } refusal)
        {
            throw KazooErrors.Validation("uri", "forbidden", refusal, new JsonObject { ["value"] = text });
        }
        return result.Document;
    }

    public static JsonObject RequireObject(CrossbarContext context) =>
        context.Data as JsonObject
        ?? throw KazooErrors.Validation("data", "type", "Value did not match type(s): object", new JsonObject { ["target"] = "object" });
}
