using TorchSharp;
using TorchSharp.Modules;
using TrainingService.Core.Training.Recipe;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Recipe;

public sealed class GradientClippingTests
{
    /// <summary>Parameters whose gradients are the given values (the loss is their dot product with the values).</summary>
    private static Parameter[] WithGradients(params float[][] gradients)
    {
        var parameters = gradients.Select(g => nn.Parameter(zeros(g.Length))).ToArray();
        using var loss = parameters.Zip(gradients, (p, g) => (p * tensor(g)).sum()).Aggregate((a, b) => a + b);
        loss.backward();
        return parameters;
    }

    [Fact]
    public void Gradients_with_a_joint_norm_above_the_maximum_are_scaled_down_to_it_together()
    {
        // Joint norm of (3, 0) and (0, 4) is 5; the scale is 1 / (5 + 1e-6).
        var parameters = WithGradients([3, 0], [0, 4]);

        using var norm = GradientClipping.ClipByNorm(parameters, maxNorm: 1);

        Assert.Equal(5f, norm.item<float>(), 5);
        Assert.Equal([0.6f, 0f], parameters[0].grad!.data<float>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal([0f, 0.8f], parameters[1].grad!.data<float>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void Gradients_within_the_maximum_are_left_as_they_are()
    {
        var parameters = WithGradients([3, 4]);

        using var norm = GradientClipping.ClipByNorm(parameters, maxNorm: 10);

        Assert.Equal(5f, norm.item<float>(), 5);
        Assert.Equal([3f, 4f], parameters[0].grad!.data<float>().ToArray());
    }

    [Fact]
    public void Clipping_gives_the_same_gradients_and_norm_as_torchsharps_clip_grad_norm()
    {
        manual_seed(7);
        var values = new[] { randn(5), randn(3, 2), randn(4) }.Select(t => t.mul(3).data<float>().ToArray()).ToArray();
        var ours = WithGradients(values);
        var theirs = WithGradients(values);

        using var norm = GradientClipping.ClipByNorm(ours, maxNorm: 0.5);
        var reference = nn.utils.clip_grad_norm_(theirs, 0.5);

        Assert.Equal(reference, norm.item<float>(), 4);
        foreach (var (a, b) in ours.Zip(theirs))
        {
            Assert.True(a.grad!.allclose(b.grad!, rtol: 1e-5, atol: 1e-7));
        }
    }
}
