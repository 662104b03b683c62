using TorchSharp;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Normalization;

namespace TrainingService.Core.Tests.Datasets;

public class NormalizationStatisticsTests
{
    [Fact]
    public void Mean_and_population_std_per_channel_are_taken_over_all_pixels_scaled_to_unit_range()
    {
        // Channel 0 holds 0, 255, 0, 255 (mean 0.5, std 0.5); channel 1 holds 51 everywhere (mean 0.2, std 0).
        using var split = new LabeledImages(
            torch.tensor(new byte[] { 0, 255, 51, 51, 0, 255, 51, 51 }).view(2, 2, 1, 2), torch.zeros(2, torch.ScalarType.Int64));

        var statistics = NormalizationStatistics.Compute(split);

        Assert.Equal([0.5f, 0.2f], statistics.Mean);
        Assert.Equal([0.5f, 0f], statistics.Std);
    }

    [Fact]
    public void A_split_larger_than_one_step_gives_the_same_result_as_computed_by_hand()
    {
        // 1,500 single-pixel images: 500 at 0 and 1,000 at 255, so mean 2/3 and std sqrt(2/9).
        var values = Enumerable.Repeat((byte)0, 500).Concat(Enumerable.Repeat((byte)255, 1000)).ToArray();
        using var split = new LabeledImages(torch.tensor(values).view(1500, 1, 1, 1), torch.zeros(1500, torch.ScalarType.Int64));

        var statistics = NormalizationStatistics.Compute(split);

        Assert.Equal(2f / 3, statistics.Mean.Single(), 6);
        Assert.Equal((float)Math.Sqrt(2.0 / 9), statistics.Std.Single(), 6);
    }
}
