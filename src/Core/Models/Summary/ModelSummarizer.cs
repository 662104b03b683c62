using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>Summarises a described network the way torchinfo summarises the reference PyTorch module, without running it.</summary>
public static class ModelSummarizer
{
    // torchinfo sizes the input with sys.getsizeof(tensor.untyped_storage()), which adds the storage object's
    // header to the data (56 bytes with torch 2.x on 64-bit CPython).
    private const long StorageObjectHeaderBytes = 56;

    /// <exception cref="ShapeMismatchException">A layer cannot take its input or produces an empty output.</exception>
    /// <exception cref="OverflowException">A count or size of the network does not fit in 64 bits.</exception>
    /// <exception cref="NotSupportedException">The description uses a module type the summary does not know.</exception>
    public static ModelSummary Summarize(NetworkSpec network, int batchSize, InputShape? input = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var image = input ?? network.Input;
        if (image.Channels < 1 || image.Height < 1 || image.Width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(input), image, "Every input dimension must be at least 1.");
        }

        var walker = new SummaryWalker(image);
        walker.Visit("", network.Root, 0, [batchSize, image.Channels, image.Height, image.Width]);
        var rows = walker.Rows;

        // A reused module's later calls add mult-adds and activations, but their parameters were counted already.
        var leaves = rows.Where(row => row.IsLeaf).ToList();
        var parameters = leaves.Where(row => !row.IsRecursive).Sum(row => row.Parameters);
        return new ModelSummary(
            network.Name, image, batchSize, rows,
            TotalParams: parameters,
            TrainableParams: parameters,
            TotalMultAdds: leaves.Sum(row => row.MultAdds),
            InputBytes: checked(4L * batchSize * image.Channels * image.Height * image.Width + StorageObjectHeaderBytes),
            ForwardBackwardBytes: leaves.Where(row => row.Parameters > 0).Sum(row => checked(2 * row.OutputBytes)),
            ParamBytes: checked(4 * parameters));
    }
}
