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

    // reconcilable numbers, and anything under five bytes (an extension), are dialable
    [Theory]
    [InlineData("4155551234", true)]
    [InlineData("+14155551234", true)]
    [InlineData("011442071234567", true)]
    [InlineData("0114412", true)]
    [InlineData("0044", true)]
    [InlineData("00123", true)]
    [InlineData("23456789", true)]
    [InlineData("+4420712345", true)]
    [InlineData("1", false)]
    [InlineData("100", false)]
    [InlineData("1000", false)]
    [InlineData("*97", false)]
    [InlineData("abcd", false)]
    [InlineData("éa", false)]
    public void Reconcilable_numbers_and_extensions_are_dialable(string number, bool reconcilable)
    {
        Assert.Equal(reconcilable, DialNumbers.IsReconcilable(number));
        Assert.True(DialNumbers.IsDialable(number));
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
