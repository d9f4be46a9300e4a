namespace Conferences.Infrastructure.Storage;

// Kazoo's design document JSON: the embedded store keeps the JavaScript so its copy matches CouchDB's.
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
