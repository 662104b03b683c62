using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Transforms;
using TrainingService.Core.Models;

namespace TrainingService.Core.Training;

/// <summary>
/// The batch transforms that bring a dataset's images to what a network takes: scale to [0, 1],
/// zero-pad smaller images centrally (28x28 MNIST digits to LeNet-5's 32x32), then normalise
/// with the dataset's per-channel statistics.
/// </summary>
public static class InputPipeline
{
    public static IBatchTransform For(DatasetInfo dataset, InputShape input)
    {
        if (dataset.Height == input.Height && dataset.Width == input.Width)
        {
            return BatchTransformPipeline.Standard(dataset);
        }
        if (!CanPad(dataset.Height, input.Height) || !CanPad(dataset.Width, input.Width))
        {
            throw new InvalidOperationException(
                $"Images of {dataset.Name} are {dataset.Height}x{dataset.Width} but the network takes {input.Height}x{input.Width}.");
        }
        return BatchTransformPipeline.Standard(dataset, (input.Height, input.Width));
    }

    private static bool CanPad(int from, int to) => to >= from && (to - from) % 2 == 0;
}
