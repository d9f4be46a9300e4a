namespace Conferences.Core.Accounts;

/// <summary>First start: Kazoo's shared databases, the signing key and the master account
/// (docs/operations.md).</summary>
public sealed partial class AccountBootstrapper(
    IDocumentStore store,
    AccountService accounts,
    SigningKeyHolder signingKey,
    IOptions<BootstrapOptions> options,
    TimeProvider clock,
    ILogger<AccountBootstrapper> logger)
{
    private const string AccountsConfigId = "accounts";
    // our own document: Kazoo already keeps a crossbar.auth category in system_config, which we must not clobber
    private const string AuthConfigId = "conferences.auth";
    private const int MaxBootstrapAttempts = 20;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        await store.EnsureDatabaseAsync(AccountDatabase.Accounts, ct).ConfigureAwait(false);
        await store.EnsureDatabaseAsync(AccountDatabase.SystemConfig, ct).ConfigureAwait(false);
        signingKey.Set(await LoadSigningKeyAsync(ct).ConfigureAwait(false));
        // Several instances may start together on one fresh store (a CouchDB cluster behind identical API
        // instances). Each step is a create that only one of them can win; a loser re-reads what the winner wrote.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await EnsureMasterAsync(ct).ConfigureAwait(false);
            }
            catch (DocumentConflictException) when (attempt < MaxBootstrapAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * (attempt + 1)), clock, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<byte[]> LoadSigningKeyAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var doc = await store.GetAsync(AccountDatabase.SystemConfig, AuthConfigId, ct).ConfigureAwait(false);
            if (doc is not null && KazooJson.GetString(doc, "pvt_signing_key") is { } existing)
            {
                return Convert.FromBase64String(existing);
            }
            var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64);
            try
            {
                await store.SaveAsync(AccountDatabase.SystemConfig,
                    new JsonObject { [KazooFields.Id] = AuthConfigId, ["pvt_signing_key"] = Convert.ToBase64String(key) }, ct).ConfigureAwait(false);
                return key;
            }
            catch (DocumentConflictException) when (attempt < 3)
            {
                // another instance created it first: read theirs
            }
        }
    }

    // the master id is claimed in system_config/accounts before the account is written, so instances racing on a fresh
    // store agree on one master
    private async Task<string> EnsureMasterAsync(CancellationToken ct)
    {
        var config = await store.GetAsync(AccountDatabase.SystemConfig, AccountsConfigId, ct).ConfigureAwait(false);
        var masterId = config is null ? null : MasterIdOf(config);
        if (masterId is null)
        {
            masterId = KazooIds.NewId();
            var configDoc = config is null ? new JsonObject { [KazooFields.Id] = AccountsConfigId } : (JsonObject)config.DeepClone();
            if (configDoc["default"] is not JsonObject defaults)
            {
                defaults = new JsonObject();
                configDoc["default"] = defaults;
            }
            defaults["master_account_id"] = masterId;
            // a conflict here means another instance claimed first: the retry reads its id
            await store.SaveAsync(AccountDatabase.SystemConfig, configDoc, ct).ConfigureAwait(false);
        }

        var configuredKey = options.Value.ApiKey is { Length: > 0 } k ? k : null;
        var master = await accounts.FindAsync(masterId, ct).ConfigureAwait(false);
        if (master is not null)
        {
            if (configuredKey is not null && configuredKey != KazooJson.GetString(master, KazooFields.ApiKey))
            {
                await accounts.UpdateApiKeyAsync(master, configuredKey, ct).ConfigureAwait(false);
                LogApiKeyUpdated(logger, masterId);
            }
            return masterId;
        }

        // claimed (by us or by an instance that has not written the account yet, or the account was removed):
        // write it under the claimed id; a conflict means another instance wrote it, and the retry reads it
        var apiKey = configuredKey ?? AccountDocument.NewApiKey();
        var name = options.Value.AccountName;
        var doc = AccountDocument.Create(masterId, name, $"{masterId[..8]}.conferences.local", [], apiKey, superDuperAdmin: true, Gregorian.Now(clock));
        await accounts.SaveNewAccountAsync(doc, ct).ConfigureAwait(false);
        if (configuredKey is null)
        {
            LogGeneratedMaster(logger, name, masterId, apiKey);
        }
        else
        {
            LogCreatedMaster(logger, name, masterId);
        }
        return masterId;
    }

    private static string? MasterIdOf(JsonObject config) =>
        (KazooJson.GetPath(config, "default.master_account_id") as JsonValue)?.TryGetValue<string>(out var nested) == true && nested.Length > 0
            ? nested
            : KazooJson.GetString(config, "master_account_id") is { Length: > 0 } top ? top : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created master account {AccountName} ({AccountId}) with generated API key {ApiKey}; set Bootstrap:ApiKey to choose your own")]
    private static partial void LogGeneratedMaster(ILogger logger, string accountName, string accountId, string apiKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created master account {AccountName} ({AccountId}) with the configured API key")]
    private static partial void LogCreatedMaster(ILogger logger, string accountName, string accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Master account {AccountId} now uses the API key from Bootstrap:ApiKey")]
    private static partial void LogApiKeyUpdated(ILogger logger, string accountId);
}
