using TrainingService.Core.Training.Recipe;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Recipe;

public sealed class LossFunctionTests
{
    // Logits (0, ln 2, ln 3) give softmax probabilities (1/6, 2/6, 3/6); the true class is 2.
    private static Tensor Logits() => tensor(new[] { 0f, MathF.Log(2), MathF.Log(3) }).reshape(1, 3);

    [Fact]
    public void Without_smoothing_the_loss_is_the_negative_log_probability_of_the_true_class()
    {
        using var loss = LossFunction.CrossEntropy(Logits(), tensor(new long[] { 2 }));

        // -ln(1/2)
        Assert.Equal(Math.Log(2), loss.item<float>(), 5);
    }

    [Fact]
    public void Label_smoothing_spreads_epsilon_over_all_classes_and_keeps_one_minus_epsilon_on_the_true_one()
    {
        using var loss = LossFunction.CrossEntropy(Logits(), tensor(new long[] { 2 }), labelSmoothing: 0.3);

        // Target (0.3/3, 0.3/3, 0.7 + 0.3/3) = (0.1, 0.1, 0.8);
        // loss = -(0.1 ln(1/6) + 0.1 ln(2/6) + 0.8 ln(3/6)) = 0.1 ln 6 + 0.1 ln 3 + 0.8 ln 2 = 0.84355...
        // (torch 2.11's cross_entropy(..., label_smoothing=0.3) gives 0.8435550.)
        var expected = 0.1 * Math.Log(6) + 0.1 * Math.Log(3) + 0.8 * Math.Log(2);
        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void Smoothing_outside_zero_to_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LossFunction.CrossEntropy(Logits(), tensor(new long[] { 2 }), 1.5));
    }
}
