using TorchSharp;
using TorchSharp.Modules;
using TrainingService.Core.Training.Recipe;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Recipe;

public sealed class RecipeOptimizerFactoryTests
{
    /// <summary>A single weight of 1 whose loss 3 * w has gradient 3.</summary>
    private static Parameter WeightWithGradientThree()
    {
        var weight = nn.Parameter(tensor(new[] { 1f }));
        using var loss = (weight * 3).sum();
        loss.backward();
        return weight;
    }

    [Theory]
    [InlineData("sgd", typeof(SGD))]
    [InlineData("adam", typeof(Adam))]
    [InlineData("AdamW", typeof(AdamW))]
    [InlineData("rmsprop", typeof(RMSProp))]
    public void Each_name_creates_its_torchsharp_optimizer(string name, Type expected)
    {
        using var weight = nn.Parameter(ones(2));
        using var optimizer = RecipeOptimizerFactory.Create(new OptimizerSpec(name, 0.01), [weight]);

        Assert.IsType(expected, optimizer);
        Assert.Equal([0.01], OptimizerLearningRate.Read(optimizer));
    }

    [Fact]
    public void A_rate_set_between_steps_is_the_one_the_next_sgd_step_uses()
    {
        using var weight = WeightWithGradientThree();
        using var optimizer = RecipeOptimizerFactory.Create(new OptimizerSpec("sgd", 0.1), [weight]);

        OptimizerLearningRate.Set(optimizer, 0.5);
        optimizer.step();

        Assert.Equal([0.5], OptimizerLearningRate.Read(optimizer));
        // w = 1 - 0.5 * 3
        Assert.Equal(-0.5f, weight.item<float>(), 6);
    }

    [Fact]
    public void A_rate_set_between_steps_is_the_one_the_next_adam_step_uses()
    {
        using var weight = WeightWithGradientThree();
        using var optimizer = RecipeOptimizerFactory.Create(new OptimizerSpec("adam", 0.001), [weight]);

        OptimizerLearningRate.Set(optimizer, 0.25);
        optimizer.step();

        // Adam's first step is lr * m_hat / (sqrt(v_hat) + eps) = lr * g / (|g| + eps), almost exactly lr.
        Assert.Equal(0.75f, weight.item<float>(), 5);
    }

    [Fact]
    public void A_refused_spec_throws_naming_the_field_and_the_reason()
    {
        using var weight = nn.Parameter(ones(2));

        var error = Assert.Throws<ArgumentException>(() =>
            RecipeOptimizerFactory.Create(new OptimizerSpec("sgd", 0.1) { Nesterov = true }, [weight]));

        Assert.StartsWith("optimizer.nesterov requires a momentum greater than 0", error.Message);
    }
}
