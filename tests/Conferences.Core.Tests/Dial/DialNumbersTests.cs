namespace Conferences.Core.Tests.Dial;

/// <summary>Which strings dial treats as numbers: Kazoo's default E.164 converters and reconcile regex (<c>knm_converters:normalize/1</c>).</summary>
public sealed class DialNumbersTests
{
    [Theory]
    [InlineData("4155551234", "+14155551234")]
    [InlineData("14155551234", "+14155551234")]
    [InlineData("+14155551234", "+14155551234")]
    [InlineData("011442071234567", "+442071234567")]
    [InlineData("00442071234567", "+442071234567")]
    [InlineData("442071234567", "+442071234567")]
    [InlineData("23456789", "+23456789")]
    [InlineData("+442071234567", "+442071234567")]
    [InlineData("0114412", "0114412")]
    [InlineData("1234567", "1234567")]
    [InlineData("1155551234", "1155551234")]
    [InlineData("alice", "alice")]
    public void E164_conversion_follows_the_default_converters(string number, string expected) =>
        Assert.Equal(expected, DialNumbers.ToE164(number));

    [Theory]
    [InlineData("4155551234")]
    [InlineData("+14155551234")]
    [InlineData("011442071234567")]
    [InlineData("0114412")]
    [InlineData("0044")]
    [InlineData("00123")]
    [InlineData("23456789")]
    [InlineData("+4420712345")]
    public void Reconcilable_numbers_are_dialable(string number)
    {
        Assert.True(DialNumbers.IsReconcilable(number));
        Assert.True(DialNumbers.IsDialable(number));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("100")]
    [InlineData("1000")]
    [InlineData("*97")]
    [InlineData("abcd")]
    [InlineData("éa")]
    public void Anything_under_five_bytes_is_an_extension(string extension)
    {
        Assert.False(DialNumbers.IsReconcilable(extension));
        Assert.True(DialNumbers.IsDialable(extension));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("+1234567")]
    [InlineData("+123456789")]
    [InlineData("alice")]
    [InlineData("ééa")]
    [InlineData("éééé")]
    [InlineData("sips:alice@example.com")]
    [InlineData("415-555-1234")]
    [InlineData("")]
    public void Other_strings_of_five_bytes_or_more_are_not_dialable(string value) =>
        Assert.False(DialNumbers.IsDialable(value));
}
