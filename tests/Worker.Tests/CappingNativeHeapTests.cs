using TrainingService.Worker.Extensions;

namespace TrainingService.Worker.Tests;

/// <summary>The Worker caps glibc's malloc arenas itself, so a long run's freed batch blocks are reused, not spread over one arena per thread.</summary>
public sealed class CappingNativeHeapTests
{
    [Fact]
    public void Glibc_takes_the_arena_cap_on_Linux()
    {
        Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.LimitArenas(2));
    }

    [Fact]
    public void A_cap_below_one_arena_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeHeap.LimitArenas(0));
}
