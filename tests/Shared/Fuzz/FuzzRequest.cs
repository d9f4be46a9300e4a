using System.Text;

namespace Conferences.Fuzz;

/// <summary>How a generated request authenticates.</summary>
public enum FuzzToken
{
    /// <summary><c>X-Auth-Token</c> of the account under test.</summary>
    Own,
    None,
    Garbage,
    /// <summary>The own token as <c>?auth_token=</c>.</summary>
    Query,
    /// <summary>The own token as <c>Authorization: Bearer</c>.</summary>
    Bearer,
}

/// <summary>
/// One generated request. <see cref="Path"/> may hold <c>{a}</c> (the account under test), <c>{A}</c> (its id in upper
/// case) and <c>{s}</c> (a sibling account that must never change); they are filled in when the request is sent.
/// </summary>
public sealed record FuzzRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    FuzzToken Token,
    string? ContentType,
    byte[]? Body)
{
    /// <summary>A short, printable form of the request: what a failing case shrinks to and the test prints.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Method).Append(' ').Append(Path);
        if (Query.Length > 0)
        {
            text.Append('?').Append(Query);
        }
        text.Append(" token=").Append(Token);
        foreach (var (name, value) in Headers)
        {
            text.Append(" [").Append(name).Append(": ").Append(Printable(value, 120)).Append(']');
        }
        if (ContentType is not null)
        {
            text.Append(" content-type=").Append(ContentType);
        }
        if (Body is not null)
        {
            text.Append(" body(").Append(Body.Length).Append(" bytes)=").Append(PrintableBody(Body));
        }
        return text.ToString();
    }

    private static string PrintableBody(byte[] body)
    {
        var shown = body.Length > 400 ? body[..400] : body;
        var text = new StringBuilder();
        foreach (var b in shown)
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }
        return body.Length > 400 ? text.Append('…').ToString() : text.ToString();
    }

    private static string Printable(string value, int max)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > max ? value[..max] : value)
        {
            text.Append(c is >= ' ' and < '\x7F' ? c.ToString() : $"\\u{(int)c:X4}");
        }
        return value.Length > max ? text.Append($"…({value.Length} chars)").ToString() : text.ToString();
    }
}
