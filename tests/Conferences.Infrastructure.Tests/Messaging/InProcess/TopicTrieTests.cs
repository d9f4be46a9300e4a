using static Conferences.Infrastructure.Tests.Messaging.InProcess.TopicTries;

namespace Conferences.Infrastructure.Tests.Messaging.InProcess;

/// <summary>
/// The embedded bus's topic trie routes exactly as <see cref="KapiRoutingKeys.TopicMatches"/> decides, one pattern
/// at a time (the oracle): <c>*</c> one word, <c>#</c> zero or more, empty words, the empty key (no word, as on
/// RabbitMQ), any mix, through binds and unbinds. Generated patterns and keys are in <see cref="TopicTrieOracleTests"/>.
/// </summary>
public sealed class TopicTrieTests
{
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
}
