namespace Conferences.Core.Storage;

/// <summary>A Kazoo design document (<c>_design/{Name}</c>) and the databases it is installed in.</summary>
public sealed record DesignDocument(string Name, IReadOnlyList<ViewDefinition> Views, Func<string, bool> AppliesTo)
{
    public string Id => $"_design/{Name}";
}
