namespace TrainingService.Web.Tests.Features.NewJob;

/// <summary>The Api's answers the New job page reads, written as the Api sends them.</summary>
internal static class NewJobSamples
{
    public const string ValidatePath = "/api/jobs/validate";

    public const string Models = """
        [{"name": "lenet5", "family": "LeNet", "description": "LeCun et al. 1998, tanh and average pooling.", "defaultInputShape": "1x32x32",
          "defaultClasses": 10, "parameters": 61706, "multAdds": 416520},
         {"name": "resnet18", "family": "ResNet", "description": "He et al. 2015, ImageNet ResNet-18.", "defaultInputShape": "3x224x224",
          "defaultClasses": 1000, "parameters": 11689512, "multAdds": 1814073344}]
        """;

    public const string Datasets = """
        {"builtIn": [{"name": "mnist", "displayName": "MNIST", "channels": 1, "height": 28, "width": 28,
                      "classNames": ["0","1","2","3","4","5","6","7","8","9"], "trainCount": 60000, "testCount": 10000, "source": "LeCun et al."},
                     {"name": "cifar10", "displayName": "CIFAR-10", "channels": 3, "height": 32, "width": 32,
                      "classNames": ["airplane","automobile","bird","cat","deer","dog","frog","horse","ship","truck"], "trainCount": 50000, "testCount": 10000, "source": "Krizhevsky 2009"}],
         "uploaded": [{"id": "0b6c1f0e-0000-0000-0000-00000000cafe", "name": "pets", "createdAt": "2026-11-23T01:00:00Z", "classNames": ["cat", "dog"],
                       "channels": 3, "height": 64, "width": 64, "trainCount": 400, "testCount": 100, "testHeldOut": false, "mean": [0.5, 0.5, 0.5], "std": [0.2, 0.2, 0.2]}]}
        """;

    public static string Valid(long parameters = 61_706, string inputShape = "1x32x32") => $$"""
        {"spec": {"name": "lenet5 on mnist", "model": {"name": "lenet5", "numClasses": 10, "custom": null, "init": "default"},
                  "dataset": {"name": "mnist", "validationFraction": 0.1, "trainLimit": null},
                  "hyperparameters": {"epochs": 1, "batchSize": 64, "learningRate": 0.05, "optimizer": "sgd", "momentum": 0,
                                      "weightDecay": 0, "seed": 42, "dampening": 0, "nesterov": false, "priority": "normal",
                                      "device": "auto", "checkpointMetric": "validation_accuracy", "checkpointMode": "Max"} },
         "input": {"dataset": "mnist", "imageShape": "1x28x28", "inputShape": "{{inputShape}}", "classCount": 10, "outputClasses": 10},
         "summary": {"model": "lenet5", "batch": 1, "inputShape": "{{inputShape}}", "layers": [], "totalParams": {{parameters}},
                     "trainableParams": {{parameters}}, "totalMultAdds": 416520, "inputSizeMb": 0.0, "forwardBackwardPassSizeMb": 0.05,
                     "paramsSizeMb": 0.25, "estimatedTotalSizeMb": 0.3, "text": "LeNet5  [1, 10]\nTotal params: {{Thousands(parameters)}}"},
         "trainingMemory": {"totalBytes": 5000000, "parameterStateBytes": 740000, "batchBytes": 4260000, "batchSize": 64, "limitBytes": 34359738368} }
        """;

    private static string Thousands(long count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Problems(string errors) =>
        $$"""{"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "The job specification has errors.", "status": 400, "errors": {{errors}}}""";

    /// <summary>A stored job with its own layer list, every default filled in as the Api stores it.</summary>
    public static string CustomJob(Guid id) => $$"""
        {"id": "{{id}}", "name": "tiny", "status": "Succeeded",
         "spec": {"name": "tiny", "model": {"name": "custom", "numClasses": 10, "init": "default",
                  "custom": [{"type": "Conv2d", "out": 4, "kernel": 3, "stride": null}, {"type": "ReLU"}, {"type": "Flatten"}, {"type": "Linear", "out": 10, "bias": null}]},
                  "dataset": {"name": "mnist", "validationFraction": 0.1, "trainLimit": 300, "transforms": null},
                  "hyperparameters": {"epochs": 2, "batchSize": 32, "learningRate": 0.01, "optimizer": "adam", "momentum": 0, "weightDecay": 0,
                                      "seed": 7, "beta1": 0.9, "beta2": 0.999, "schedule": null, "earlyStopping": null} },
         "createdAt": "2026-11-23T01:00:00Z", "startedAt": "2026-11-23T01:00:05Z", "finishedAt": "2026-11-23T01:02:05Z",
         "currentEpoch": 2, "totalEpochs": 2, "attempt": 1, "workerName": "w", "error": null, "result": null}
        """;
}
