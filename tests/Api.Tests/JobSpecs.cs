using System.Text.Json.Nodes;

namespace TrainingService.Api.Tests;

/// <summary>The example job, as JSON that a test can break in one place.</summary>
internal static class JobSpecs
{
    public static JsonObject Valid() => JsonNode.Parse("""
        {"name": "lenet", "model": {"name": "lenet5", "numClasses": 10},
         "dataset": {"name": "mnist", "validationFraction": 0.1},
         "hyperparameters": {"epochs": 1, "batchSize": 64, "learningRate": 0.05, "optimizer": "sgd",
                             "momentum": 0.9, "weightDecay": 0, "seed": 42}}
        """)!.AsObject();

    public static JsonObject With(string section, string field, JsonNode? value)
    {
        var spec = Valid();
        spec[section]!.AsObject()[field] = value;
        return spec;
    }

    /// <summary>VGG-16 on MNIST digits resized to its 3x224x224 input, so that only its size can be wrong.</summary>
    public static JsonObject Vgg16(int? numClasses = null, int batchSize = 64)
    {
        var spec = Valid();
        spec["model"] = new JsonObject { ["name"] = "vgg16", ["numClasses"] = numClasses };
        spec["dataset"]!["transforms"] = JsonNode.Parse("""{"resize": [224, 224], "channels": 3}""");
        spec["hyperparameters"]!["batchSize"] = batchSize;
        return spec;
    }

    /// <summary>The example job with its own layer list, given as JSON.</summary>
    public static JsonObject Custom(string layers)
    {
        var spec = Valid();
        spec["model"] = new JsonObject { ["custom"] = JsonNode.Parse(layers) };
        return spec;
    }

    public static JsonObject Without(string section, string? field = null)
    {
        var spec = Valid();
        if (field is null) spec.Remove(section);
        else spec[section]!.AsObject().Remove(field);
        return spec;
    }
}
