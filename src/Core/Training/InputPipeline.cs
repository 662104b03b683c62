using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Normalization;
using TrainingService.Core.Datasets.Transforms;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;

namespace TrainingService.Core.Training;

/// <summary>
/// The batch transforms that bring a dataset's images to a network: scale to [0, 1]; the job's
/// adaptation (grey to 3 channels, bilinear resize), else the classic zero-padding of 28x28 digits
/// to LeNet's 32x32; the split's listed steps (augmentation for training only); then per-channel
/// normalisation.
/// </summary>
public static class InputPipeline
{
    /// <summary>Padding is implicit only for this small, even margin; anything else must be asked for.</summary>
    public const int MaxImplicitPadding = 4;

    public static BatchTransformPipeline For(DatasetInfo dataset, InputTransformsSpec? transforms, InputShape networkInput,
        bool training = false, long seed = 0, NormalizationStatistics? computed = null)
    {
        var steps = new List<IBatchTransform> { new ScaleToUnit() };
        if (transforms?.Channels is { } channels && channels != dataset.Channels)
        {
            steps.Add(new ReplicateChannels(channels));
        }
        if (transforms?.Resize is [var height, var width])
        {
            steps.Add(new Resize(height, width));
        }
        else if (PadsImplicitly(dataset.Height, networkInput.Height) && PadsImplicitly(dataset.Width, networkInput.Width)
                 && (dataset.Height, dataset.Width) != (networkInput.Height, networkInput.Width))
        {
            steps.Add(new PadTo(networkInput.Height, networkInput.Width));
        }
        var listed = (training ? transforms?.Train : transforms?.Eval) ?? [];
        steps.AddRange(listed.Select((step, index) => Listed(step, seed + 7919 * (index + 1))));
        if (Normalization(dataset, transforms, computed) is { } normalize)
        {
            steps.Add(normalize);
        }
        return new BatchTransformPipeline(steps);
    }

    /// <summary>The image shape that reaches the network.</summary>
    public static InputShape OutputShape(this BatchTransformPipeline pipeline, DatasetInfo dataset)
    {
        var (c, h, w) = pipeline.OutputShape((dataset.Channels, dataset.Height, dataset.Width));
        return new InputShape(c, h, w);
    }

    private static IBatchTransform Listed(TransformStepSpec step, long seed) => step.Type switch
    {
        TransformStepSpec.Pad => new ZeroPad(step.Padding!.Value, step.Padding.Value, step.Padding.Value, step.Padding.Value),
        TransformStepSpec.RandomCrop => new RandomCrop(step.Size!.Value, step.Padding ?? 0, seed),
        TransformStepSpec.RandomHorizontalFlip => new RandomHorizontalFlip(step.P ?? 0.5, seed),
        _ => throw new ArgumentException($"Unknown transform '{step.Type}'.", nameof(step)),
    };

    private static Normalize? Normalization(DatasetInfo dataset, InputTransformsSpec? transforms, NormalizationStatistics? computed)
    {
        var channels = transforms?.Channels ?? dataset.Channels;
        return (transforms?.Normalize ?? NormalizationKinds.Dataset) switch
        {
            NormalizationKinds.None => null,
            NormalizationKinds.Custom => new Normalize([.. transforms!.Mean!], [.. transforms.Std!]),
            NormalizationKinds.Auto when computed is not null => new Normalize(Repeat(computed.Mean, channels), Repeat(computed.Std, channels)),
            _ => new Normalize(Repeat(dataset.Mean, channels), Repeat(dataset.Std, channels)),
        };
    }

    private static bool PadsImplicitly(int from, int to) => to >= from && to - from <= MaxImplicitPadding && (to - from) % 2 == 0;

    private static float[] Repeat(float[] values, int channels) =>
        values.Length == 1 && channels > 1 ? Enumerable.Repeat(values[0], channels).ToArray() : values;
}
