namespace Conferences.Core.Kapi;

/// <summary><c>kz_api:build_message/3</c> and <c>validate/4</c> over a <see cref="KapiMessageDefinition"/>
/// (docs/amqp.md).</summary>
public static class KapiMessage
{
    /// <summary>Drops null and empty values, fills sender, <c>Msg-ID</c> and fixed values, then strips undeclared keys, as
    /// <c>kz_api:build_message/3</c> does; <paramref name="fields"/> is not modified.</summary>
    /// <exception cref="KapiValidationException">a required key is missing or a value has the wrong type or value.</exception>
    public static JsonObject Build(KapiMessageDefinition definition, JsonObject fields, KapiSender sender)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(sender);

        var cleaned = WithoutEmptyValues(fields);
        SetMissing(cleaned, KapiHeaders.AppName, sender.AppName);
        SetMissing(cleaned, KapiHeaders.AppVersion, sender.AppVersion);
        SetMissing(cleaned, KapiHeaders.Node, sender.Node);
        if (!IsPresent(cleaned, KapiHeaders.MsgId))
        {
            cleaned[KapiHeaders.MsgId] = KapiHeaders.NewMsgId();
        }
        foreach (var (key, value) in definition.AllFixedValues)
        {
            SetMissing(cleaned, key, value);
        }

        var message = new JsonObject();
        foreach (var key in KapiHeaders.Required.Concat(KapiHeaders.Optional).Concat(definition.DeclaredKeys).Distinct())
        {
            if (cleaned.TryGetPropertyValue(key, out var value) && value is not null)
            {
                message[key] = value.DeepClone();
            }
        }

        var problems = Validate(definition, message);
        if (problems.Count > 0)
        {
            throw new KapiValidationException(definition.Name, problems);
        }
        return message;
    }

    /// <summary>Every problem of a received message (empty = valid); undeclared keys are ignored, as Kazoo ignores
    /// them.</summary>
    public static IReadOnlyList<KapiProblem> Validate(KapiMessageDefinition definition, JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(message);

        var problems = new List<KapiProblem>();
        foreach (var key in KapiHeaders.Required.Concat(definition.RequiredKeys).Distinct())
        {
            if (!IsPresent(message, key))
            {
                problems.Add(new(key, "required key is missing"));
            }
        }
        foreach (var group in definition.RequiredOneOf)
        {
            if (!group.Any(key => IsPresent(message, key)))
            {
                problems.Add(new(string.Join("|", group), $"one of {string.Join(", ", group)} is required"));
            }
        }
        foreach (var (key, expected) in definition.AllFixedValues)
        {
            if (IsPresent(message, key) && !IsString(message[key], expected))
            {
                problems.Add(new(key, $"must be \"{expected}\""));
            }
        }
        foreach (var (key, allowed) in definition.AllowedValues)
        {
            if (IsPresent(message, key) && !allowed.Any(value => IsString(message[key], value)))
            {
                problems.Add(new(key, $"must be one of {string.Join(", ", allowed)}"));
            }
        }
        foreach (var (key, type) in KapiHeaders.Types.Where(t => !definition.Types.ContainsKey(t.Key)).Concat(definition.Types))
        {
            if (IsPresent(message, key) && !KapiValueTypes.Matches(type, message[key]))
            {
                problems.Add(new(key, $"must be {KapiValueTypes.Describe(type)}"));
            }
        }
        return problems;
    }

    public static bool IsValid(KapiMessageDefinition definition, JsonObject message) => Validate(definition, message).Count == 0;

    /// <summary><c>Participant-ID</c> and <c>Other-Participant</c> arrive as integers or numeric strings.</summary>
    public static bool TryGetInteger(JsonObject message, string key, out long value) =>
        KapiValueTypes.TryGetInteger(message[key], allowNumericString: true, out value);

    private static bool IsPresent(JsonObject message, string key) =>
        message.TryGetPropertyValue(key, out var value) && !IsEmpty(value);

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v => v.GetValueKind() == JsonValueKind.Null || (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0),
        _ => false,
    };

    private static bool IsString(JsonNode? value, string expected) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == expected;

    private static void SetMissing(JsonObject message, string key, string value)
    {
        if (!IsPresent(message, key))
        {
            message[key] = value;
        }
    }

    // kz_api:remove_empty_values/1 — recursive into objects, not into arrays.
    private static JsonObject WithoutEmptyValues(JsonObject source)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (IsEmpty(value))
            {
                continue;
            }
            result[key] = value is JsonObject nested ? WithoutEmptyValues(nested) : value!.DeepClone();
        }
        return result;
    }
}
