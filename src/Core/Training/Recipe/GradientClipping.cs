using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// <c>torch.nn.utils.clip_grad_norm_</c> (2-norm) as tensor operations: the gradients of all parameters
/// are scaled together by <c>min(1, maxNorm / (total + 1e-6))</c>. TorchSharp's own
/// <c>clip_grad_norm_</c> gives the same result but returns the norm as a double, which makes every
/// batch wait for the device; this keeps the norm on the device, like the loop's other running figures.
/// </summary>
public static class GradientClipping
{
    /// <summary>Clips in place; returns the total norm before clipping, a 0-dim tensor on the gradients' device.</summary>
    public static Tensor ClipByNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        if (!(maxNorm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The maximum norm must be greater than 0.");
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var gradients = parameters.Select(p => p.grad).OfType<Tensor>().ToArray();
        if (gradients.Length == 0)
        {
            return tensor(0.0f).MoveToOuterDisposeScope();
        }
        // TorchSharp 0.107 passes a Scalar it made from a double (vector_norm's ord, an implicit conversion) to
        // libtorch by handle without keeping it alive, so a GC in between frees it ("Unknown scalar type").
        // The norm is therefore taken without a scalar argument, and the scalars are held until the end.
        using var max = maxNorm.ToScalar();
        using var epsilon = 1e-6.ToScalar();
        using var one = 1.0.ToScalar();
        var total = stack(gradients.Select(g => g.square().sum()).ToArray()).sum().sqrt();
        var coefficient = full_like(total, max).div_(total.add(epsilon)).clamp_max_(one);
        foreach (var gradient in gradients)
        {
            gradient.mul_(coefficient);
        }
        return total.MoveToOuterDisposeScope();
    }
}
