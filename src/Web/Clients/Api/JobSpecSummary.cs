using System.Text.Json;

namespace TrainingService.Web.Clients.Api;

/// <summary>The parts of a job spec the dashboard shows in tables and headers.</summary>
public sealed record JobSpecSummary(ModelSpecDto? Model, DatasetSpecDto? Dataset, HyperparametersDto? Hyperparameters)
{
    public static readonly JobSpecSummary Empty = new(null, null, null);

    public static JobSpecSummary From(JsonElement spec)
    {
        if (spec.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        try
        {
            return spec.Deserialize<JobSpecSummary>(ApiJson.Options) ?? Empty;
        }
        catch (JsonException)
        {
            // A spec whose shape changed must not take the page down; the raw JSON is still shown.
            return Empty;
        }
    }
}
