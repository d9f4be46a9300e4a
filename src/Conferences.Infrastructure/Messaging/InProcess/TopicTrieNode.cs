namespace Conferences.Infrastructure.Messaging.InProcess;

// One word position: literal children (looked up by span), the * and # branches and the values bound here.
internal sealed class TopicTrieNode<T>
    where T : class
{
    private Dictionary<string, TopicTrieNode<T>>? literals;
    private Dictionary<string, TopicTrieNode<T>>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public TopicTrieNode<T>? StarChild { get; set; }

    public TopicTrieNode<T>? HashChild { get; set; }

    public HashSet<T>? Values { get; set; }

    public bool IsEmpty =>
        (literals is null || literals.Count == 0) && StarChild is null && HashChild is null && (Values is null || Values.Count == 0);

    public TopicTrieNode<T>? Literal(ReadOnlySpan<char> word) =>
        literals is not null && lookup.TryGetValue(word, out var child) ? child : null;

    public TopicTrieNode<T> AddLiteral(string word)
    {
        if (literals is null)
        {
            literals = new Dictionary<string, TopicTrieNode<T>>(StringComparer.Ordinal);
            lookup = literals.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        var child = new TopicTrieNode<T>();
        literals.Add(word, child);
        return child;
    }

    public void RemoveLiteral(string word) => literals?.Remove(word);
}
