namespace Conferences.Core.Accounts;

/// <summary>Accounts as far as this service needs them, and the hierarchy check of
/// <c>cb_simple_authz:authorize/1</c>.</summary>
public sealed class AccountService(IDocumentStore store, TimeProvider clock)
{
    // account documents change rarely; every request reads one, so keep them for a few seconds
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (JsonObject Doc, DateTimeOffset Until)> _cache = new();

    /// <summary>The live account document, or null when it does not exist (or is deleted).</summary>
    public async Task<JsonObject?> FindAsync(string accountId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(accountId, out var cached) && cached.Until > now)
        {
            return cached.Doc;
        }
        var doc = await store.GetAsync(AccountDatabase.Accounts, accountId, ct).ConfigureAwait(false);
        if (doc is not null && !KazooFields.IsLive(doc, AccountDocument.Type))
        {
            doc = null;
        }
        // only found accounts are kept: an account created by another instance must be visible at once
        if (doc is not null)
        {
            _cache[accountId] = (doc, now + CacheLifetime);
        }
        return doc;
    }

    public async Task<JsonObject?> FindByApiKeyAsync(string apiKey, CancellationToken ct)
    {
        var rows = await store.QueryViewAsync(AccountDatabase.Accounts, KazooViews.AccountByApiKey,
            new ViewQuery { Keys = [apiKey], IncludeDocs = true }, ct).ConfigureAwait(false);
        return rows.Count == 1 ? rows[0].Document : null;
    }

    /// <summary>Name compared lower-cased, letters and digits only
    /// (<c>kapps_util:get_accounts_by_name/1</c>).</summary>
    public async Task<IReadOnlyList<string>> FindIdsByNameAsync(string accountName, CancellationToken ct) =>
        await FindIdsAsync(KazooViews.AccountByName, PrivateFields.AlphanumName(accountName), ct).ConfigureAwait(false);

    /// <summary>The ids of the live accounts with this realm, case-insensitively (<c>kapps_util:get_account_by_realm</c>).</summary>
    public async Task<IReadOnlyList<string>> FindIdsByRealmAsync(string realm, CancellationToken ct) =>
        await FindIdsAsync(KazooViews.AccountByRealm, realm.ToLowerInvariant(), ct).ConfigureAwait(false);

    private async Task<IReadOnlyList<string>> FindIdsAsync(ViewDefinition view, string key, CancellationToken ct)
    {
        var rows = await store.QueryViewAsync(AccountDatabase.Accounts, view, new ViewQuery { Keys = [key] }, ct).ConfigureAwait(false);
        return [.. rows.Select(row => row.Id).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The live children of an account, by name (<c>cb_accounts</c> <c>children</c>, from
    /// <c>accounts/listing_by_children</c>).</summary>
    public async Task<JsonArray> ListChildrenAsync(string accountId, CancellationToken ct)
    {
        var rows = await store.QueryViewAsync(AccountDatabase.Accounts, KazooViews.AccountByParent, new ViewQuery { Keys = [accountId] }, ct).ConfigureAwait(false);
        return [.. rows
            .Select(row => row.Value as JsonObject)
            .OfType<JsonObject>()
            .OrderBy(child => KazooJson.GetString(child, "name"), StringComparer.OrdinalIgnoreCase)
            .ThenBy(child => KazooJson.GetString(child, "id"), StringComparer.Ordinal)
            .Select(child => child.DeepClone())];
    }

    /// <summary>Own account and descendants (<c>pvt_tree</c>); the super-duper admin anywhere.</summary>
    public static bool MayAccess(TokenClaims claims, JsonObject targetAccount) =>
        claims.IsSuperDuperAdmin
        || claims.AccountId == KazooJson.GetString(targetAccount, KazooFields.Id)
        || AccountDocument.Tree(targetAccount).Contains(claims.AccountId);

    public async Task<JsonObject> CreateChildAsync(CrossbarContext context, CancellationToken ct)
    {
        var parent = await FindAsync(context.AccountId, ct).ConfigureAwait(false) ?? throw KazooErrors.BadIdentifier(context.AccountId);
        var data = context.DataObject;
        var name = RequireName(data);
        var id = KazooIds.NewId();
        var realm = KazooJson.GetString(data, "realm") is { Length: > 0 } r ? r : $"{id[..8]}.conferences.local";
        var tree = AccountDocument.Tree(parent).Append(context.AccountId).ToList();
        var doc = AccountDocument.Create(id, name, realm, tree, AccountDocument.NewApiKey(), superDuperAdmin: false, Gregorian.Now(clock));
        foreach (var (key, value) in KazooDocument.CleanRequest(data))
        {
            doc.TryAdd(key, value?.DeepClone());
        }
        await SaveNewAccountAsync(doc, ct).ConfigureAwait(false);
        return doc;
    }

    /// <summary>Writes a new account to the <c>accounts</c> database and to its own database (created with its views).</summary>
    public async Task SaveNewAccountAsync(JsonObject doc, CancellationToken ct)
    {
        var id = KazooJson.GetString(doc, KazooFields.Id)!;
        var accountDb = AccountDatabase.Encoded(id);
        await ActingGate.PassAsync().ConfigureAwait(false);
        await store.EnsureDatabaseAsync(accountDb, ct).ConfigureAwait(false);
        try
        {
            await store.SaveAsync(accountDb, (JsonObject)doc.DeepClone(), ct).ConfigureAwait(false);
        }
        catch (DocumentConflictException)
        {
            // the copy in the account's own database exists already (the master written by two instances starting
            // together); the accounts database below is the authority and reports the conflict that matters
        }
        await store.SaveAsync(AccountDatabase.Accounts, doc, ct).ConfigureAwait(false);
        _cache.TryRemove(id, out _);
    }

    public async Task UpdateApiKeyAsync(JsonObject account, string apiKey, CancellationToken ct)
    {
        var updated = (JsonObject)account.DeepClone();
        updated[KazooFields.ApiKey] = apiKey;
        updated[KazooFields.Modified] = Gregorian.Now(clock);
        await store.SaveAsync(AccountDatabase.Accounts, updated, ct).ConfigureAwait(false);
        _cache.TryRemove(KazooJson.GetString(account, KazooFields.Id)!, out _);
    }

    private static string RequireName(JsonObject data)
    {
        if (!data.TryGetPropertyValue("name", out var node) || node is null)
        {
            throw KazooErrors.Validation("name", "required", "Field is required but missing");
        }
        if (node is not JsonValue value || !value.TryGetValue<string>(out var name))
        {
            throw KazooErrors.Validation("name", "type", "Value did not match type(s): string",
                new JsonObject { ["target"] = "string", ["value"] = node.DeepClone() });
        }
        if (name.Length is < 1 or > 128)
        {
            var (rule, message, target) = name.Length < 1
                ? ("minLength", "String must be at least 1 characters", 1)
                : ("maxLength", "String must not be more than 128 characters", 128);
            throw KazooErrors.Validation("name", rule, message, new JsonObject { ["target"] = target, ["value"] = name });
        }
        return name;
    }
}
