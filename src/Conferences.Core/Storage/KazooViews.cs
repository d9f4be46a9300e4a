namespace Conferences.Core.Storage;

/// <summary>Each view as JavaScript for CouchDB and its C# twin for the embedded store
/// (docs/kazoo-storage.md).</summary>
public static class KazooViews
{
    public static readonly ViewDefinition ConferenceListing = ConferenceViews.Listing;
    public static readonly ViewDefinition ConferenceByName = ConferenceViews.ByName;
    public static readonly ViewDefinition ConferenceByNumber = ConferenceViews.ByNumber;
    public static readonly ViewDefinition AccountByApiKey = AccountViews.ByApiKey;
    public static readonly ViewDefinition AccountByName = AccountViews.ByName;
    public static readonly ViewDefinition AccountByRealm = AccountViews.ByRealm;
    public static readonly ViewDefinition AccountByParent = AccountViews.ByParent;
    public static readonly ViewDefinition UserByMd5Credentials = UserViews.ByMd5Credentials;
    public static readonly ViewDefinition UserByShaCredentials = UserViews.ByShaCredentials;
    public static readonly ViewDefinition DeviceByOwner = DeviceViews.ByOwner;
    public static readonly ViewDefinition IdempotencyByExpiry = IdempotencyViews.ByExpiry;
    public static readonly ViewDefinition WebhookListing = WebhookViews.Listing;
    public static readonly ViewDefinition WebhookAttempts = WebhookViews.AttemptsByWebhook;
    public static readonly ViewDefinition WebhookAttemptsByAccount = WebhookViews.AttemptsByAccount;
    public static readonly ViewDefinition WebhookPending = WebhookViews.Pending;

    public static readonly IReadOnlyList<DesignDocument> DesignDocuments =
    [
        new("conferences", [ConferenceListing, ConferenceByName], AccountDatabase.IsAccountDatabase),
        new("conference", [ConferenceByNumber], AccountDatabase.IsAccountDatabase),
        new("devices", [DeviceByOwner], AccountDatabase.IsAccountDatabase),
        new("users", [UserByMd5Credentials, UserByShaCredentials], AccountDatabase.IsAccountDatabase),
        new("accounts", [AccountByApiKey, AccountByName, AccountByRealm, AccountByParent], db => db == AccountDatabase.Accounts),
        new("idempotency", [IdempotencyByExpiry], db => db == Idempotency.IdempotencyKeys.Database),
        new("conferences_webhooks", [WebhookListing], AccountDatabase.IsAccountDatabase),
        new("webhook_outbox", [WebhookPending], db => db == WebhookViews.OutboxDatabase),
        new("webhook_attempts", [WebhookAttempts, WebhookAttemptsByAccount], db => db == WebhookViews.OutboxDatabase),
    ];

    public static IEnumerable<DesignDocument> For(string database) => DesignDocuments.Where(d => d.AppliesTo(database));
}
