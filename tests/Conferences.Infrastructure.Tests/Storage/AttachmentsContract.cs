namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>Inline attachments, as Kazoo keeps key material.</summary>
public abstract class AttachmentsContract(IStoreSource source) : DocumentStoreContract(source)
{
    [Fact]
    public async Task An_inline_attachment_is_read_back_as_bytes_and_the_document_shows_a_stub()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n";
        await store.SaveAsync(db, new JsonObject
        {
            ["_id"] = id,
            ["pvt_type"] = "system_key",
            ["_attachments"] = new JsonObject
            {
                ["private_key.pem"] = new JsonObject { ["content_type"] = "application/x-pem-file", ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(pem)) },
            },
        }, Ct);

        Assert.Equal(pem, Encoding.UTF8.GetString((await store.GetAttachmentAsync(db, id, "private_key.pem", Ct))!));
        var stub = (await store.GetAsync(db, id, Ct))!["_attachments"]!["private_key.pem"]!.AsObject();
        Assert.True(stub["stub"]!.GetValue<bool>());
        Assert.Null(stub["data"]);
        Assert.Null(await store.GetAttachmentAsync(db, id, "other.pem", Ct));
        Assert.Null(await store.GetAttachmentAsync(db, KazooIds.NewId(), "private_key.pem", Ct));
        Assert.Null(await store.GetAttachmentAsync(NewAccountDatabase(), id, "private_key.pem", Ct));
    }
}
