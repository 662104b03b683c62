namespace TrainingService.Core.Models.Summary;

/// <summary>
/// A network's summary with torchinfo's conventions, so that every total equals what <c>torchinfo.summary</c>
/// (1.8.0) prints for the reference PyTorch module at the same batch size.
/// </summary>
/// <param name="InputBytes">
/// As torchinfo measures it, <c>sys.getsizeof</c> of the input's storage: the float32 bytes plus the Python object's header.
/// </param>
/// <param name="ForwardBackwardBytes">Twice (for the gradients) the output bytes of every leaf that has parameters.</param>
/// <param name="ParamBytes">The float32 bytes of the parameters; BatchNorm's running statistics are buffers and not counted.</param>
public sealed record ModelSummary(
    string NetworkName, InputShape Input, int BatchSize, IReadOnlyList<SummaryRow> Rows,
    long TotalParams, long TrainableParams, long TotalMultAdds,
    long InputBytes, long ForwardBackwardBytes, long ParamBytes)
{
    /// <summary>torchinfo's default <c>depth</c>: rows deeper than this are left out of its table.</summary>
    public const int DefaultDepth = 3;

    public long NonTrainableParams => TotalParams - TrainableParams;

    public long EstimatedTotalBytes => InputBytes + ForwardBackwardBytes + ParamBytes;

    public double InputMegabytes => InputBytes / 1e6;

    public double ForwardBackwardMegabytes => ForwardBackwardBytes / 1e6;

    public double ParamMegabytes => ParamBytes / 1e6;

    public double EstimatedTotalMegabytes => EstimatedTotalBytes / 1e6;

    /// <summary>
    /// The table torchinfo prints with <c>col_names=("output_size", "num_params", "mult_adds")</c> and
    /// <c>depth=maxDepth</c>, totals block included, line for line.
    /// </summary>
    public string ToText(int maxDepth = DefaultDepth) => SummaryTable.Render(this, maxDepth);
}
