namespace Conferences.Api.Tests.KazooAuth;

/// <summary>Tokens minted as crossbar mints them are accepted on every route and the websocket, and refused as Kazoo refuses them.</summary>
public abstract class KazooTokenContract<TFactory>(TFactory api)
    where TFactory : ApiFactory, IKazooApiFactory
{
    [Fact]
    public async Task A_kazoo_user_token_is_accepted_on_every_conference_route()
    {
        var kazoo = await api.ClusterAsync();
        var account = kazoo.As(await kazoo.UserAsync(await api.NewAccountAsync()));

        var id = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Kazoo token" });
        Assert.Contains(id, await account.ListIdsAsync());
        (await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);
        (await account.PatchAsync($"conferences/{id}", new JsonObject { ["play_name"] = true })).ExpectStatus(HttpStatusCode.OK);
        var doc = (await account.GetAsync($"conferences/{id}")).DataObject;
        doc["name"] = "Kazoo token, renamed";
        (await account.PostAsync($"conferences/{id}", doc)).ExpectStatus(HttpStatusCode.OK);
        (await account.SendAsync(HttpMethod.Put, $"conferences/{id}", Body.Json(new JsonObject
        {
            ["action"] = "dial",
            ["data"] = new JsonObject { ["endpoints"] = new JsonArray("sip:alice@example.com") },
        }.ToJsonString()))).ExpectStatus(HttpStatusCode.Created);
        var participants = await Realtime.Eventually.MatchAsync(() => account.GetAsync($"conferences/{id}/participants"),
            a => a.Data is JsonArray { Count: 1 }, what: "the dialled participant");
        var pid = participants.DataArray[0]!["participant_id"]!.GetValue<long>();
        (await account.GetAsync($"conferences/{id}/participants/{pid}")).ExpectStatus(HttpStatusCode.OK);
        (await account.PutAsync($"conferences/{id}/participants/{pid}", new JsonObject { ["action"] = "mute" })).ExpectStatus(HttpStatusCode.Created);
        (await account.PutAsync($"conferences/{id}/participants", new JsonObject { ["action"] = "unmute" })).ExpectStatus(HttpStatusCode.Created);
        (await account.PutAsync($"conferences/{id}", new JsonObject { ["action"] = "lock" })).ExpectStatus(HttpStatusCode.Created);
        (await account.DeleteAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_account_token_and_a_token_without_identity_sig_are_accepted_as_kazoo_accepts_them()
    {
        var kazoo = await api.ClusterAsync();
        var account = await api.NewAccountAsync();
        var withAccountIdentity = await kazoo.AccountTokenAsync(account);
        var unsigned = Holding(account, kazoo.Minter.AccountToken(account.Id, identitySig: null));

        (await withAccountIdentity.GetAsync("conferences")).ExpectStatus(HttpStatusCode.OK);
        (await unsigned.GetAsync("conferences")).ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_websocket_accepts_a_kazoo_token_in_a_frame_and_on_connect()
    {
        var kazoo = await api.ClusterAsync();
        var account = kazoo.As(await kazoo.UserAsync(await api.NewAccountAsync()));

        await using (var socket = await BlackholeClient.ConnectAsync(api))
        {
            var reply = await socket.SubscribeAsync(account, $"conference.event.{KazooIds.NewId()}.*");
            Assert.True(reply["status"]?.GetValue<string>() == "success", reply.ToJsonString());
        }
        await using (var socket = await BlackholeClient.ConnectAsync(api, $"?auth_token={account.Token}"))
        {
            var reply = await socket.RequestAsync("subscribe", null, new JsonObject { ["account_id"] = account.Id, ["binding"] = $"conference.event.{KazooIds.NewId()}.*" });
            Assert.True(reply["status"]?.GetValue<string>() == "success", reply.ToJsonString());
        }
    }

    [Fact]
    public async Task Refused_kazoo_tokens_answer_401_and_change_nothing()
    {
        var kazoo = await api.ClusterAsync();
        var owner = await api.NewAccountAsync();
        var user = await kazoo.UserAsync(owner);
        var sig = KazooTokenMinter.IdentitySig(user.Secret, kazoo.SystemSecret, user.Id);
        var claims = KazooTokenMinter.Claims(owner.Id, user.Id, sig, DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), "cb_user_auth");
        var forger = KazooTokenMinter.FromPem(KazooTokenMinter.Pem(2), kazoo.Kid);
        var stranger = KazooTokenMinter.FromPem(KazooTokenMinter.Pem(1), KazooTokenMinter.NewHex());
        var refused = new Dictionary<string, (string Token, string? AccountHeader)>
        {
            ["bad signature"] = (forger.Mint(claims), null),
            ["unknown kid"] = (stranger.Mint(claims), null),
            ["alg none"] = ($"{KazooTokenMinter.Encode("""{"alg":"none","typ":"JWT"}""")}.{KazooTokenMinter.Encode(claims.ToJsonString())}.", null),
            ["hs256 with the public key"] = (ForgedTokens.HmacWithPublicKey(kazoo, claims), null),
            ["wrong identity signature"] = (kazoo.Minter.UserToken(owner.Id, user.Id, KazooTokenMinter.IdentitySig(KazooTokenMinter.NewHex(), kazoo.SystemSecret, user.Id)), null),
            ["account header mismatch"] = (kazoo.UserToken(user), KazooIds.NewId()),
        };

        foreach (var (why, (token, header)) in refused)
        {
            var answer = await Holding(owner, token).PutAsync("conferences", new JsonObject { ["name"] = why },
                r => { if (header is not null) { r.Headers.Add("X-Auth-Account-ID", header); } });
            Assert.True(answer.Status == HttpStatusCode.Unauthorized, $"{why}: {answer.Status} {answer.Body}");
            Assert.Equal("invalid_credentials", answer.Message);
        }
        Assert.Empty(await kazoo.As(user).ListIdsAsync());
    }

    [Fact]
    public async Task An_expired_kazoo_token_is_401_at_once_even_before_the_route_check()
    {
        var kazoo = await api.ClusterAsync();
        var user = await kazoo.UserAsync(await api.NewAccountAsync());
        var expired = kazoo.As(user, exp: DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds());

        (await expired.GetAsync("conferences")).ExpectError(HttpStatusCode.Unauthorized, "invalid credentials");
        (await expired.GetAsync("/v2/no_such_route")).ExpectError(HttpStatusCode.Unauthorized, "invalid credentials");
    }

    [Fact]
    public async Task A_sibling_accounts_kazoo_token_is_forbidden_as_an_own_token_is()
    {
        var kazoo = await api.ClusterAsync();
        var mine = await api.NewAccountAsync();
        var sibling = kazoo.As(await kazoo.UserAsync(await api.NewAccountAsync()));

        var answer = await sibling.GetAsync($"/v2/accounts/{mine.Id}/conferences");

        answer.ExpectError(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_password_change_refuses_the_users_tokens_once_the_secret_lifetime_has_passed()
    {
        var kazoo = await api.ClusterAsync();
        var user = await kazoo.UserAsync(await api.NewAccountAsync());
        var before = kazoo.As(user);
        (await before.GetAsync("conferences")).ExpectStatus(HttpStatusCode.OK);

        // Kazoo resets pvt_signature_secret when the password changes (kzd_users reset_identity_secret_on_rehash)
        var changed = user with { Secret = KazooTokenMinter.NewHex() };
        await kazoo.PutUserAsync(changed, deleted: false);
        await Task.Delay(IKazooApiFactory.SecretLifetime + TimeSpan.FromMilliseconds(300));

        (await before.GetAsync("conferences")).ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await kazoo.As(changed).GetAsync("conferences")).ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_deleted_users_tokens_are_refused()
    {
        var kazoo = await api.ClusterAsync();
        var user = await kazoo.UserAsync(await api.NewAccountAsync());
        var token = kazoo.As(user);

        await kazoo.PutUserAsync(user, deleted: true);
        await Task.Delay(IKazooApiFactory.SecretLifetime + TimeSpan.FromMilliseconds(300));

        (await token.GetAsync("conferences")).ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Tokeninfo_describes_a_kazoo_token_and_an_own_token_in_kazoos_shape()
    {
        var kazoo = await api.ClusterAsync();
        var owner = await api.NewAccountAsync();
        var user = await kazoo.UserAsync(owner);
        var token = kazoo.UserToken(user);

        var get = (await api.SendAsync(HttpMethod.Get, $"/v2/auth/tokeninfo?token={token}")).ExpectStatus(HttpStatusCode.OK);
        var post = (await api.SendAsync(HttpMethod.Post, "/v2/auth/tokeninfo", Body.Data(new JsonObject { ["token"] = owner.Token }))).ExpectStatus(HttpStatusCode.OK);

        Assert.Equal(owner.Id, get.DataObject["account_id"]!.GetValue<string>());
        Assert.Equal(user.Id, get.DataObject["owner_id"]!.GetValue<string>());
        Assert.Equal(token, get.Json!["auth_token"]!.GetValue<string>());
        Assert.Equal(owner.Id, post.DataObject["account_id"]!.GetValue<string>());
        Assert.Null(post.DataObject["owner_id"]);
        (await api.SendAsync(HttpMethod.Get, "/v2/auth/tokeninfo")).ExpectError(HttpStatusCode.NotFound, "missing token in params");
        (await api.SendAsync(HttpMethod.Post, "/v2/auth/tokeninfo", Body.Data(new JsonObject()))).ExpectError(HttpStatusCode.NotFound, "missing token in request");
        var forged = KazooTokenMinter.FromPem(KazooTokenMinter.Pem(2), kazoo.Kid).UserToken(owner.Id, user.Id, null);
        (await api.SendAsync(HttpMethod.Get, $"/v2/auth/tokeninfo?token={forged}")).ExpectError(HttpStatusCode.Unauthorized, "invalid_jwt_signature");
        var expired = kazoo.UserToken(user, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds());
        (await api.SendAsync(HttpMethod.Get, $"/v2/auth/tokeninfo?token={expired}")).ExpectError(HttpStatusCode.Unauthorized, "token_expired");
    }

    [Fact]
    public async Task A_key_reset_under_the_same_kid_is_accepted_without_a_restart()
    {
        var kazoo = await api.ClusterAsync();
        var user = await kazoo.UserAsync(await api.NewAccountAsync());
        (await kazoo.As(user).GetAsync("conferences")).ExpectStatus(HttpStatusCode.OK);

        try
        {
            using var fresh = System.Security.Cryptography.RSA.Create(2048);
            await kazoo.RotateKeyAsync(fresh.ExportRSAPrivateKeyPem());
            (await kazoo.As(user).GetAsync("conferences")).ExpectStatus(HttpStatusCode.OK);
        }
        finally
        {
            await kazoo.RotateKeyAsync(KazooTokenMinter.Pem(1));
        }
    }

    private static TestAccount Holding(TestAccount account, string token) => new(account.Api, account.Id, token, account.ApiKey);
}
