namespace Conferences.Api.Tests.Envelope;

/// <summary>The one answer to a create whose body is not JSON (RFC 8259): 400 <c>json.invalid</c>, nothing stored.</summary>
internal static class InvalidJson
{
    public static async Task AssertCreateRefusedAsync(ApiFactory api, HttpContent body)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", body);

        answer.ExpectValidationError("json", "invalid");
        Assert.Empty(await account.ListIdsAsync());
    }
}
