using TorchSharp;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Transforms;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>
/// Splits whose sample i is a single pixel of value i labelled i, so labels identify samples and
/// image content shows whether a sample stayed with its label.
/// </summary>
internal static class NumberedSamples
{
    public static LabeledImages Split(int count)
    {
        var values = Enumerable.Range(0, count).Select(i => (byte)i).ToArray();
        return LabeledImages.FromIdx(new IdxImages(count, 1, 1, values), values);
    }

    public static long[] Ids(LabeledImages split) => split.Labels.data<long>().ToArray();

    public static long[] Ids((torch.Tensor Images, torch.Tensor Labels) batch) => batch.Labels.data<long>().ToArray();

    public static BatchLoader Loader(int samples, int batchSize, bool shuffle, params IBatchTransform[] transforms)
    {
        using var split = Split(samples);
        return new BatchLoader(split, batchSize, shuffle, seed: 42, torch.CPU, new BatchTransformPipeline(transforms));
    }

    public static long[] Order(BatchLoader loader, int epoch) => loader.Epoch(epoch).SelectMany(Ids).ToArray();
}
