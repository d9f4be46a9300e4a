using System.Text.RegularExpressions;

namespace Conferences.Core.Tests.Repository;

/// <summary>Small types with one responsibility: no C# file over 200 lines, and <c>partial</c> only where a source generator needs it.</summary>
public sealed partial class SourceShapeTests
{
    private const int MaxLines = 200;

    [Fact]
    public void No_source_file_is_over_200_lines()
    {
        var root = RepositoryFiles.Root();
        var offenders = CSharpFiles(root)
            .Select(f => (File: Path.GetRelativePath(root, f), Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join('\n', offenders));
    }

    [Fact]
    public void Partial_types_are_only_for_source_generators()
    {
        var root = RepositoryFiles.Root();
        var offenders = CSharpFiles(root)
            .Where(f => PartialType().IsMatch(File.ReadAllText(f)) && !Generated().IsMatch(File.ReadAllText(f)))
            .Where(f => Path.GetFileName(f) != "Program.cs") // the entry point's class is opened for WebApplicationFactory<Program>
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();

        Assert.True(offenders.Count == 0, "partial types without a source generator:\n" + string.Join('\n', offenders));
    }

    private static IEnumerable<string> CSharpFiles(string root) =>
        RepositoryFiles.Text(root).Where(f => f.EndsWith(".cs", StringComparison.Ordinal));

    [GeneratedRegex(@"^\s*(public |internal |private |protected )*(sealed |static |abstract )*partial (class|record|struct)\b", RegexOptions.Multiline)]
    private static partial Regex PartialType();

    [GeneratedRegex(@"\[(LoggerMessage|GeneratedRegex|JsonSerializable)\b")]
    private static partial Regex Generated();
}
