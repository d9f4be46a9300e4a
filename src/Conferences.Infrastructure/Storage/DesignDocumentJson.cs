namespace Conferences.Infrastructure.Storage;

/// <summary>
/// A design document as Kazoo ships it (<c>core/kazoo_apps/priv/couchdb/account/conferences.json</c>): the embedded
/// store keeps the JavaScript so its copy matches CouchDB's, and runs the C# twins.
/// </summary>
internal static class DesignDocumentJson
{
    public static JsonObject Create(DesignDocument design)
    {
        var views = new JsonObject();
        foreach (var view in design.Views)
        {
            views[view.Name] = new JsonObject { ["map"] = view.JavaScriptMap };
        }
        return new JsonObject { [KazooFields.Id] = design.Id, ["language"] = "javascript", ["views"] = views };
    }
}
