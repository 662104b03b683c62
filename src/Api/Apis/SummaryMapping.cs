using System.Globalization;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Summary;

namespace TrainingService.Api.Apis;

/// <summary>Summaries to resources, and the "CxHxW" notation of input shapes.</summary>
internal static class SummaryMapping
{
    public static ModelSummaryResource ToResource(this ModelSummary summary, string model, int batch, InputShape input) => new(
        model, batch, input.ToString(),
        summary.Rows.Select(r => new SummaryRowResource(r.KeyPath, r.TypeName, r.Depth, r.DepthIndexLabel, r.OutputShape, r.Parameters, r.MultAdds)).ToList(),
        summary.TotalParams, summary.TrainableParams, summary.TotalMultAdds, AsPrinted(summary.InputMegabytes),
        AsPrinted(summary.ForwardBackwardMegabytes), AsPrinted(summary.ParamMegabytes), AsPrinted(summary.EstimatedTotalMegabytes), summary.ToText());

    /// <summary>Megabytes to the two decimals torchinfo prints.</summary>
    private static double AsPrinted(double megabytes) => Math.Round(megabytes, 2, MidpointRounding.ToEven);

    public static bool TryParseShape(string? text, out InputShape shape)
    {
        shape = new InputShape(0, 0, 0);
        var parts = text?.Split('x', StringSplitOptions.TrimEntries) ?? [];
        if (parts.Length != 3) return false;
        var sizes = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
        if (sizes.Any(s => s is < 1 or > 4096)) return false;
        shape = new InputShape(sizes[0], sizes[1], sizes[2]);
        return true;
    }
}
