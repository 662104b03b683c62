using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Tests.Features.Shared;

public sealed class DisplayTests
{
    [Theory]
    [InlineData(0.975, "97.50%")]
    [InlineData(null, "—")]
    public void Percent(double? fraction, string expected) => Assert.Equal(expected, Display.Percent(fraction));

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(250_000, "244.1 KiB")]
    [InlineData(44_000_000, "42.0 MiB")]
    public void Bytes(long bytes, string expected) => Assert.Equal(expected, Display.Bytes(bytes));

    [Theory]
    [InlineData(0.4, "just now")]
    [InlineData(3.9, "3 s ago")]
    [InlineData(65, "1 min ago")]
    [InlineData(7300, "2 h ago")]
    [InlineData(200_000, "2 d ago")]
    public void Ago_says_how_long_in_the_largest_whole_unit(double seconds, string expected) =>
        Assert.Equal(expected, Display.Ago(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Timestamps_are_shown_in_utc()
    {
        var local = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("2026-11-23 01:00:00 UTC", Display.Timestamp(local));
    }
}
