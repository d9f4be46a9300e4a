namespace Conferences.Infrastructure.Messaging.InProcess;

// RabbitMQ's trie of binding words (literal, * and # branches), matched without allocating; semantics of
// KapiRoutingKeys.TopicMatches. Not thread-safe.
internal sealed class TopicTrie<T>
    where T : class
{
    private const string Star = "*";
    private const string Hash = "#";

    // keys of more words than this have their word boundaries on the heap instead of the stack
    private const int MaxStackWords = 64;

    private readonly TopicTrieNode<T> root = new();

    public int Count { get; private set; }

    public static bool HasWildcard(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        foreach (var word in pattern.Split('.'))
        {
            if (word is Star or Hash)
            {
                return true;
            }
        }
        return false;
    }

    public bool Add(string pattern, T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var node = root;
        foreach (var word in Words(pattern))
        {
            node = word switch
            {
                Star => node.StarChild ??= new TopicTrieNode<T>(),
                Hash => node.HashChild ??= new TopicTrieNode<T>(),
                _ => node.Literal(word) ?? node.AddLiteral(word),
            };
        }
        if (!(node.Values ??= []).Add(value))
        {
            return false;
        }
        Count++;
        return true;
    }

    public bool Remove(string pattern, T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!Remove(root, Words(pattern), 0, value))
        {
            return false;
        }
        Count--;
        return true;
    }

    public void Match(string routingKey, HashSet<T> into)
    {
        ArgumentNullException.ThrowIfNull(routingKey);
        ArgumentNullException.ThrowIfNull(into);
        if (Count == 0)
        {
            return;
        }
        var key = routingKey.AsSpan();
        var count = key.IsEmpty ? 0 : key.Count('.') + 1;
        Span<Range> words = count <= MaxStackWords ? stackalloc Range[count] : new Range[count];
        var start = 0;
        for (var i = 0; i < count - 1; i++)
        {
            var end = start + key[start..].IndexOf('.');
            words[i] = new Range(start, end);
            start = end + 1;
        }
        if (count > 0)
        {
            words[count - 1] = new Range(start, key.Length);
        }
        Match(root, key, words, 0, into);
    }

    private static void Match(TopicTrieNode<T> node, ReadOnlySpan<char> key, ReadOnlySpan<Range> words, int next, HashSet<T> into)
    {
        if (node.HashChild is { } hash)
        {
            // # takes the words next .. j-1, for every j (none at all when j == next)
            for (var j = next; j <= words.Length; j++)
            {
                Match(hash, key, words, j, into);
            }
        }
        if (next == words.Length)
        {
            if (node.Values is { } values)
            {
                foreach (var value in values)
                {
                    into.Add(value);
                }
            }
            return;
        }
        if (node.Literal(key[words[next]]) is { } literal)
        {
            Match(literal, key, words, next + 1, into);
        }
        if (node.StarChild is { } star)
        {
            Match(star, key, words, next + 1, into);
        }
    }

    private static bool Remove(TopicTrieNode<T> node, string[] words, int next, T value)
    {
        if (next == words.Length)
        {
            return node.Values?.Remove(value) == true;
        }
        var word = words[next];
        var child = word switch
        {
            Star => node.StarChild,
            Hash => node.HashChild,
            _ => node.Literal(word),
        };
        if (child is null || !Remove(child, words, next + 1, value))
        {
            return false;
        }
        if (child.IsEmpty)
        {
            switch (word)
            {
                case Star:
                    node.StarChild = null;
                    break;
                case Hash:
                    node.HashChild = null;
                    break;
                default:
                    node.RemoveLiteral(word);
                    break;
            }
        }
        return true;
    }

    // The pattern's words (none for the empty pattern); a run of # is one # (zero or more words twice over is zero or
    // more words).
    private static string[] Words(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length == 0)
        {
            return [];
        }
        var words = pattern.Split('.');
        var kept = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] is not Hash || kept == 0 || words[kept - 1] is not Hash)
            {
                words[kept++] = words[i];
            }
        }
        return kept == words.Length ? words : words[..kept];
    }
}
