namespace Conferences.Infrastructure.Storage.CouchDb;

// A Kazoo-written design document only gains missing views (docs/kazoo-storage.md); concurrent installers settle by
// 409.
internal static class CouchDbDesignInstaller
{
    // Kazoo's design documents carry a kazoo member instead.
    public const string ManagedBy = "managed_by";

    public const string Marker = "conferences";

    private const int Attempts = 4;

    public static async Task InstallAsync(CouchDbClient client, string database, CancellationToken ct)
    {
        foreach (var design in KazooViews.For(database))
        {
            await InstallAsync(client, database, design, ct).ConfigureAwait(false);
        }
    }

    // Null when existing already serves every view of design.
    public static JsonObject? Plan(JsonObject? existing, DesignDocument design)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (existing is null)
        {
            var created = DesignDocumentJson.Create(design);
            created[ManagedBy] = Marker;
            return created;
        }
        var ours = existing[ManagedBy] is JsonValue marker && marker.TryGetValue<string>(out var by) && by == Marker;
        var updated = (JsonObject)existing.DeepClone();
        if (updated["views"] is not JsonObject views)
        {
            views = [];
            updated["views"] = views;
        }
        var changed = false;
        foreach (var view in design.Views)
        {
            var map = (views[view.Name] as JsonObject)?["map"];
            var current = map is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (map is null || (ours && current != view.JavaScriptMap))
            {
                views[view.Name] = new JsonObject { ["map"] = view.JavaScriptMap };
                changed = true;
            }
        }
        if (!changed)
        {
            return null;
        }
        updated["language"] ??= "javascript";
        return updated;
    }

    private static async Task InstallAsync(CouchDbClient client, string database, DesignDocument design, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await client.GetDocumentAsync(database, design.Id, ct).ConfigureAwait(false);
            var existing = current.IsNotFound
                ? null
                : CouchDbFailures.Require(current, client.Server.Display, database, design.Id, $"reading {design.Id}").Body as JsonObject;
            if (Plan(existing, design) is not { } wanted)
            {
                return;
            }
            var written = await client.PutDocumentAsync(database, design.Id, wanted, ct).ConfigureAwait(false);
            if (written.IsConflict && attempt < Attempts)
            {
                continue;
            }
            CouchDbFailures.Require(written, client.Server.Display, database, design.Id, $"installing {design.Id}");
            return;
        }
    }
}
