using System.Reflection;

namespace Conferences.Core.Validation;

// schemas/<name>.json embedded by Conferences.Core.csproj.
internal static class EmbeddedSchemas
{
    private const string Prefix = "schemas/";
    private const string Suffix = ".json";

    public static IReadOnlyDictionary<string, string> Read()
    {
        var assembly = typeof(EmbeddedSchemas).Assembly;
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(Suffix, StringComparison.Ordinal))
            {
                continue;
            }
            sources[resource[Prefix.Length..^Suffix.Length]] = ReadText(assembly, resource);
        }
        return sources;
    }

    private static string ReadText(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded schema '{resource}' cannot be opened");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
