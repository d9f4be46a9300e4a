namespace Conferences.Core.Conferences;

/// <summary><c>cb_conferences.erl</c>'s CRUD (docs/crossbar.md, "CRUD") with D1, D5 and D11.</summary>
public sealed class ConferenceService(
    ConferenceStore conferences,
    ConferenceLister lister,
    ConferenceLookup lookup,
    NumberUniqueness numbers,
    KazooSchemaValidator validator,
    TimeProvider clock)
{
    public const string SchemaName = "conferences";

    public Task<ListResult> ListAsync(CrossbarContext context, CancellationToken ct) => lister.ListAsync(context, ct);

    /// <summary>PUT <c>/conferences</c>: validate, check numbers, save with private fields; a client <c>id</c> names the document.</summary>
    public async Task<DocumentResult> CreateAsync(CrossbarContext context, CancellationToken ct)
    {
        var request = RequireObject(context);
        var id = ClientId(request) ?? KazooIds.NewId();
        var doc = Validate(KazooDocument.CleanRequest(request));
        await numbers.EnsureUniqueAsync(context.AccountId, doc, exceptId: null, ct).ConfigureAwait(false);
        doc[KazooFields.Id] = id;
        PrivateFields.Stamp(doc, ConferenceStore.DocumentType, context, Gregorian.Now(clock));
        await ActingGate.PassAsync().ConfigureAwait(false);
        var saved = await conferences.SaveAsync(context.AccountId, doc, ct).ConfigureAwait(false);
        return new DocumentResult(KazooDocument.PublicView(saved), KazooJson.GetString(saved, KazooFields.Rev));
    }

    /// <summary>The stored or running ad-hoc document with <c>_read_only</c> (D5) and metadata (D11).</summary>
    public Task<DocumentResult> GetAsync(CrossbarContext context, string conferenceId, CancellationToken ct) =>
        ReadAsync(context.AccountId, conferenceId, ct);

    /// <summary>GET's answer, also the websocket's snapshot frames (docs/websocket.md).</summary>
    /// <exception cref="CrossbarException">404 <c>bad_identifier</c>: neither stored nor running.</exception>
    public async Task<DocumentResult> ReadAsync(string accountId, string conferenceId, CancellationToken ct)
    {
        var conference = await lookup.LoadAsync(accountId, conferenceId, ct).ConfigureAwait(false);
        var now = Gregorian.Now(clock);
        var data = conference.PublicView();
        data["_read_only"] = ReadOnlyView.For(conference.Live, now, withParticipants: true);
        return new DocumentResult(data, conference.Revision) { Metadata = ReadOnlyView.Metadata(conference.Live, now) };
    }

    /// <summary>POST: replace every public field (absent ones are removed, defaults re-applied).</summary>
    public Task<DocumentResult> UpdateAsync(CrossbarContext context, string conferenceId, CancellationToken ct) =>
        ReplaceAsync(context, conferenceId, KazooDocument.CleanRequest(RequireObject(context)), ct);

    /// <summary>PATCH: deep-merge the request over the stored public fields, then the POST pipeline.</summary>
    public async Task<DocumentResult> PatchAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        var patch = KazooDocument.CleanRequest(RequireObject(context));
        var stored = await conferences.LoadAsync(context.AccountId, conferenceId, allowUntyped: true, ct).ConfigureAwait(false);
        var merged = stored is null ? patch : JsonMerge.Patch(KazooDocument.CleanRequest(stored), patch);
        return await ReplaceAsync(context, conferenceId, merged, ct).ConfigureAwait(false);
    }

    /// <summary>DELETE: soft delete by default (<c>pvt_deleted</c>); <c>should_soft_delete=false</c> removes the document.</summary>
    public async Task<DocumentResult> DeleteAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        var stored = await conferences.LoadAsync(context.AccountId, conferenceId, allowUntyped: false, ct).ConfigureAwait(false)
            ?? throw KazooErrors.BadIdentifier(conferenceId);
        var revision = KazooJson.GetString(stored, KazooFields.Rev);
        context.Preconditions.EnsureMatches(revision);
        if (context.RequestString("should_soft_delete") == "false")
        {
            await conferences.HardDeleteAsync(context.AccountId, conferenceId, revision!, ct).ConfigureAwait(false);
        }
        else
        {
            var deleted = (JsonObject)stored.DeepClone();
            deleted[KazooFields.Deleted] = true;
            PrivateFields.Stamp(deleted, ConferenceStore.DocumentType, context, Gregorian.Now(clock));
            await conferences.SaveAsync(context.AccountId, deleted, ct).ConfigureAwait(false);
        }
        var data = KazooDocument.PublicView(stored);
        data["_read_only"] = new JsonObject { ["deleted"] = true };
        return new DocumentResult(data, revision);
    }

    // Validation before load, as cb_conferences:update_conference/2 does: 400 wins over 404, then 412, 409.
    private async Task<DocumentResult> ReplaceAsync(CrossbarContext context, string conferenceId, JsonObject request, CancellationToken ct)
    {
        var doc = Validate(request);
        await numbers.EnsureUniqueAsync(context.AccountId, doc, exceptId: conferenceId, ct).ConfigureAwait(false);
        var stored = await conferences.LoadAsync(context.AccountId, conferenceId, allowUntyped: false, ct).ConfigureAwait(false)
            ?? throw KazooErrors.BadIdentifier(conferenceId);
        context.Preconditions.EnsureMatches(KazooJson.GetString(stored, KazooFields.Rev));
        var replacement = KazooDocument.WithPrivateFieldsOf(doc, stored);
        PrivateFields.Stamp(replacement, ConferenceStore.DocumentType, context, Gregorian.Now(clock));
        var saved = await conferences.SaveAsync(context.AccountId, replacement, ct).ConfigureAwait(false);
        return new DocumentResult(KazooDocument.PublicView(saved), KazooJson.GetString(saved, KazooFields.Rev));
    }

    private JsonObject Validate(JsonObject request)
    {
        var result = validator.Validate(SchemaName, request);
        return result.IsValid ? result.Document : throw KazooErrors.Validation(result.Errors);
    }

    private static JsonObject RequireObject(CrossbarContext context) =>
        context.Data as JsonObject
        ?? throw KazooErrors.Validation("data", "type", "Value did not match type(s): object", new JsonObject { ["target"] = "object" });

    // cb_context:passed/1 copies a client data.id into _id.
    private static string? ClientId(JsonObject request)
    {
        if (!request.TryGetPropertyValue("id", out var node) || node is null)
        {
            return null;
        }
        if (node is not JsonValue value || !value.TryGetValue<string>(out var id) || id.Length == 0 || id.StartsWith('_') || id.Length > 255)
        {
            throw KazooErrors.Validation("id", "type", "Value did not match type(s): string (1..255 characters, not starting with '_')",
                new JsonObject { ["value"] = node.DeepClone() });
        }
        return id;
    }
}
