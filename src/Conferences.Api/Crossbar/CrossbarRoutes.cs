using System.Text.RegularExpressions;

namespace Conferences.Api.Crossbar;

/// <summary>
/// The verbs each <c>/v2</c> path shape allows (kazoo-reference §1.1); CORS pre-flights answer with these.
/// Routing itself is done by the controllers' attribute routes, which spell the same shapes.
/// </summary>
public static partial class CrossbarRoutes
{
    private static readonly (Regex Shape, string Methods)[] Shapes =
    [
        (Conferences(), "GET, PUT"),
        (Conference(), "GET, POST, PATCH, DELETE, PUT"),
        (Participants(), "GET, PUT"),
        (Participant(), "GET, PUT"),
        (ApiKey(), "GET"),
        (Account(), "GET, PUT"),
        (ApiAuth(), "PUT"),
        (UserAuth(), "PUT"),
        (TokenInfo(), "GET, POST"),
    ];

    public static string AllowedMethods(string path)
    {
        foreach (var (shape, methods) in Shapes)
        {
            if (shape.IsMatch(path))
            {
                return methods + ", OPTIONS";
            }
        }
        return "GET, PUT, POST, PATCH, DELETE, OPTIONS";
    }

    [GeneratedRegex("^/v2/accounts/[^/]+/conferences/?$")]
    private static partial Regex Conferences();

    [GeneratedRegex("^/v2/accounts/[^/]+/conferences/[^/]+/?$")]
    private static partial Regex Conference();

    [GeneratedRegex("^/v2/accounts/[^/]+/conferences/[^/]+/participants/?$")]
    private static partial Regex Participants();

    [GeneratedRegex("^/v2/accounts/[^/]+/conferences/[^/]+/participants/[^/]+/?$")]
    private static partial Regex Participant();

    [GeneratedRegex("^/v2/accounts/[^/]+/api_key/?$")]
    private static partial Regex ApiKey();

    [GeneratedRegex("^/v2/accounts/[^/]+/?$")]
    private static partial Regex Account();

    [GeneratedRegex("^/v2/api_auth/?$")]
    private static partial Regex ApiAuth();

    [GeneratedRegex("^/v2/user_auth/?$")]
    private static partial Regex UserAuth();

    [GeneratedRegex("^/v2/auth/tokeninfo/?$")]
    private static partial Regex TokenInfo();
}
