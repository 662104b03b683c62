using TrainingService.Core.Torch;

namespace TrainingService.Core.Tests.Torch;

public sealed class NativeAllocatorTests
{
    [Fact]
    public void An_environment_without_the_settings_lacks_all_three()
    {
        var missing = NativeAllocator.Missing(_ => null);

        Assert.Equal(["MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"], missing.Select(s => s.Key));
        Assert.Equal("1", missing[0].Value);
    }

    [Fact]
    public void A_variable_the_caller_set_keeps_its_value_and_an_empty_one_counts_as_unset()
    {
        var environment = new Dictionary<string, string> { ["MALLOC_ARENA_MAX"] = "4", ["MALLOC_TRIM_THRESHOLD_"] = "" };

        var missing = NativeAllocator.Missing(name => environment.GetValueOrDefault(name));

        Assert.Equal(["MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"], missing.Select(s => s.Key));
    }

    [Fact]
    public void Nothing_is_missing_once_every_variable_is_set()
    {
        var environment = NativeAllocator.Settings.ToDictionary(s => s.Key, s => s.Value);

        Assert.Empty(NativeAllocator.Missing(name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void The_new_environment_keeps_every_other_variable_and_puts_each_setting_in_place_of_an_empty_one()
    {
        var current = new Dictionary<string, string> { ["PATH"] = "/usr/bin", ["MALLOC_TRIM_THRESHOLD_"] = "", ["MALLOC_ARENA_MAX"] = "4" };
        var missing = NativeAllocator.Missing(name => current.GetValueOrDefault(name));

        var environment = NativeAllocator.WithSettings(current, missing);

        Assert.Equal(["PATH=/usr/bin", "MALLOC_ARENA_MAX=4", "MALLOC_MMAP_THRESHOLD_=4294967296", "MALLOC_TRIM_THRESHOLD_=17179869184"], environment);
    }
}
