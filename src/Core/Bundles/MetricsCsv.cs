using System.Globalization;
using System.Text;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Bundles;

/// <summary>One row per epoch with every stored column; empty cells for metrics an epoch did not have (no validation split).</summary>
public static class MetricsCsv
{
    public const string Header =
        "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,validation_top5_accuracy,learning_rate,epoch_seconds,images_per_second,peak_memory_bytes,recorded_at";

    public static string Write(IEnumerable<EpochMetricsRecord> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var m in metrics.OrderBy(m => m.Epoch))
        {
            csv.AppendJoin(',', [
                m.Epoch.ToString(CultureInfo.InvariantCulture), Number(m.TrainLoss), Number(m.TrainAccuracy),
                Number(m.ValidationLoss), Number(m.ValidationAccuracy), Number(m.ValidationTop5Accuracy), Number(m.LearningRate),
                Number(m.EpochSeconds), Number(m.ImagesPerSecond), m.PeakMemoryBytes.ToString(CultureInfo.InvariantCulture),
                m.RecordedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ]).Append('\n');
        }
        return csv.ToString();
    }

    // Round-trip text, so a value read back equals the stored double; NaN and infinities keep their names.
    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
