using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Transforms;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;

namespace TrainingService.Core.Training;

/// <summary>
/// The batch transforms that bring a dataset's images to a network: scale to [0, 1], the job's
/// explicit adaptation (grey to 3 channels, bilinear resize), else the classic zero-padding of
/// 28x28 digits to LeNet's 32x32, then per-channel normalisation with the dataset's statistics.
/// </summary>
public static class InputPipeline
{
    /// <summary>Padding is implicit only for this small, even margin; anything else must be asked for.</summary>
    public const int MaxImplicitPadding = 4;

    public static BatchTransformPipeline For(DatasetInfo dataset, InputTransformsSpec? transforms, InputShape networkInput)
    {
        var steps = new List<IBatchTransform> { new ScaleToUnit() };
        var (mean, std) = (dataset.Mean, dataset.Std);
        if (transforms?.Channels is { } channels && channels != dataset.Channels)
        {
            steps.Add(new ReplicateChannels(channels));
            (mean, std) = (Repeat(mean, channels), Repeat(std, channels));
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
        steps.Add(new Normalize(mean, std));
        return new BatchTransformPipeline(steps);
    }

    /// <summary>The image shape that reaches the network.</summary>
    public static InputShape OutputShape(this BatchTransformPipeline pipeline, DatasetInfo dataset)
    {
        var (c, h, w) = pipeline.OutputShape((dataset.Channels, dataset.Height, dataset.Width));
        return new InputShape(c, h, w);
    }

    private static bool PadsImplicitly(int from, int to) => to >= from && to - from <= MaxImplicitPadding && (to - from) % 2 == 0;

    private static float[] Repeat(float[] values, int channels) =>
        values.Length == 1 ? Enumerable.Repeat(values[0], channels).ToArray() : values;
}
