namespace Conferences.Core.Crossbar;

/// <summary>The private fields crossbar sets on every save (<c>crossbar_doc:update_pvt_parameters/2</c>).</summary>
public static class PrivateFields
{
    public static void Stamp(JsonObject doc, string type, CrossbarContext context, long nowGregorian)
    {
        doc[KazooFields.Type] = type;
        if (!doc.ContainsKey(KazooFields.Vsn))
        {
            doc[KazooFields.Vsn] = "1";
        }
        doc[KazooFields.AccountId] = context.AccountId;
        if (!doc.ContainsKey(KazooFields.AccountDb))
        {
            doc[KazooFields.AccountDb] = AccountDatabase.Encoded(context.AccountId);
        }
        if (!doc.ContainsKey(KazooFields.Rev))
        {
            doc[KazooFields.Created] = nowGregorian;
        }
        doc[KazooFields.Modified] = nowGregorian;
        doc["pvt_request_id"] = context.RequestId;
        doc["pvt_is_authenticated"] = context.AuthAccountId is not null;
        if (context.AuthAccountId is not null)
        {
            doc["pvt_auth_account_id"] = context.AuthAccountId;
        }
        if (context.AuthUserId is not null)
        {
            doc["pvt_auth_user_id"] = context.AuthUserId;
        }
        if (KazooJson.GetString(doc, "name") is { } name)
        {
            doc["pvt_alphanum_name"] = AlphanumName(name);
        }
        else
        {
            doc.Remove("pvt_alphanum_name");
        }
    }

    /// <summary>Lower-cased name with everything outside <c>[a-z0-9]</c> removed.</summary>
    public static string AlphanumName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
