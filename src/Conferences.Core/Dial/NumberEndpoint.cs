namespace Conferences.Core.Dial;

// cb_conferences:build_number_endpoint/2: a loopback leg into the account's routing, number as given.
internal static class NumberEndpoint
{
    public static JsonObject Build(string number, DialCall call)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(call);
        var requestUri = call.AccountRealm is null ? number : $"{number}@{call.AccountRealm}";
        var endpoint = new JsonObject
        {
            ["Invite-Format"] = "loopback",
            ["Route"] = number,
            ["To-DID"] = number,
        };
        if (call.AccountRealm is not null)
        {
            endpoint["To-Realm"] = call.AccountRealm;
        }
        endpoint["Simplify-Loopback"] = true;
        endpoint["Custom-Channel-Vars"] = new JsonObject
        {
            ["Account-ID"] = call.AccountId,
            ["Authorizing-Type"] = "conference",
            ["Authorizing-ID"] = call.ConferenceId,
            ["Loopback-Request-URI"] = requestUri,
            ["Request-URI"] = requestUri,
        };
        return endpoint;
    }
}
