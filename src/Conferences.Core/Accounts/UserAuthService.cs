namespace Conferences.Core.Accounts;

/// <summary><c>cb_user_auth</c>: a credentials hash and an account name or realm become a token with
/// <c>owner_id</c>.</summary>
public sealed class UserAuthService(AccountService accounts, TokenService tokens, IDocumentStore store, KazooSchemaValidator validator, TimeProvider clock)
{
    public const string SchemaName = "user_auth";

    /// <exception cref="CrossbarException">400 for refused data or an expired or disabled account; 401
    /// <c>invalid_credentials</c> when no account or user matches.</exception>
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
            var ownerId = KazooJson.GetString(user, KazooFields.Id)!;
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

    // cb_user_auth's find_account: phone number, then realm, then name; this service keeps no number databases, so a
    // phone_number finds nothing (docs/compatibility.md)
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

    private async Task<JsonObject?> FindUserAsync(string accountId, ViewDefinition view, string credentials, CancellationToken ct)
    {
        var rows = await store.QueryViewAsync(AccountDatabase.Encoded(accountId), view,
            new ViewQuery { Keys = [credentials], IncludeDocs = true }, ct).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0].Document ?? new JsonObject { [KazooFields.Id] = rows[0].Id } : null;
    }

    // cb_user_auth's maybe_account_is_expired / maybe_account_is_enabled: 400 account.expired or account.disabled
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
