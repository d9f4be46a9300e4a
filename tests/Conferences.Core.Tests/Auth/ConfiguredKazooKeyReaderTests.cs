using System.Security.Cryptography;
using Conferences.Core.Auth;
using Conferences.Tests.Kazoo;

namespace Conferences.Core.Tests.Auth;

public sealed class ConfiguredKazooKeyReaderTests
{
    [Fact]
    public async Task A_configured_public_or_private_pem_gives_the_public_half_only()
    {
        var kid = KazooTokenMinter.NewHex();
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(KazooTokenMinter.Pem(1));
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, KazooTokenMinter.Pem(2));
        try
        {
            var reader = new ConfiguredKazooKeyReader(Microsoft.Extensions.Options.Options.Create(new KazooAuthOptions
            {
                Keys = new()
                {
                    [kid] = new KazooConfiguredKey { Pem = rsa.ExportRSAPublicKeyPem() },
                    ["second"] = new KazooConfiguredKey { PemFile = file },
                },
            }));

            var key = (await reader.ReadAsync(kid, CancellationToken.None))!;
            var second = (await reader.ReadAsync("second", CancellationToken.None))!;

            var parameters = ((Microsoft.IdentityModel.Tokens.RsaSecurityKey)second.Key).Parameters;
            Assert.Null(parameters.D);
            Assert.Equal([0x08, 0x01], parameters.Exponent);
            Assert.Equal(kid, key.Kid);
            Assert.Null(await reader.ReadAsync("unknown", CancellationToken.None));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_configured_key_that_is_not_a_pem_is_refused_at_start()
    {
        var options = new KazooAuthOptions { Keys = new() { ["k"] = new KazooConfiguredKey { Pem = "not a key" } } };

        Assert.Throws<InvalidOperationException>(() => ConfiguredKazooKeyReader.Load(options));
    }
}
