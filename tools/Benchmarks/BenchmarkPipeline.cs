using TrainingService.Core.Datasets.Transforms;
using TrainingService.Core.Jobs;

namespace TrainingService.Benchmarks;

/// <summary>The batch transforms both paths run: the job's own input pipeline, plus the usual CIFAR augmentation when asked.</summary>
internal static class BenchmarkPipeline
{
    public const int CropPadding = 4;
    public const double FlipProbability = 0.5;

    /// <summary>
    /// A new pipeline per call: the random transforms keep generator state, so each path gets its own
    /// instance with the same seeds; sharing one would make either path's draws depend on the other's.
    /// </summary>
    public static BatchTransformPipeline Create(NetworkPlan plan, bool augment, long seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var steps = plan.Pipeline.Steps.ToList();
        if (augment)
        {
            // torchvision's CIFAR recipe crops and flips before Normalize, so the crop's zero padding is black, not the mean.
            var normalize = steps.FindLastIndex(step => step is Normalize);
            var at = normalize < 0 ? steps.Count : normalize;
            steps.InsertRange(at,
            [
                new RandomCrop(plan.Input.Height, plan.Input.Width, CropPadding, seed),
                // A different seed: generators seeded alike would tie each image's flip to its crop offset.
                new RandomHorizontalFlip(FlipProbability, seed + 1),
            ]);
        }
        return new BatchTransformPipeline(steps);
    }

    public static string Describe(BatchTransformPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return string.Join(" > ", pipeline.Steps.Select(step => step switch
        {
            PadTo pad => $"PadTo({pad.Height}x{pad.Width})",
            RandomCrop crop => $"RandomCrop({crop.Height}x{crop.Width}, padding {crop.Padding})",
            RandomHorizontalFlip flip => $"RandomHorizontalFlip({flip.Probability})",
            _ => step.GetType().Name,
        }));
    }
}
