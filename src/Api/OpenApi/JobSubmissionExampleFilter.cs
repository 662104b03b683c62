using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingService.Core.Jobs.Submission;

namespace TrainingService.Api.OpenApi;

/// <summary>Puts a complete, valid job specification into the schema as its example.</summary>
public sealed class JobSubmissionExampleFilter : ISchemaFilter
{
    public static JsonObject Example() => new()
    {
        ["name"] = "LeNet-5 on MNIST",
        ["model"] = new JsonObject { ["name"] = "lenet5", ["numClasses"] = 10 },
        ["dataset"] = new JsonObject { ["name"] = "mnist", ["validationFraction"] = 0.1 },
        ["hyperparameters"] = new JsonObject
        {
            ["epochs"] = 1, ["batchSize"] = 64, ["learningRate"] = 0.05, ["optimizer"] = "sgd",
            ["momentum"] = 0.9, ["weightDecay"] = 0, ["seed"] = 42,
        },
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type == typeof(JobSubmission) && schema is OpenApiSchema concrete)
        {
            concrete.Examples = [Example()];
        }
    }
}
