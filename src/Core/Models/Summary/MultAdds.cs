using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>torchinfo's mult-adds of one leaf call (<c>LayerInfo.calculate_macs</c>), batch included.</summary>
internal static class MultAdds
{
    public static long Of(ModuleSpec module, IReadOnlyList<int> output, long parameters) => module switch
    {
        _ when parameters == 0 => 0,

        // Every weight and bias is used once per output position; the channel dimension is left out.
        Conv2dSpec => checked(parameters * output[0] * output.Skip(2).Aggregate(1L, (product, size) => checked(product * size))),

        // Linear and BatchNorm count their parameters once per sample (torchinfo 1.8.0 takes only the batch size).
        _ => checked(parameters * output[0]),
    };
}
