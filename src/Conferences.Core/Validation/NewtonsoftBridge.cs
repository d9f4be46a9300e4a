using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Conferences.Core.Validation;

/// <summary>Moves JSON between NJsonSchema's Newtonsoft world and System.Text.Json.</summary>
internal static class NewtonsoftBridge
{
    /// <summary>Parses a System.Text.Json document for NJsonSchema; strings stay strings (no date sniffing).</summary>
    public static JToken ToToken(JsonNode node)
    {
        using var text = new StringReader(node.ToJsonString());
        using var reader = new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };
        return JToken.ReadFrom(reader);
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
