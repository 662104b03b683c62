using TrainingService.Contracts.Models;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Summary;

namespace TrainingService.Api.Apis.Models;

/// <summary>Summaries to resources.</summary>
internal static class SummaryMapping
{
    public static ModelSummaryResource ToResource(this ModelSummary summary, string model, int batch, InputShape input) => new(
        model, batch, input.ToString(),
        summary.Rows.Select(r => new SummaryRowResource(r.KeyPath, r.TypeName, r.Depth, r.DepthIndexLabel, r.OutputShape, r.Parameters, r.MultAdds)).ToList(),
        summary.TotalParams, summary.TrainableParams, summary.TotalMultAdds, AsPrinted(summary.InputMegabytes),
        AsPrinted(summary.ForwardBackwardMegabytes), AsPrinted(summary.ParamMegabytes), AsPrinted(summary.EstimatedTotalMegabytes), summary.ToText());

    /// <summary>Megabytes to the two decimals torchinfo prints.</summary>
    private static double AsPrinted(double megabytes) => Math.Round(megabytes, 2, MidpointRounding.ToEven);
}
