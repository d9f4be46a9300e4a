using System.Text.RegularExpressions;

namespace Conferences.Core.Tests.Repository;

/// <summary>
/// Comments and documents cite only what a clone of the repository can open: Kazoo's source, the repository's own
/// docs, RFCs. The design notes the project started from are not in the repository, so citing them leads nowhere.
/// </summary>
public sealed partial class CitationTests
{
    private static readonly string[] TextExtensions = [".cs", ".md", ".json", ".sh", ".yml", ".yaml", ".csproj", ".props", ".cfg", ".conf", ".js", ".html", ".css", ".txt"];

    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", ".tools", "artifacts", "node_modules", "TestResults"];

    [Fact]
    public void No_file_cites_a_document_the_repository_does_not_contain()
    {
        var root = RepositoryRoot();
        var offenders = new List<string>();
        foreach (var file in Files(root))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (OutsideDocument().IsMatch(lines[i]))
                {
                    offenders.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offenders.Count == 0, $"{offenders.Count} citations of documents outside the repository:\n{string.Join('\n', offenders.Take(200))}");
    }

    /// <summary>The names of the design notes outside the repository, as comments have cited them.</summary>
    [GeneratedRegex(@"kazoo-(reference|auth\.md)|service[ -]profile|\bprofile'?s? (§|D\d|rules|fixes)|house[ -]style|(?-i:\.\./shared/)|seed/conferences-api", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideDocument();

    private static IEnumerable<string> Files(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (TextExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase) && !file.EndsWith(nameof(CitationTests) + ".cs", StringComparison.Ordinal))
            {
                yield return file;
            }
        }
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.Ordinal))
            {
                foreach (var file in Files(sub))
                {
                    yield return file;
                }
            }
        }
    }

    private static string RepositoryRoot()
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
}
