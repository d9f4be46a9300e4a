namespace Conferences.Api.Tests.Webhooks;

/// <summary>Webhook requests of the tests: documents and the <c>conferences_webhooks</c> paths.</summary>
public static class Webhooks
{
    public const string Path = "conferences_webhooks";

    /// <summary>A public address (TEST-NET-3, RFC 5737): valid, never reached by the CRUD tests.</summary>
    public const string PublicUri = "http://203.0.113.10/hooks/conferences";

    public static JsonObject Document(string uri = PublicUri, string name = "CRM") => new() { ["name"] = name, ["uri"] = uri };

    /// <summary>Creates a webhook (expects 201) and returns the answer's data, secret included.</summary>
    public static async Task<JsonObject> CreateWebhookAsync(this TestAccount account, JsonObject? data = null)
    {
        var answer = await account.PutAsync(Path, data ?? Document());
        return answer.ExpectStatus(HttpStatusCode.Created).DataObject;
    }

    /// <summary>A webhook document sending to <paramref name="receiver"/>, with <paramref name="extra"/> fields.</summary>
    public static JsonObject For(WebhookReceiver receiver, JsonObject? extra = null)
    {
        var document = Document(receiver.Address.ToString());
        foreach (var (key, value) in extra ?? [])
        {
            document[key] = value?.DeepClone();
        }
        return document;
    }
}
