using System.Text.Json.Nodes;
using Conferences.Core.Storage;

namespace Conferences.Infrastructure.Storage.Sqlite;

/// <summary>
/// A Kazoo design document as CouchDB stores it (<c>core/kazoo_apps/priv/couchdb/account/conferences.json</c>,
/// kazoo-reference §3.3): the JavaScript maps are kept so the stored document matches CouchDB's, while the
/// embedded store runs their C# twins.
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
        return new JsonObject { ["_id"] = design.Id, ["language"] = "javascript", ["views"] = views };
    }
}
