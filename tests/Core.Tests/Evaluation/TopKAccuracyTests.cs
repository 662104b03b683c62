using TrainingService.Core.Training.Evaluation;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Evaluation;

public sealed class TopKAccuracyTests
{
    // Three samples of six classes.
    // Row 0, label 5: the two highest are class 1 (0.9) and class 5 (0.5): a top-2 hit.
    // Row 1, label 3: the two highest are classes 0 and 2, a top-2 miss; only class 4 (0.0) is outside the top 5.
    // Row 2, label 5: class 5 (0.0) is the lowest, a miss even in the top 5.
    private static Tensor Logits() => tensor(new[]
    {
        0.1f, 0.9f, 0.3f, 0.0f, 0.2f, 0.5f,
        0.8f, 0.1f, 0.7f, 0.2f, 0.0f, 0.3f,
        0.2f, 0.3f, 0.1f, 0.9f, 0.4f, 0.0f,
    }).reshape(3, 6);

    private static Tensor Labels() => tensor(new long[] { 5, 3, 5 });

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 1.0 / 3)]
    [InlineData(5, 2.0 / 3)]
    public void A_sample_counts_when_its_label_is_among_the_k_highest_logits(int k, double expected)
    {
        using var accuracy = new TopKAccuracy(k, CPU);

        accuracy.Add(Logits(), Labels());

        Assert.Equal(expected, accuracy.Read(), 12);
        Assert.Equal(3, accuracy.Count);
    }

    [Fact]
    public void Batches_accumulate()
    {
        using var accuracy = new TopKAccuracy(5, CPU);

        accuracy.Add(Logits(), Labels());
        accuracy.Add(Logits()[..1], Labels()[..1]);

        // (2 + 1) hits of 4 samples
        Assert.Equal(0.75, accuracy.Read(), 12);
    }

    [Fact]
    public void Top_5_is_reported_only_for_more_than_5_classes_and_is_nan_before_any_sample()
    {
        Assert.False(TopKAccuracy.AppliesTo(5));
        Assert.True(TopKAccuracy.AppliesTo(6));
        using var accuracy = new TopKAccuracy(5, CPU);
        Assert.True(double.IsNaN(accuracy.Read()));
    }
}
