namespace Conferences.Infrastructure.Tests.Messaging.InProcess;

/// <summary>Tries over named bindings, and what a routing key reaches in them, for the topic trie tests.</summary>
internal static class TopicTries
{
    public static TopicTrie<Binding> TrieOf(params string[] patterns)
    {
        var trie = new TopicTrie<Binding>();
        for (var i = 0; i < patterns.Length; i++)
        {
            trie.Add(patterns[i], new Binding(i, patterns[i]));
        }
        return trie;
    }

    public static List<string> MatchesOf(TopicTrie<Binding> trie, string routingKey)
    {
        var into = new HashSet<Binding>();
        trie.Match(routingKey, into);
        return [.. into.Select(b => b.Pattern).Order(StringComparer.Ordinal)];
    }

    public sealed record Binding(int Index, string Pattern);
}
