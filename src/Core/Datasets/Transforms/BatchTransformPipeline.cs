using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Transforms;

/// <summary>Applies transforms in order, freeing each intermediate batch as soon as the next exists.</summary>
public sealed class BatchTransformPipeline : IBatchTransform
{
    private readonly IBatchTransform[] steps;

    public BatchTransformPipeline(params IEnumerable<IBatchTransform> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        this.steps = steps.ToArray();
    }

    public IReadOnlyList<IBatchTransform> Steps => steps;

    /// <summary>The generators of the random steps, in order: what a training checkpoint saves of the pipeline.</summary>
    public IReadOnlyList<torch.Generator> Generators => steps.OfType<IRandomBatchTransform>().Select(step => step.Generator).ToList();

    /// <summary>The usual classification input: [0, 1] scaling, optional centred padding, dataset normalization.</summary>
    public static BatchTransformPipeline Standard(DatasetInfo info, (int Height, int Width)? padTo = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        return padTo is { } size
            ? new(new ScaleToUnit(), new PadTo(size.Height, size.Width), new Normalize(info.Mean, info.Std))
            : new(new ScaleToUnit(), new Normalize(info.Mean, info.Std));
    }

    public Tensor Apply(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = torch.NewDisposeScope();
        var current = batch;
        foreach (var step in steps)
        {
            current = step.Apply(current);
        }

        // An empty pipeline must still hand back a tensor the caller may dispose independently.
        var result = ReferenceEquals(current, batch) ? batch.alias() : current;
        return result.MoveToOuterDisposeScope();
    }

    public (int C, int H, int W) OutputShape((int C, int H, int W) input) =>
        steps.Aggregate(input, (shape, step) => step.OutputShape(shape));
}
