using System.Text.Json;
using System.Text.Json.Nodes;
using SkiaSharp;
using TrainingService.Core.Checkpoints.SafeTensors;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.PyTorch;

namespace TrainingService.Core.Bundles;

/// <summary>
/// The files of a job's bundle, as a list, so that artifacts made elsewhere (the ONNX model) join it as one more
/// entry and the model card, written last, describes exactly what the zip holds.
/// </summary>
public static class JobBundle
{
    private static readonly JsonSerializerOptions Indented = new(JobSpecJson.Options) { WriteIndented = true };

    /// <param name="extra">Entries produced outside Core, such as <see cref="BundleFiles.Onnx"/>; they come before the model card.</param>
    public static IReadOnlyList<BundleEntry> Entries(JobBundleSource source, IReadOnlyList<BundleEntry>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var job = source.Job;
        var className = PyTorchSourceEmitter.DefaultClassName(source.Network);
        var safeTensors = new SafeTensorsWriter().ToBytes(source.BestTensors,
            CheckpointMetadata.For(job, source.Best, source.Metrics.FirstOrDefault(m => m.Epoch == source.Best.Epoch)));
        var manifest = Manifest(source, className);
        var entries = new List<BundleEntry>
        {
            BundleEntry.Text(BundleFiles.Source, PyTorchSourceEmitter.Emit(source.Network, className)),
            BundleEntry.Bytes(BundleFiles.Pth, source.BestPth),
            BundleEntry.Bytes(BundleFiles.SafeTensors, safeTensors),
            BundleEntry.Bytes(BundleFiles.Spec, SpecDigest.Json(job.Spec)),
            BundleEntry.Text(BundleFiles.Manifest, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n"),
            BundleEntry.Text(BundleFiles.Metrics, MetricsCsv.Write(source.Metrics)),
            BundleEntry.Text(BundleFiles.Evaluate, EvaluateScript.Text),
            BundleEntry.Bytes(BundleFiles.LossCurve, LossChart(source)),
            BundleEntry.Bytes(BundleFiles.AccuracyCurve, AccuracyChart(source)),
        };
        if (job.Resolution is { } resolution)
        {
            entries.Add(BundleEntry.Text(BundleFiles.Resolution, JsonSerializer.Serialize(resolution, JobResolutionJson.Options)));
        }
        if (job.Evaluation is { } evaluation)
        {
            entries.Add(BundleEntry.Text(BundleFiles.Evaluation, JsonSerializer.Serialize(evaluation, Indented) + "\n"));
        }
        entries.AddRange(extra ?? []);
        var paths = entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        entries.Insert(0, BundleEntry.Text(BundleFiles.ModelCard, ModelCard.Write(source, className, manifest, paths)));
        return entries;
    }

    private static JsonObject Manifest(JobBundleSource source, string className)
    {
        var job = source.Job;
        var dataset = source.Dataset;
        return new JsonObject
        {
            ["format"] = "trainingservice.bundle",
            ["version"] = 1,
            ["jobId"] = job.Id.ToString(),
            ["jobName"] = job.Name,
            ["model"] = job.Spec.Model.Name,
            ["network"] = source.Network.Name,
            ["source"] = BundleFiles.Source,
            ["className"] = className,
            ["weights"] = new JsonObject { ["pth"] = BundleFiles.Pth, ["safetensors"] = BundleFiles.SafeTensors },
            ["checkpoint"] = new JsonObject
            {
                ["name"] = source.Best.Name, ["epoch"] = source.Best.Epoch, ["step"] = source.Best.Step, ["pthSha256"] = source.Best.Sha256,
            },
            ["specSha256"] = SpecDigest.Of(job.Spec),
            ["dataset"] = dataset.Name,
            ["testLimit"] = job.Spec.Dataset.TestLimit,
            ["classNames"] = new JsonArray([.. dataset.ClassNames.Select(n => JsonValue.Create(n))]),
            ["datasetImage"] = new JsonArray(dataset.Channels, dataset.Height, dataset.Width),
            ["input"] = new JsonArray(source.Network.Input.Channels, source.Network.Input.Height, source.Network.Input.Width),
            ["preprocessing"] = PreprocessingSteps.Describe(source.EvalPipeline, (dataset.Channels, dataset.Height, dataset.Width)),
            ["testAccuracy"] = job.Evaluation?.Accuracy,
            ["testLoss"] = job.Evaluation?.Loss,
            ["testCount"] = job.Evaluation?.Count,
        };
    }

    private static readonly SKColor Train = new(0x1f, 0x77, 0xb4);
    private static readonly SKColor Validation = new(0xd6, 0x27, 0x28);

    private static byte[] LossChart(JobBundleSource source) => CurveChart.Png($"{source.Job.Name}: loss per epoch", "cross-entropy loss",
    [
        new CurveSeries("train", [.. source.Metrics.Select(m => ((double)m.Epoch, m.TrainLoss))], Train, Dashed: true),
        new CurveSeries("validation", [.. source.Metrics.Where(m => m.ValidationLoss is not null).Select(m => ((double)m.Epoch, m.ValidationLoss!.Value))], Validation, Dashed: false),
    ]);

    private static byte[] AccuracyChart(JobBundleSource source) => CurveChart.Png($"{source.Job.Name}: accuracy per epoch", "accuracy",
    [
        new CurveSeries("train", [.. source.Metrics.Select(m => ((double)m.Epoch, m.TrainAccuracy))], Train, Dashed: true),
        new CurveSeries("validation", [.. source.Metrics.Where(m => m.ValidationAccuracy is not null).Select(m => ((double)m.Epoch, m.ValidationAccuracy!.Value))], Validation, Dashed: false),
    ]);
}
