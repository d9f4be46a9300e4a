using System.Text.Json.Nodes;
using Conferences.Core.Errors;
using Conferences.Core.Kazoo;
using Conferences.Core.Storage;
using Conferences.Core.Validation;

namespace Conferences.Core.Accounts;

/// <summary>
/// <c>PUT /v2/user_auth</c> (kazoo-reference §4, profile §4; Kazoo's <c>cb_user_auth</c>): a hash of
/// <c>username:password</c> and the account's name or realm are traded for a token of that account carrying the user
/// as <c>owner_id</c>. The user is found by the hash in the account database's <c>users/creds_by_md5</c> (or
/// <c>creds_by_sha</c>) view; users themselves are Kazoo's documents, written by Kazoo or straight into the store.
/// </summary>
public sealed class UserAuthService(AccountService accounts, TokenService tokens, IDocumentStore store, KazooSchemaValidator validator, TimeProvider clock)
{
    public const string SchemaName = "user_auth";

    /// <summary>Validates the request data, finds the account and the user, checks the account and issues the token.</summary>
    /// <exception cref="CrossbarException">
    /// 400 for data the <c>user_auth</c> schema refuses and for an expired or disabled account; 401
    /// <c>invalid_credentials</c> when no account or no user matches.
    /// </exception>
    public async Task<UserAuthResult> AuthenticateAsync(JsonNode data, CancellationToken ct)
    {
        var request = Validate(data);
        var credentials = KazooJson.GetString(request, "credentials")!;
        var view = KazooJson.GetString(request, "method") == "sha" ? KazooViews.UserByShaCredentials : KazooViews.UserByMd5Credentials;
        // with several accounts of one name each is tried in turn, and the first holding the credentials wins
        foreach (var accountId in await FindAccountsAsync(request, ct).ConfigureAwait(false))
        {
            if (!KazooIds.HasAccountIdShape(accountId) || await FindUserAsync(accountId, view, credentials, ct).ConfigureAwait(false) is not { } user)
            {
                continue;
            }
            var account = await accounts.FindAsync(accountId, ct).ConfigureAwait(false) ?? throw KazooErrors.InvalidCredentials();
            EnsureUsable(account);
            var ownerId = KazooJson.GetString(user, "_id")!;
            var token = tokens.Issue(accountId, AccountDocument.IsSuperDuperAdmin(account), ownerId);
            return new UserAuthResult(token, AuthResponse.Create(account, user));
        }
        throw KazooErrors.InvalidCredentials();
    }

    private JsonObject Validate(JsonNode data)
    {
        if (data is not JsonObject input)
        {
            throw KazooErrors.Validation("data", "type", "Value did not match type(s): object", new JsonObject { ["target"] = "object" });
        }
        var result = validator.Validate(SchemaName, input);
        return result.IsValid ? result.Document : throw KazooErrors.Validation(result.Errors);
    }

    /// <summary>
    /// Kazoo's <c>find_account</c>: the phone number first, then the realm (<c>account_realm</c>, else <c>realm</c>),
    /// then the name; each one that finds nothing hands over to the next. Numbers live in Kazoo's number databases,
    /// which this service does not keep, so a <c>phone_number</c> never finds an account here.
    /// </summary>
    private async Task<IReadOnlyList<string>> FindAccountsAsync(JsonObject request, CancellationToken ct)
    {
        var realm = KazooJson.GetString(request, "account_realm") ?? KazooJson.GetString(request, "realm");
        if (realm is not null)
        {
            var byRealm = await accounts.FindIdsByRealmAsync(realm, ct).ConfigureAwait(false);
            if (byRealm.Count > 0)
            {
                return byRealm;
            }
        }
        return KazooJson.GetString(request, "account_name") is { } name
            ? await accounts.FindIdsByNameAsync(name, ct).ConfigureAwait(false)
            : [];
    }

    /// <summary>The first live, enabled user of the account whose stored hash equals <paramref name="credentials"/>.</summary>
    private async Task<JsonObject?> FindUserAsync(string accountId, ViewDefinition view, string credentials, CancellationToken ct)
    {
        var rows = await store.QueryViewAsync(AccountDatabase.Encoded(accountId), view,
            new ViewQuery { Keys = [credentials], IncludeDocs = true }, ct).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0].Document ?? new JsonObject { ["_id"] = rows[0].Id } : null;
    }

    /// <summary>
    /// An expired trial account → 400 <c>account.expired</c> (cause: when it expired); a disabled account → 400
    /// <c>account.disabled</c> (<c>cb_user_auth</c> <c>maybe_account_is_expired</c> / <c>maybe_account_is_enabled</c>).
    /// </summary>
    private void EnsureUsable(JsonObject account)
    {
        if (AccountDocument.TrialExpiration(account) is { } expires && expires <= Gregorian.Now(clock))
        {
            throw KazooErrors.Validation("account", "expired", "account expired", new JsonObject { ["cause"] = expires });
        }
        if (!AccountDocument.IsEnabled(account))
        {
            throw KazooErrors.Validation("account", "disabled", "account disabled");
        }
    }
}
