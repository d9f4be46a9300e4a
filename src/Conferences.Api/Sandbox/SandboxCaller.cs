namespace Conferences.Api.Sandbox;

/// <summary>
/// A simulated caller as the sandbox's PUT describes it, read from the envelope's <c>data</c> with Kazoo's validation
/// errors (<c>{"field":{"rule":{"message":…}}}</c>) for a wrong type or length.
/// </summary>
internal sealed record SandboxCaller(string? CallerIdName, string? CallerIdNumber, bool IsModerator)
{
    private const int MaxLength = 128;

    public static SandboxCaller From(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(Text(data, "caller_id_name"), Text(data, "caller_id_number"), Flag(data, "is_moderator") ?? false);
    }

    /// <summary>POST's <c>talking</c>: required, a boolean.</summary>
    public static bool Talking(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Flag(data, "talking") ?? throw KazooErrors.Validation("talking", "required", "Field is required but missing");
    }

    private static string? Text(JsonObject data, string key)
    {
        var node = data[key];
        if (node is null)
        {
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw KazooErrors.Validation(key, "type", "Value is not of type string");
        }
        var text = node.GetValue<string>().Trim();
        return text.Length switch
        {
            0 => null,
            > MaxLength => throw KazooErrors.Validation(key, "maxLength", $"String must not be more than {MaxLength} characters",
                new JsonObject { ["target"] = MaxLength }),
            _ => text,
        };
    }

    private static bool? Flag(JsonObject data, string key)
    {
        var node = data[key];
        return node switch
        {
            null => null,
            _ when node.GetValueKind() is JsonValueKind.True or JsonValueKind.False => node.GetValue<bool>(),
            _ => throw KazooErrors.Validation(key, "type", "Value is not of type boolean"),
        };
    }
}
