using Conferences.Core.Idempotency;

namespace Conferences.Core.Tests.Idempotency;

/// <summary>Which requests under one <c>Idempotency-Key</c> count as the same request (<see cref="IdempotencyFingerprint"/>).</summary>
public sealed class IdempotencyFingerprintTests
{
    private static readonly Dictionary<string, string> NoQuery = [];

    [Fact]
    public void Key_order_whitespace_and_the_token_do_not_make_a_different_request()
    {
        var first = Of("""{"data":{"action":"mute","participant_ids":[1,2]},"auth_token":"a"}""", new() { ["auth_token"] = "x" });
        var second = Of("""{ "auth_token":"b", "data":{ "participant_ids":[1, 2], "action":"mute" } }""", NoQuery);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("""{"data":{"action":"unmute"}}""", "PUT", "/v2/accounts/a/conferences/c/participants", null)]
    [InlineData("""{"data":{"action":"mute","participant_ids":[2,1]}}""", "PUT", "/v2/accounts/a/conferences/c/participants", null)]
    [InlineData("""{"data":{"action":"mute"}}""", "PUT", "/v2/accounts/a/conferences/d/participants", null)]
    [InlineData("""{"data":{"action":"mute"}}""", "POST", "/v2/accounts/a/conferences/c/participants", null)]
    [InlineData("""{"data":{"action":"mute"}}""", "PUT", "/v2/accounts/a/conferences/c/participants", "applied")]
    public void The_body_the_path_the_method_or_the_query_make_a_different_request(string envelope, string method, string path, string? wait)
    {
        var baseline = Of("""{"data":{"action":"mute"}}""", NoQuery);
        var query = wait is null ? NoQuery : new Dictionary<string, string> { ["wait"] = wait };

        Assert.NotEqual(baseline, IdempotencyFingerprint.Of(method, path, query, JsonNode.Parse(envelope)!.AsObject()));
    }

    [Fact]
    public void A_request_fingerprinted_by_an_earlier_release_is_still_the_same_request()
    {
        // digests the former implementation (string-joined canonical JSON) gave: keys claimed before an upgrade match their retries after it
        var query = new Dictionary<string, string> { ["wait"] = "applied", ["auth_token"] = "t", ["b"] = "x y" };
        var envelope = """{"auth_token":"z","data":{"action":"mute","participant_ids":[2,1,null,true,1.5e3],"name":"Ünïcode <&> \"q\" +"},"metadata":{"z":{},"a":[]}}""";

        Assert.Equal("0858194068606935249f690665b4090ffaafd5718dc3ec1e9e66ab679bcb5cd4", Of("""{"data":{"action":"mute"}}""", NoQuery));
        Assert.Equal("ef4ebbbb110fe06e0ca2c0256f9dc4f4ba5161c7bc290c596aa9dddc29cad94b",
            IdempotencyFingerprint.Of("PUT", "/v2/accounts/a/conferences/c/participants/12", query, JsonNode.Parse(envelope)!.AsObject()));
    }

    private static string Of(string envelope, Dictionary<string, string> query) =>
        IdempotencyFingerprint.Of("PUT", "/v2/accounts/a/conferences/c/participants", query, JsonNode.Parse(envelope)!.AsObject());
}
