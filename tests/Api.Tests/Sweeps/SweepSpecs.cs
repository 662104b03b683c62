using System.Text.Json.Nodes;

namespace TrainingService.Api.Tests.Sweeps;

/// <summary>A small learning-rate sweep over the example job, as JSON that a test can break in one place.</summary>
internal static class SweepSpecs
{
    public static JsonObject Valid(int values = 4, int? maxConcurrent = null)
    {
        var sweep = new JsonObject
        {
            ["name"] = "lr sweep",
            ["base"] = JobSpecs.Valid(),
            ["parameters"] = new JsonObject
            {
                ["hyperparameters.learningRate"] = new JsonObject { ["values"] = new JsonArray(new[] { 0.1, 0.05, 0.01, 0.005 }.Take(values).Select(v => (JsonNode)v).ToArray()) },
            },
        };
        if (maxConcurrent is { } concurrent) sweep["maxConcurrent"] = concurrent;
        return sweep;
    }
}
