using Conferences.Core.Webhooks;

namespace Conferences.Api.Controllers;

/// <summary>
/// <c>/v2/accounts/{account_id}/conferences_webhooks[/{webhook_id}]</c>: conference webhooks (docs/webhooks.md,
/// ADR 0015), a sibling of <c>/conferences</c> that neither a conference id nor Kazoo's own <c>/webhooks</c> can
/// collide with. CRUD as for conferences, the secret's rotation, and the delivery attempts (as <c>cb_webhooks</c>
/// has them).
/// </summary>
[Route("v2/accounts/{account_id}/conferences_webhooks")]
[Tags(OpenApi.KazooDocumentFilter.WebhooksTag)]
public sealed class ConferencesWebhooksController(WebhookService webhooks, WebhookAttempts attempts) : AccountController
{
    /// <summary>List the account's conference webhooks.</summary>
    [HttpGet("")]
    [EndpointSummary("List the account's conference webhooks")]
    [ProducesResponseType(typeof(OpenApi.WebhookListEnvelope), StatusCodes.Status200OK)]
    public async Task<IActionResult> ListWebhooks(CancellationToken ct) =>
        Responses.List(await webhooks.ListAsync(Crossbar, ct));

    /// <summary>Create a webhook; the answer (201, Location) is the only one that shows its <c>secret</c>.</summary>
    [HttpPut("")]
    [EndpointSummary("Create a conference webhook (the answer shows its secret, once)")]
    [ProducesResponseType(typeof(OpenApi.WebhookEnvelope), StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateWebhook(CancellationToken ct) =>
        CreatedIn("conferences_webhooks", await webhooks.CreateAsync(Crossbar, ct));

    /// <summary>The latest delivery attempts of every webhook of the account, newest first.</summary>
    [HttpGet("attempts")]
    [EndpointSummary("List the account's latest webhook delivery attempts")]
    [ProducesResponseType(typeof(OpenApi.WebhookAttemptsEnvelope), StatusCodes.Status200OK)]
    public async Task<IActionResult> ListAccountAttempts(CancellationToken ct) =>
        Responses.List(await attempts.ListAsync(Crossbar.AccountId, null, ct));

    /// <summary>Read one webhook; <c>_read_only</c> says why the service disabled it, if it did.</summary>
    [HttpGet("{webhook_id}")]
    [EndpointSummary("Read a conference webhook")]
    [ProducesResponseType(typeof(OpenApi.WebhookEnvelope), StatusCodes.Status200OK)]
    public async Task<IActionResult> GetWebhook(string webhook_id, CancellationToken ct) =>
        Responses.Ok(await webhooks.GetAsync(Crossbar, webhook_id, ct), etag: true);

    /// <summary>Replace the webhook's public fields.</summary>
    [HttpPost("{webhook_id}")]
    [EndpointSummary("Replace a conference webhook")]
    [ProducesResponseType(typeof(OpenApi.WebhookEnvelope), StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateWebhook(string webhook_id, CancellationToken ct) =>
        Responses.Ok(await webhooks.UpdateAsync(Crossbar, webhook_id, ct));

    /// <summary>Deep-merge the request into the webhook (e.g. <c>{"enabled":true}</c> after the service disabled it).</summary>
    [HttpPatch("{webhook_id}")]
    [EndpointSummary("Merge changes into a conference webhook")]
    [ProducesResponseType(typeof(OpenApi.WebhookEnvelope), StatusCodes.Status200OK)]
    public async Task<IActionResult> PatchWebhook(string webhook_id, CancellationToken ct) =>
        Responses.Ok(await webhooks.PatchAsync(Crossbar, webhook_id, ct));

    /// <summary>Delete the webhook; its pending deliveries are dropped.</summary>
    [HttpDelete("{webhook_id}")]
    [EndpointSummary("Delete a conference webhook")]
    [ProducesResponseType(typeof(OpenApi.WebhookEnvelope), StatusCodes.Status200OK)]
    public async Task<IActionResult> DeleteWebhook(string webhook_id, CancellationToken ct) =>
        Responses.Ok(await webhooks.DeleteAsync(Crossbar, webhook_id, ct));

    /// <summary>Replace the signing secret; the answer (201) shows the new one, once. The old one stops at once.</summary>
    [HttpPut("{webhook_id}/secret")]
    [EndpointSummary("Rotate a conference webhook's signing secret")]
    [ProducesResponseType(typeof(OpenApi.WebhookEnvelope), StatusCodes.Status201Created)]
    public async Task<IActionResult> RotateSecret(string webhook_id, CancellationToken ct)
    {
        var rotated = await webhooks.RotateSecretAsync(Crossbar, webhook_id, ct);
        return Responses.Created(rotated.Data, rotated.Revision);
    }

    /// <summary>The webhook's latest delivery attempts, newest first.</summary>
    [HttpGet("{webhook_id}/attempts")]
    [EndpointSummary("List a conference webhook's latest delivery attempts")]
    [ProducesResponseType(typeof(OpenApi.WebhookAttemptsEnvelope), StatusCodes.Status200OK)]
    public async Task<IActionResult> ListWebhookAttempts(string webhook_id, CancellationToken ct)
    {
        var context = Crossbar;
        await webhooks.GetAsync(context, webhook_id, ct);
        return Responses.List(await attempts.ListAsync(context.AccountId, webhook_id, ct));
    }
}
