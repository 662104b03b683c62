using System.Globalization;

namespace TrainingService.Core.Models.Summary;

/// <summary>Where a shape is being computed, so that a failure can say which layer and which input.</summary>
internal sealed record LayerContext(string Path, string TypeName, InputShape NetworkInput, IReadOnlyList<int> Input)
{
    private string Where => Path.Length == 0 ? $"the network's root ({TypeName})" : $"{Path} ({TypeName})";

    /// <summary>The layer cannot take its input at all (channels, features, rank, configuration).</summary>
    public ShapeMismatchException Mismatch(string reason) =>
        new(Path, TypeName, Input.Skip(1).ToList(), reason, $"{Where} {reason}");

    /// <summary>The layer's output would have an empty dimension: the input is too small for the network.</summary>
    public ShapeMismatchException Empty(IReadOnlyList<int> output) =>
        new(Path, TypeName, Input.Skip(1).ToList(), $"its output {ShapeText.PerImage(output)} is empty",
            $"input {NetworkInput} becomes {ShapeText.PerImage(output)} at {Where}");

    public void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw Mismatch(reason);
        }
    }

    /// <summary>A computed size as a tensor dimension; one beyond PyTorch's 32-bit shapes here is refused, never wrapped.</summary>
    public int Dimension(long size)
    {
        Require(size <= int.MaxValue, string.Create(CultureInfo.InvariantCulture,
            $"would produce a dimension of {size:N0}, more than a tensor dimension can hold here ({int.MaxValue:N0})"));
        return (int)size;
    }

    public int[] NonEmpty(int[] output) => output.All(d => d > 0) ? output : throw Empty(output);

    /// <summary>The input as a batch of images; 2-d layers here never take PyTorch's unbatched 3-d form.</summary>
    public (int N, int C, int H, int W) Images()
    {
        Require(Input.Count == 4, $"expects images (channels x height x width) but receives a {ShapeText.PerImage(Input)} tensor");
        return (Input[0], Input[1], Input[2], Input[3]);
    }
}
