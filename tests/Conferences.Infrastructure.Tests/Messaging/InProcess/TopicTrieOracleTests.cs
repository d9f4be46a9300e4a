using static Conferences.Infrastructure.Tests.Messaging.InProcess.TopicTries;

namespace Conferences.Infrastructure.Tests.Messaging.InProcess;

/// <summary>
/// The topic trie against <see cref="KapiRoutingKeys.TopicMatches"/> (the oracle) over generated patterns and keys:
/// empty words, wildcard runs and collisions, through binds and unbinds.
/// </summary>
public sealed class TopicTrieOracleTests
{
    // small vocabularies make collisions, empty words and wildcard runs frequent
    private static readonly string[] PatternWords = ["a", "b", "c", "", "*", "#"];
    private static readonly string[] KeyWords = ["a", "b", "c", "", "*", "#", "ab"];

    [Fact]
    public void Routes_like_the_oracle_over_generated_patterns_and_keys()
    {
        var random = new Random(20_260_105);
        var bindings = Distinct(Generate(random, PatternWords, 600, maxWords: 6)).Select((pattern, i) => new Binding(i, pattern)).ToList();
        var trie = new TopicTrie<Binding>();
        foreach (var binding in bindings)
        {
            Assert.True(trie.Add(binding.Pattern, binding));
        }

        var keys = Generate(random, KeyWords, 3_000, maxWords: 8);
        AssertRoutesLikeOracle(trie, bindings, keys);
    }

    [Fact]
    public void Routes_like_the_oracle_after_unbinding()
    {
        var random = new Random(7);
        var bindings = Generate(random, PatternWords, 400, maxWords: 5).Select((pattern, i) => new Binding(i, pattern)).ToList();
        var trie = new TopicTrie<Binding>();
        bindings.ForEach(binding => trie.Add(binding.Pattern, binding));
        var keys = Generate(random, KeyWords, 1_500, maxWords: 7);

        var removed = bindings.Where(_ => random.Next(2) == 0).ToList();
        foreach (var binding in removed)
        {
            Assert.True(trie.Remove(binding.Pattern, binding));
        }
        var kept = bindings.Except(removed).ToList();

        Assert.Equal(kept.Count, trie.Count);
        AssertRoutesLikeOracle(trie, kept, keys);
        foreach (var binding in kept)
        {
            Assert.True(trie.Remove(binding.Pattern, binding));
        }
        Assert.Equal(0, trie.Count);
        Assert.All(keys, key => Assert.Empty(MatchesOf(trie, key)));
    }
    private static void AssertRoutesLikeOracle(TopicTrie<Binding> trie, IReadOnlyList<Binding> bindings, IEnumerable<string> keys)
    {
        var into = new HashSet<Binding>();
        var reached = 0;
        foreach (var key in keys)
        {
            into.Clear();
            trie.Match(key, into);
            var expected = bindings.Where(b => KapiRoutingKeys.TopicMatches(b.Pattern, key)).Select(b => b.Index).Order();
            Assert.True(expected.SequenceEqual(into.Select(b => b.Index).Order()), $"routing key '{key}'");
            reached += into.Count;
        }
        Assert.True(reached > 0, "the generated keys should reach some bindings");
    }

    private static List<string> Generate(Random random, string[] words, int count, int maxWords)
    {
        var generated = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var length = random.Next(0, maxWords + 1); // 0: the empty key or pattern
            generated.Add(string.Join('.', Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)])));
        }
        return generated;
    }

    private static IEnumerable<string> Distinct(IEnumerable<string> patterns) => patterns.Distinct(StringComparer.Ordinal);
}
