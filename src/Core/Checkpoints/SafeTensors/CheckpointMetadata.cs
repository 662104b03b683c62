using System.Globalization;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Checkpoints.SafeTensors;

/// <summary>
/// The <c>__metadata__</c> a checkpoint carries as safetensors: what trained it (job, model, dataset, the spec's hash),
/// which checkpoint it is (name, epoch, step, the SHA-256 of the <c>.pth</c> it holds the same tensors as), and the
/// stored metrics of its epoch, plus the test figures when the evaluation is of this epoch. Values are strings, as the
/// format requires; numbers are invariant round-trip text.
/// </summary>
public static class CheckpointMetadata
{
    public static IReadOnlyDictionary<string, string> For(TrainingJob job, CheckpointRecord checkpoint, EpochMetricsRecord? metrics)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var result = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["format"] = "pt",
            ["job_id"] = job.Id.ToString(),
            ["job_name"] = job.Name,
            ["model"] = job.Spec.Model.Name,
            ["network"] = job.Resolution?.Network.Name ?? job.Spec.Model.Name,
            ["num_classes"] = Text(job.Spec.Model.NumClasses),
            ["dataset"] = job.Spec.Dataset.Name,
            ["spec_sha256"] = SpecDigest.Of(job.Spec),
            ["checkpoint"] = checkpoint.Name,
            ["epoch"] = Text(checkpoint.Epoch),
            ["step"] = Text(checkpoint.Step),
            ["pth_sha256"] = checkpoint.Sha256,
        };
        if (metrics is not null && metrics.Epoch == checkpoint.Epoch)
        {
            result["train_loss"] = Text(metrics.TrainLoss);
            result["train_accuracy"] = Text(metrics.TrainAccuracy);
            Add(result, "validation_loss", metrics.ValidationLoss);
            Add(result, "validation_accuracy", metrics.ValidationAccuracy);
            Add(result, "validation_top5_accuracy", metrics.ValidationTop5Accuracy);
            result["learning_rate"] = Text(metrics.LearningRate);
        }
        if (job.Evaluation is { } evaluation && evaluation.CheckpointEpoch == checkpoint.Epoch)
        {
            result["test_loss"] = Text(evaluation.Loss);
            result["test_accuracy"] = Text(evaluation.Accuracy);
            Add(result, "test_top5_accuracy", evaluation.Top5Accuracy);
            result["test_count"] = Text(evaluation.Count);
        }
        return result;
    }

    private static void Add(Dictionary<string, string> metadata, string key, double? value)
    {
        if (value is { } number) metadata[key] = Text(number);
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
