using Microsoft.AspNetCore.Routing.Patterns;

namespace Conferences.Api.Crossbar;

/// <summary>The <c>/v2</c> routes, derived once from the controllers' attribute routes: the one source for
/// 404/405/CORS.</summary>
public sealed class CrossbarRouteTable(EndpointDataSource endpoints)
{
    private const string AllVerbs = "GET, PUT, POST, PATCH, DELETE, OPTIONS";

    private readonly Lazy<CrossbarRoute[]> _routes = new(() => Build(endpoints));

    public IReadOnlyList<CrossbarRoute> Routes => _routes.Value;

    public CrossbarRoute? Find(string path)
    {
        var segments = Segments(path);
        return _routes.Value.FirstOrDefault(r => r.Matches(segments));
    }

    /// <summary>The verbs a path allows, for CORS and 405; an unknown path lists every verb crossbar knows.</summary>
    public string AllowedMethods(string path) => Find(path)?.Allow ?? AllVerbs;

    private static string[] Segments(string path)
    {
        var trimmed = path.StartsWith('/') ? path[1..] : path;
        if (trimmed.EndsWith('/'))
        {
            trimmed = trimmed[..^1];
        }
        return trimmed.Split('/');
    }

    private static CrossbarRoute[] Build(EndpointDataSource source)
    {
        var shapes = new Dictionary<string, (string?[] Segments, HashSet<string> Methods)>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || pattern.PathSegments.Count == 0
                || pattern.PathSegments[0].Parts is not [RoutePatternLiteralPart { Content: "v2" }])
            {
                continue;
            }
            var segments = pattern.PathSegments.Select(segment => Segment(segment, pattern)).ToArray();
            var key = string.Join('/', segments.Select(s => s ?? "{}"));
            if (!shapes.TryGetValue(key, out var shape))
            {
                shapes[key] = shape = (segments, new HashSet<string>(StringComparer.Ordinal));
            }
            shape.Methods.UnionWith(methods.HttpMethods);
        }
        return [.. shapes.Values.Select(s => new CrossbarRoute(s.Segments, s.Methods))];
    }

    private static string? Segment(RoutePatternPathSegment segment, RoutePattern pattern) => segment.Parts switch
    {
        [RoutePatternLiteralPart literal] => literal.Content,
        [RoutePatternParameterPart { IsCatchAll: false }] => null,
        _ => throw new InvalidOperationException($"a crossbar route is made of literal and parameter segments: {pattern.RawText}"),
    };
}
