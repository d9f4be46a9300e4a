namespace Conferences.Core.Tests.Crossbar;

/// <summary>Crossbar's opaque start keys: base64url of Erlang's external term encoding (<c>crossbar_view</c>).</summary>
public sealed class StartKeyCodecTests
{
    [Fact]
    public void Encodes_a_binary_key_as_erlang_external_term_in_base64url()
    {
        // 0x83 0x6D 00 00 00 03 'a' 'b' 'c'
        Assert.Equal("g20AAAADYWJj", StartKeyCodec.Encode("abc"));
    }

    [Theory]
    [InlineData("4f2d1c0a4f2d1c0a4f2d1c0a4f2d1c0a")]
    [InlineData("")]
    [InlineData("my room ü/é")]
    [InlineData("???>>>")]
    public void Decode_reverses_encode(string key) => Assert.Equal(key, StartKeyCodec.Decode(StartKeyCodec.Encode(key)));

    [Fact]
    public void Encoding_uses_the_url_safe_alphabet_without_padding()
    {
        var encoded = StartKeyCodec.Encode("???>>>");
        Assert.DoesNotContain('+', encoded);
        Assert.DoesNotContain('/', encoded);
        Assert.DoesNotContain('=', encoded);
    }

    [Theory]
    [InlineData("plain-doc-id")]
    [InlineData("4f2d1c0a4f2d1c0a4f2d1c0a4f2d1c0a")]
    [InlineData("g20AAAAKYWJj")]
    [InlineData("!!!")]
    public void A_key_that_does_not_decode_is_used_verbatim(string raw) => Assert.Equal(raw, StartKeyCodec.Decode(raw));
}
