namespace Conferences.Core.Tests.Repository;

/// <summary>The repository's own text files, found from the test's output folder up to <c>Conferences.sln</c>.</summary>
internal static class RepositoryFiles
{
    private static readonly string[] TextExtensions = [".cs", ".md", ".json", ".sh", ".yml", ".yaml", ".csproj", ".props", ".cfg", ".conf", ".js", ".mjs", ".html", ".css", ".txt"];

    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", ".tools", "artifacts", "node_modules", "TestResults"];

    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conferences.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Conferences.sln above {AppContext.BaseDirectory}");
    }

    public static IEnumerable<string> Text(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (TextExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                yield return file;
            }
        }
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.Ordinal))
            {
                foreach (var file in Text(sub))
                {
                    yield return file;
                }
            }
        }
    }
}
