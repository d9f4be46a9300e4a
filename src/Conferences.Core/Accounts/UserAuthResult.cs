namespace Conferences.Core.Accounts;

/// <summary>A successful <c>user_auth</c>: the token (the envelope's <c>auth_token</c>) and the answer's <c>data</c>.</summary>
public sealed record UserAuthResult(string AuthToken, JsonObject Data);
