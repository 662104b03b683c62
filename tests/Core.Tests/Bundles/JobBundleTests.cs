using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SkiaSharp;
using TrainingService.Core.Bundles;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Checkpoints.SafeTensors;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Models.Summary;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;
using TrainingService.Core.Training.Evaluation;
using Xunit.Abstractions;

namespace TrainingService.Core.Tests.Bundles;

public sealed class JobBundleTests(ITestOutputHelper output)
{
    private static JobBundleSource LeNetOnMnist()
    {
        var dataset = MnistDataset.Definition.Info;
        var network = ModelRegistry.CreateDefault().Get("lenet5").Describe(new ModelBuildOptions(1, 10));
        TorchSharp.torch.manual_seed(5);
        using var model = ModuleBuilder.Build(network);
        var tensors = StateDictConversion.FromModule(model);
        using var pth = new MemoryStream();
        new PthWriter().Write(pth, tensors);
        var names = dataset.ClassNames;
        var matrix = Enumerable.Range(0, 10).Select(i => Enumerable.Range(0, 10).Select(j => i == j ? 9L : j == (i + 1) % 10 ? 1L : 0L).ToArray()).ToArray();
        var job = new TrainingJob
        {
            Id = Guid.NewGuid(), Name = "lenet card", Status = JobStatus.Succeeded, CurrentEpoch = 2, FinishedAt = DateTimeOffset.UnixEpoch.AddYears(56),
            Spec = new TrainingJobSpec("lenet card", new ModelSpec("lenet5", 10), new DatasetSpec("mnist", 0.1, TestLimit: 100),
                new Hyperparameters(2, 64, 0.05, "sgd", 0.9, 0, 42)),
            Evaluation = new TestEvaluation(2, 0.42, 0.9, 1.0, 100, names, ClassificationReport.From(matrix, names), matrix),
        };
        var best = new CheckpointRecord { JobId = job.Id, Name = CheckpointNames.Best, Epoch = 2, Step = 30, RelativePath = "x/best.pth", Sha256 = new string('b', 64) };
        EpochMetricsRecord Epoch(int epoch, double? validationLoss) => new()
        {
            JobId = job.Id, Epoch = epoch, TrainLoss = 1.0 / epoch, TrainAccuracy = 0.4 * epoch, ValidationLoss = validationLoss,
            ValidationAccuracy = validationLoss is null ? null : 0.45 * epoch, LearningRate = 0.05, EpochSeconds = 1.5, ImagesPerSecond = 900,
            PeakMemoryBytes = 1 << 20, RecordedAt = DateTimeOffset.UnixEpoch,
        };
        return new JobBundleSource(job, network, dataset, InputPipeline.For(dataset, null, network.Input), ModelSummarizer.Summarize(network, 1),
            best, pth.ToArray(), tensors, [Epoch(1, double.NaN), Epoch(2, 0.5)]);
    }

    private static Dictionary<string, byte[]> Unzip(IReadOnlyList<BundleEntry> entries)
    {
        using var zip = new MemoryStream();
        BundleZip.WriteAsync(zip, entries, DateTimeOffset.UnixEpoch.AddYears(56), CancellationToken.None).GetAwaiter().GetResult();
        zip.Position = 0;
        using var archive = new ZipArchive(zip);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public void The_model_card_describes_architecture_data_recipe_curves_per_class_results_and_loading()
    {
        var files = Unzip(JobBundle.Entries(LeNetOnMnist()));
        var card = Encoding.UTF8.GetString(files[BundleFiles.ModelCard]);
        output.WriteLine(card);

        Assert.Contains("**61,706 parameters**", card);
        Assert.Contains("the first 100 images of the test split, in file order", card);
        Assert.Contains("zero-pad top 2, bottom 2, left 2, right 2", card);
        Assert.Contains("mean [0.1307] and std [0.3081]", card);
        Assert.Contains("| momentum | 0.9, dampening 0, Nesterov no |", card);
        Assert.Contains("| 3 | 0.9000 | 0.9000 | 0.9000 | 10 |", card);
        Assert.Contains($"![Loss per epoch]({BundleFiles.LossCurve})", card);
        Assert.Contains("model.load_state_dict(torch.load(\"weights.pth\", map_location=\"cpu\", weights_only=True))", card);
        Assert.Contains($"no `{BundleFiles.Onnx}`", card);
        Assert.Equal(
            [BundleFiles.ModelCard, BundleFiles.AccuracyCurve, BundleFiles.Manifest, BundleFiles.Evaluate, BundleFiles.Evaluation, BundleFiles.LossCurve, BundleFiles.Metrics,
             BundleFiles.Source, BundleFiles.Spec, BundleFiles.Pth, BundleFiles.SafeTensors],
            files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_onnx_entry_joins_the_zip_and_the_card_shows_onnx_runtime()
    {
        var files = Unzip(JobBundle.Entries(LeNetOnMnist(), [BundleEntry.Bytes(BundleFiles.Onnx, [1, 2, 3])]));

        Assert.Equal([1, 2, 3], files[BundleFiles.Onnx]);
        Assert.Contains("ort.InferenceSession(\"model.onnx\")", Encoding.UTF8.GetString(files[BundleFiles.ModelCard]));
    }

    [Fact]
    public void Metrics_csv_has_every_stored_column_and_keeps_a_diverged_value()
    {
        var csv = Encoding.UTF8.GetString(Unzip(JobBundle.Entries(LeNetOnMnist()))[BundleFiles.Metrics]).Split('\n');

        Assert.Equal(MetricsCsv.Header, csv[0]);
        Assert.Equal("1,1,0.4,NaN,0.45,,0.05,1.5,900,1048576,1970-01-01T00:00:00.0000000Z", csv[1]);
        Assert.StartsWith("2,0.5,0.8,0.5,0.9,", csv[2]);
    }

    [Fact]
    public void The_curves_are_pngs_and_the_safetensors_holds_the_pth_tensors_with_the_runs_metadata()
    {
        var source = LeNetOnMnist();
        var files = Unzip(JobBundle.Entries(source));

        using var loss = SKBitmap.Decode(files[BundleFiles.LossCurve]);
        Assert.Equal((800, 480), (loss.Width, loss.Height));
        Assert.NotNull(SKBitmap.Decode(files[BundleFiles.AccuracyCurve]));
        var weights = new SafeTensorsReader().Read(new MemoryStream(files[BundleFiles.SafeTensors]));
        Assert.Equal(source.BestTensors.Select(t => t.Key).Order(StringComparer.Ordinal), weights.Tensors.Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal("0.9", weights.Metadata["test_accuracy"]);
        Assert.Equal("0.5", weights.Metadata["validation_loss"]);
        Assert.Equal(SpecDigest.Of(source.Job.Spec), weights.Metadata["spec_sha256"]);
        var manifest = JsonDocument.Parse(files[BundleFiles.Manifest]).RootElement;
        Assert.Equal(100, manifest.GetProperty("testLimit").GetInt32());
        Assert.Equal(0.3081f, manifest.GetProperty("preprocessing")[2].GetProperty("std")[0].GetSingle());
    }

    [SkippableFact]
    public void The_model_cards_pytorch_code_runs_on_the_bundles_files_and_both_weight_files_give_the_same_logits()
    {
        Skip.IfNot(Checkpoints.DebianTorch.IsAvailable, Checkpoints.DebianTorch.Missing);
        var files = Unzip(JobBundle.Entries(LeNetOnMnist()));
        var folder = Directory.CreateTempSubdirectory("bundle-card-");
        try
        {
            foreach (var (name, bytes) in files)
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, name), bytes);
            }
            var card = Encoding.UTF8.GetString(files[BundleFiles.ModelCard]);
            var loading = card[card.IndexOf("## Load it in PyTorch", StringComparison.Ordinal)..];
            var start = loading.IndexOf("```python\n", StringComparison.Ordinal) + "```python\n".Length;
            var code = loading[start..loading.IndexOf("```\n", start, StringComparison.Ordinal)];

            var printed = Checkpoints.DebianTorch.Run(
                "import os, sys\nos.chdir(sys.argv[1]); sys.path.insert(0, sys.argv[1])\n" + code +
                "\nfrom_safetensors = logits\n" +
                "model.load_state_dict(torch.load('weights.pth', weights_only=True))\n" +
                "with torch.no_grad():\n    from_pth = model(preprocess(images, steps))\n" +
                "print(tuple(logits.shape), torch.equal(from_safetensors, from_pth))\n",
                folder.FullName);

            Assert.Equal("(8, 10) True", printed.Trim());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
