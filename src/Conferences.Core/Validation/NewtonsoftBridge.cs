using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Conferences.Core.Validation;

internal static class NewtonsoftBridge
{
    // Integers past 64 bits, which Erlang accepts, validate as long.Max/MinValue while the document keeps every digit.
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
