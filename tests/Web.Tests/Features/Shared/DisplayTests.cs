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

    [Fact]
    public void Timestamps_are_shown_in_utc()
    {
        var local = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("2026-11-23 01:00:00 UTC", Display.Timestamp(local));
    }
}
