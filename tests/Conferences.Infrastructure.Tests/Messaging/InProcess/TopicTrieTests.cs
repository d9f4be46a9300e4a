using Conferences.Infrastructure.Messaging.InProcess;

namespace Conferences.Infrastructure.Tests.Messaging.InProcess;

/// <summary>
/// The embedded bus's topic trie routes exactly as <see cref="KapiRoutingKeys.TopicMatches"/> decides, one pattern
/// at a time (the oracle): <c>*</c> one word, <c>#</c> zero or more, empty words, the empty key (no word, as on
/// RabbitMQ), any mix, through binds and unbinds.
/// </summary>
public sealed class TopicTrieTests
{
    // small vocabularies make collisions, empty words and wildcard runs frequent
    private static readonly string[] PatternWords = ["a", "b", "c", "", "*", "#"];
    private static readonly string[] KeyWords = ["a", "b", "c", "", "*", "#", "ab"];

    [Theory]
    [InlineData("#", "")]
    [InlineData("#", "a")]
    [InlineData("#", "a.b.c")]
    [InlineData("#", "..")]
    [InlineData("a.#.b", "a.b")]
    [InlineData("a.#.b", "a.x.b")]
    [InlineData("a.#.b", "a.x.y.b")]
    [InlineData("a.#.b", "a.b.b")]
    [InlineData("a.#", "a")]
    [InlineData("#.a", "a")]
    [InlineData("#.#", "a.b")]
    [InlineData("#.*", "a")]
    [InlineData("*.#.*", "a.b")]
    [InlineData("*.*.*", "a..c")]
    [InlineData("a..c", "a..c")]
    [InlineData("a.*.c", "a..c")]
    [InlineData("", "")]
    [InlineData(".", ".")]
    [InlineData("conference.event.*.acct.conf.*", "conference.event.add-member.acct.conf.a%2Eb+c")]
    public void Pattern_matches(string pattern, string routingKey)
    {
        Assert.True(KapiRoutingKeys.TopicMatches(pattern, routingKey)); // the oracle agrees
        Assert.Equal([pattern], MatchesOf(TrieOf(pattern), routingKey));
    }

    [Theory]
    [InlineData("a.#.b", "a.b.c")]
    [InlineData("a.#.b", "b")]
    [InlineData("a.#", "b.a")]
    [InlineData("*.#.*", "a")]
    [InlineData("*", "")]
    [InlineData("#.*", "")]
    [InlineData("*.#", "")]
    [InlineData("*", "a.b")]
    [InlineData("*.*.*", "a.c")]
    [InlineData("a.*.c", "a.c")]
    [InlineData("", "a")]
    [InlineData("a", "")]
    [InlineData("a", "*")]
    [InlineData("a", "a.")]
    [InlineData("a.b", "ab")]
    [InlineData("conference.event.*.acct.conf.*", "conference.event.add-member.acct.conf.a.b")]
    public void Pattern_does_not_match(string pattern, string routingKey)
    {
        Assert.False(KapiRoutingKeys.TopicMatches(pattern, routingKey));
        Assert.Empty(MatchesOf(TrieOf(pattern), routingKey));
    }

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

    [Fact]
    public void A_value_bound_by_several_matching_patterns_is_reached_once()
    {
        var trie = new TopicTrie<Binding>();
        var queue = new Binding(1, "q");
        foreach (var pattern in new[] { "#", "a.#", "#.a.#", "*.#", "a.*.#.c", "#.#.c" })
        {
            trie.Add(pattern, queue);
        }
        var into = new HashSet<Binding>();

        trie.Match("a.a.a.c", into);

        Assert.Equal([queue], into);
    }

    [Fact]
    public void Binding_twice_and_unbinding_what_was_not_bound_change_nothing()
    {
        var trie = new TopicTrie<Binding>();
        var queue = new Binding(1, "a.*");

        Assert.True(trie.Add("a.*", queue));
        Assert.False(trie.Add("a.*", queue));
        Assert.False(trie.Remove("a.#", queue));
        Assert.False(trie.Remove("a.*", new Binding(2, "a.*")));
        Assert.Equal(1, trie.Count);
        Assert.True(trie.Remove("a.*", queue));
        Assert.False(trie.Remove("a.*", queue));
        Assert.Empty(MatchesOf(trie, "a.b"));
    }

    [Fact]
    public void A_run_of_hashes_binds_and_unbinds_like_one()
    {
        var trie = new TopicTrie<Binding>();
        var (both, single) = (new Binding(1, "a.#.#.b"), new Binding(2, "a.#.b"));
        trie.Add(both.Pattern, both);
        trie.Add(single.Pattern, single);

        Assert.Equal(2, MatchesOf(trie, "a.x.y.b").Count);
        Assert.True(trie.Remove(both.Pattern, both));
        Assert.Equal([single.Pattern], MatchesOf(trie, "a.b"));
    }

    [Fact]
    public void A_key_of_many_words_is_matched()
    {
        var words = Enumerable.Range(0, 200).Select(i => $"w{i}").ToArray();
        var key = string.Join('.', words);
        var trie = TrieOf("w0.#.w199", "#.w100.#", "w0.*", "*.#.w198");

        Assert.Equal(["#.w100.#", "w0.#.w199"], MatchesOf(trie, key));
    }

    [Theory]
    [InlineData("a.b", false)]
    [InlineData("", false)]
    [InlineData("a*.b#", false)]
    [InlineData("a.*", true)]
    [InlineData("#", true)]
    [InlineData("a.#.b", true)]
    public void Wildcard_patterns_are_told_from_plain_keys(string pattern, bool wildcard)
    {
        Assert.Equal(wildcard, TopicTrie<Binding>.HasWildcard(pattern));
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

    private static TopicTrie<Binding> TrieOf(params string[] patterns)
    {
        var trie = new TopicTrie<Binding>();
        for (var i = 0; i < patterns.Length; i++)
        {
            trie.Add(patterns[i], new Binding(i, patterns[i]));
        }
        return trie;
    }

    private static List<string> MatchesOf(TopicTrie<Binding> trie, string routingKey)
    {
        var into = new HashSet<Binding>();
        trie.Match(routingKey, into);
        return [.. into.Select(b => b.Pattern).Order(StringComparer.Ordinal)];
    }

    private sealed record Binding(int Index, string Pattern);
}
