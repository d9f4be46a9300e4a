using System.Text.Json.Nodes;
using Conferences.Core.Kazoo;
using Conferences.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conferences.Core.Accounts;

/// <summary>
/// First start: the <c>accounts</c> and <c>system_config</c> databases, the shared token signing key, and the
/// master (super-duper admin) account whose API key comes from <c>Bootstrap:ApiKey</c> or is generated once and
/// logged (profile §3). Kazoo records the master in <c>system_config/accounts</c> as <c>master_account_id</c>.
/// </summary>
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

    public async Task<string> RunAsync(CancellationToken ct)
    {
        await store.EnsureDatabaseAsync(AccountDatabase.Accounts, ct).ConfigureAwait(false);
        await store.EnsureDatabaseAsync(AccountDatabase.SystemConfig, ct).ConfigureAwait(false);
        signingKey.Set(await LoadSigningKeyAsync(ct).ConfigureAwait(false));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await EnsureMasterAsync(ct).ConfigureAwait(false);
            }
            catch (DocumentConflictException) when (attempt < 3)
            {
                // another instance bootstrapped the same store at the same moment: read what it wrote
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
                    new JsonObject { ["_id"] = AuthConfigId, ["pvt_signing_key"] = Convert.ToBase64String(key) }, ct).ConfigureAwait(false);
                return key;
            }
            catch (DocumentConflictException) when (attempt < 3)
            {
                // another instance created it first: read theirs
            }
        }
    }

    private async Task<string> EnsureMasterAsync(CancellationToken ct)
    {
        var config = await store.GetAsync(AccountDatabase.SystemConfig, AccountsConfigId, ct).ConfigureAwait(false);
        // Kazoo keeps the master account under default.master_account_id (system_config/accounts)
        var masterId = config is null ? null : KazooJson.GetPath(config, "default.master_account_id")?.GetValue<string>() ?? KazooJson.GetString(config, "master_account_id");
        var master = masterId is null ? null : await accounts.FindAsync(masterId, ct).ConfigureAwait(false);
        var configuredKey = options.Value.ApiKey is { Length: > 0 } k ? k : null;
        if (master is not null)
        {
            if (configuredKey is not null && configuredKey != KazooJson.GetString(master, "pvt_api_key"))
            {
                await accounts.UpdateApiKeyAsync(master, configuredKey, ct).ConfigureAwait(false);
                LogApiKeyUpdated(logger, masterId!);
            }
            return masterId!;
        }

        var id = KazooIds.NewId();
        var apiKey = configuredKey ?? AccountDocument.NewApiKey();
        var name = options.Value.AccountName;
        var doc = AccountDocument.Create(id, name, $"{id[..8]}.conferences.local", [], apiKey, superDuperAdmin: true, Gregorian.Now(clock));
        await accounts.SaveNewAccountAsync(doc, ct).ConfigureAwait(false);
        var configDoc = config is null ? new JsonObject { ["_id"] = AccountsConfigId } : (JsonObject)config.DeepClone();
        if (configDoc["default"] is not JsonObject defaults)
        {
            defaults = new JsonObject();
            configDoc["default"] = defaults;
        }
        defaults["master_account_id"] = id;
        await store.SaveAsync(AccountDatabase.SystemConfig, configDoc, ct).ConfigureAwait(false);
        if (configuredKey is null)
        {
            LogGeneratedMaster(logger, name, id, apiKey);
        }
        else
        {
            LogCreatedMaster(logger, name, id);
        }
        return id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created master account {AccountName} ({AccountId}) with generated API key {ApiKey}; set Bootstrap:ApiKey to choose your own")]
    private static partial void LogGeneratedMaster(ILogger logger, string accountName, string accountId, string apiKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created master account {AccountName} ({AccountId}) with the configured API key")]
    private static partial void LogCreatedMaster(ILogger logger, string accountName, string accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Master account {AccountId} now uses the API key from Bootstrap:ApiKey")]
    private static partial void LogApiKeyUpdated(ILogger logger, string accountId);
}
