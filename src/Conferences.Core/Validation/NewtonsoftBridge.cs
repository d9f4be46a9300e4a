using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Conferences.Core.Validation;

/// <summary>Moves JSON between NJsonSchema's Newtonsoft world and System.Text.Json.</summary>
internal static class NewtonsoftBridge
{
    /// <summary>
    /// Parses for NJsonSchema without date sniffing; integers past 64 bits, which Erlang accepts, are validated as
    /// <see cref="long.MaxValue"/>/<see cref="long.MinValue"/> while the document keeps every digit.
    /// </summary>
    public static JToken ToToken(JsonNode node)
    {
        using var text = new StringReader(node.ToJsonString());
        using var reader = new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };
        var token = JToken.ReadFrom(reader);
        var values = token is JContainer container ? container.DescendantsAndSelf().OfType<JValue>() : token is JValue single ? [single] : [];
        foreach (var value in values)
        {
            if (value.Value is BigInteger big)
            {
                value.Value = big.Sign < 0 ? long.MinValue : long.MaxValue;
            }
        }
        return token;
    }

    /// <summary>A schema keyword value (a <see cref="JToken"/> or a CLR primitive) as a fresh node.</summary>
    public static JsonNode? ToNode(object? value)
    {
        var json = value switch
        {
            null => "null",
            JToken token => token.ToString(Formatting.None),
            _ => JsonConvert.SerializeObject(value),
        };
        return JsonNode.Parse(json);
    }
}
