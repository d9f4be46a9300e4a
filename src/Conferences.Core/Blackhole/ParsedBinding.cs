namespace Conferences.Core.Blackhole;

/// <summary>How a client binding reads: a usable <see cref="BlackholeBinding"/>, a malformed one (its error is a
/// validation error) or one of a family no module serves (answered after authorization, as in <c>bh_events</c>).</summary>
public sealed record ParsedBinding
{
    private ParsedBinding(string clientBinding, BlackholeBinding? binding, string? error, bool unknownFamily)
    {
        ClientBinding = clientBinding;
        Binding = binding;
        Error = error;
        IsUnknownFamily = unknownFamily;
    }

    public string ClientBinding { get; }

    public BlackholeBinding? Binding { get; }

    /// <summary>The validation error of a malformed binding of a known family.</summary>
    public string? Error { get; }

    public bool IsUnknownFamily { get; }

    public static ParsedBinding Valid(string clientBinding, string amqpBinding) => new(clientBinding, new(clientBinding, amqpBinding), null, false);

    public static ParsedBinding Invalid(string clientBinding, string error) => new(clientBinding, null, error, false);

    public static ParsedBinding UnknownFamily(string clientBinding) => new(clientBinding, null, null, true);
}
