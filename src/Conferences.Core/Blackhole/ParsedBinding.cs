namespace Conferences.Core.Blackhole;

/// <summary>Usable, malformed (a validation error), or of a family no module serves (refused after
/// authorization).</summary>
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

    public string? Error { get; }

    public bool IsUnknownFamily { get; }

    public static ParsedBinding Valid(string clientBinding, string amqpBinding) => new(clientBinding, new(clientBinding, amqpBinding), null, false);

    public static ParsedBinding Invalid(string clientBinding, string error) => new(clientBinding, null, error, false);

    public static ParsedBinding UnknownFamily(string clientBinding) => new(clientBinding, null, null, true);
}
