namespace Conferences.Core.Webhooks;

/// <summary>
/// Conference webhook CRUD on <c>/v2/accounts/{account_id}/conferences_webhooks</c> (docs/webhooks.md), the way
/// conferences are handled (<c>cb_conferences</c>'s pipeline: schema, load, If-Match, save) with Kazoo's webhooks
/// document (<c>cb_webhooks</c>). The secret is shown by create and by rotation only.
/// </summary>
public sealed class WebhookService(
    WebhookStore webhooks,
    WebhookValidator validator,
    WebhookDirectory directory,
    TimeProvider clock)
{
    public async Task<ListResult> ListAsync(CrossbarContext context, CancellationToken ct)
    {
        var rows = await webhooks.ListAsync(context.AccountId, withDocs: false, ct).ConfigureAwait(false);
        var items = new JsonArray();
        foreach (var row in rows)
        {
            items.Add(row.Value?.DeepClone());
        }
        return new ListResult(items, false, null, null);
    }

    /// <summary>PUT: validate, generate the id and the secret, save; the answer alone shows <c>secret</c>.</summary>
    public async Task<DocumentResult> CreateAsync(CrossbarContext context, CancellationToken ct)
    {
        var doc = await validator.ValidateAsync(context, ct).ConfigureAwait(false);
        doc[KazooFields.Id] = KazooIds.NewId();
        var secret = WebhookSecret.New();
        doc[WebhookStore.SecretField] = secret;
        return WithSecret(await SaveAsync(context, doc, ct).ConfigureAwait(false), secret);
    }

    public async Task<DocumentResult> GetAsync(CrossbarContext context, string webhookId, CancellationToken ct) =>
        View(await RequireAsync(context.AccountId, webhookId, ct).ConfigureAwait(false));

    /// <summary>POST: replace every public field (defaults re-applied); enabling clears the reason it was disabled for.</summary>
    public async Task<DocumentResult> UpdateAsync(CrossbarContext context, string webhookId, CancellationToken ct)
    {
        var doc = await validator.ValidateAsync(context, ct).ConfigureAwait(false);
        return await ReplaceAsync(context, webhookId, doc, ct).ConfigureAwait(false);
    }

    /// <summary>PATCH: deep-merge over the stored public fields, then the POST pipeline.</summary>
    public async Task<DocumentResult> PatchAsync(CrossbarContext context, string webhookId, CancellationToken ct)
    {
        var patch = KazooDocument.CleanRequest(WebhookValidator.RequireObject(context));
        var stored = await RequireAsync(context.AccountId, webhookId, ct).ConfigureAwait(false);
        var merged = JsonMerge.Patch(KazooDocument.CleanRequest(stored), patch);
        var doc = await validator.ValidateAsync(merged, ct).ConfigureAwait(false);
        return await ReplaceAsync(context, webhookId, doc, ct).ConfigureAwait(false);
    }

    /// <summary>DELETE: soft delete (<c>pvt_deleted</c>), as crossbar deletes; pending deliveries are dropped by the dispatcher.</summary>
    public async Task<DocumentResult> DeleteAsync(CrossbarContext context, string webhookId, CancellationToken ct)
    {
        var stored = await RequireAsync(context.AccountId, webhookId, ct).ConfigureAwait(false);
        var revision = KazooJson.GetString(stored, KazooFields.Rev);
        context.Preconditions.EnsureMatches(revision);
        var deleted = (JsonObject)stored.DeepClone();
        deleted[KazooFields.Deleted] = true;
        await SaveAsync(context, deleted, ct).ConfigureAwait(false);
        var data = KazooDocument.PublicView(stored);
        data["_read_only"] = new JsonObject { ["deleted"] = true };
        return new DocumentResult(data, revision);
    }

    /// <summary>PUT <c>…/{id}/secret</c>: a new secret replaces the old one at once; the answer shows it, once.</summary>
    public async Task<DocumentResult> RotateSecretAsync(CrossbarContext context, string webhookId, CancellationToken ct)
    {
        var stored = await RequireAsync(context.AccountId, webhookId, ct).ConfigureAwait(false);
        var secret = WebhookSecret.New();
        var rotated = (JsonObject)stored.DeepClone();
        rotated[WebhookStore.SecretField] = secret;
        return WithSecret(await SaveAsync(context, rotated, ct).ConfigureAwait(false), secret);
    }

    private async Task<DocumentResult> ReplaceAsync(CrossbarContext context, string webhookId, JsonObject doc, CancellationToken ct)
    {
        var stored = await RequireAsync(context.AccountId, webhookId, ct).ConfigureAwait(false);
        context.Preconditions.EnsureMatches(KazooJson.GetString(stored, KazooFields.Rev));
        var replacement = KazooDocument.WithPrivateFieldsOf(doc, stored);
        if (KazooJson.GetBool(replacement, "enabled"))
        {
            replacement.Remove(WebhookStore.DisabledReasonField);
            replacement.Remove(WebhookStore.DisabledAtField);
        }
        return View(await SaveAsync(context, replacement, ct).ConfigureAwait(false));
    }

    // Every write stamps the private fields and makes the directory read the account's webhooks again.
    private async Task<JsonObject> SaveAsync(CrossbarContext context, JsonObject doc, CancellationToken ct)
    {
        PrivateFields.Stamp(doc, WebhookStore.DocumentType, context, Gregorian.Now(clock));
        var saved = await webhooks.SaveAsync(context.AccountId, doc, ct).ConfigureAwait(false);
        directory.Forget(context.AccountId);
        return saved;
    }

    private async Task<JsonObject> RequireAsync(string accountId, string webhookId, CancellationToken ct) =>
        await webhooks.LoadAsync(accountId, webhookId, ct).ConfigureAwait(false) ?? throw KazooErrors.BadIdentifier(webhookId);

    /// <summary>The public fields, and in <c>_read_only</c> why and when the service disabled the webhook.</summary>
    private static DocumentResult View(JsonObject stored)
    {
        var data = KazooDocument.PublicView(stored);
        var readOnly = new JsonObject();
        if (KazooJson.GetString(stored, WebhookStore.DisabledReasonField) is { } reason)
        {
            readOnly["disabled_reason"] = reason;
            readOnly["disabled_at"] = stored[WebhookStore.DisabledAtField]?.DeepClone();
        }
        data["_read_only"] = readOnly;
        return new DocumentResult(data, KazooJson.GetString(stored, KazooFields.Rev));
    }

    private static DocumentResult WithSecret(JsonObject saved, string secret)
    {
        var result = View(saved);
        result.Data["secret"] = secret;
        return result;
    }
}
