using TorchSharp;
using TrainingService.Core.Datasets;
using static TrainingService.Core.Tests.Datasets.NumberedSamples;

namespace TrainingService.Core.Tests.Datasets;

public class ValidationSplitTests
{
    [Fact]
    public void A_quarter_of_ten_samples_rounds_up_to_three_for_validation_and_leaves_seven_for_training_with_none_shared()
    {
        using var scope = torch.NewDisposeScope();
        using var all = Split(10);

        var (train, validation) = ValidationSplit.Split(all, 0.25, seed: 7);
        using var _ = train;
        using var __ = validation;

        Assert.Equal((7L, 3L), (train.Count, validation!.Count));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), Ids(train).Concat(Ids(validation)).Order());
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_a_different_one()
    {
        using var scope = torch.NewDisposeScope();
        using var all = Split(50);

        long[] ValidationIds(long seed)
        {
            var (train, validation) = ValidationSplit.Split(all, 0.2, seed);
            using (train)
            using (validation)
            {
                return Ids(validation!);
            }
        }

        Assert.Equal(ValidationIds(1), ValidationIds(1));
        Assert.NotEqual(ValidationIds(1), ValidationIds(2));
    }

    [Fact]
    public void A_zero_fraction_gives_no_validation_set_and_keeps_every_sample_for_training()
    {
        using var scope = torch.NewDisposeScope();
        using var all = Split(4);

        var (train, validation) = ValidationSplit.Split(all, 0, seed: 1);
        using var _ = train;

        Assert.Null(validation);
        Assert.Equal(4, train.Count);
    }
}
