using System.Text.RegularExpressions;

namespace Conferences.Core.Tests.Repository;

/// <summary>
/// Comments and documents cite only what a clone of the repository can open: Kazoo's source, the repository's own
/// docs, RFCs. The design notes the project started from are not in the repository, so citing them leads nowhere.
/// </summary>
public sealed partial class CitationTests
{
    [Fact]
    public void No_file_cites_a_document_the_repository_does_not_contain()
    {
        var root = RepositoryFiles.Root();
        var offenders = new List<string>();
        foreach (var file in RepositoryFiles.Text(root).Where(f => !f.EndsWith(nameof(CitationTests) + ".cs", StringComparison.Ordinal)))
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
}
