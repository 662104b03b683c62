using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Bundles;

/// <summary>
/// The bundle's <c>README.md</c>: what the network is, what it was trained on and how, how it did (curves and
/// per-class results), and code that loads the bundle's own files. Written from the same data as the files it names.
/// </summary>
public static class ModelCard
{
    private static readonly (string Path, string What)[] Descriptions =
    [
        (BundleFiles.ModelCard, "this model card"),
        (BundleFiles.Source, "the PyTorch class of exactly this network (imports only torch)"),
        (BundleFiles.Pth, "the best checkpoint's state_dict, as `torch.save` writes it"),
        (BundleFiles.SafeTensors, "the same tensors as safetensors, with the job, spec hash, epoch and metrics in `__metadata__`"),
        (BundleFiles.Onnx, "the network with these weights as ONNX"),
        (BundleFiles.Spec, "the job's spec as the service stored it (every default filled in); its SHA-256 is the spec hash"),
        (BundleFiles.Resolution, "what the spec was resolved to: the exact network, the dataset as it was, the normalisation statistics"),
        (BundleFiles.Manifest, "machine-readable facts for `evaluate.py`: class, weights, preprocessing steps, test limit, stored accuracy"),
        (BundleFiles.Metrics, "every stored per-epoch metric"),
        (BundleFiles.Evaluation, "the stored test evaluation: per-class precision, recall, F1 and the confusion matrix"),
        (BundleFiles.LossCurve, "loss per epoch"),
        (BundleFiles.AccuracyCurve, "accuracy per epoch"),
        (BundleFiles.Evaluate, "evaluates the weights in `model.py` on a test split and prints the accuracy"),
    ];

    public static string Write(JobBundleSource source, string className, JsonObject manifest, IReadOnlySet<string> paths)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(paths);
        var job = source.Job;
        var spec = job.Spec;
        var card = new StringBuilder();
        var evaluation = job.Evaluation;
        card.Append("# ").Append(job.Name).Append("\n\n");
        card.Append(CultureInfo.InvariantCulture, $"`{spec.Model.Name}` trained on {source.Dataset.DisplayName} (`{source.Dataset.Name}`) by the training service");
        if (evaluation is not null)
        {
            card.Append(CultureInfo.InvariantCulture, $": **{Percent(evaluation.Accuracy)} test accuracy** on {evaluation.Count} test images");
        }
        card.Append(CultureInfo.InvariantCulture, $". Weights of the `{source.Best.Name}` checkpoint, epoch {source.Best.Epoch} of {job.CurrentEpoch} run.\n\n");
        card.Append(CultureInfo.InvariantCulture, $"- Job `{job.Id}`, {job.Status}, finished {job.FinishedAt?.UtcDateTime.ToString("u", CultureInfo.InvariantCulture) ?? "-"}\n");
        card.Append(CultureInfo.InvariantCulture, $"- Spec SHA-256 `{manifest["specSha256"]}` (`sha256sum {BundleFiles.Spec}`)\n");
        card.Append(CultureInfo.InvariantCulture, $"- `{BundleFiles.Pth}` SHA-256 `{source.Best.Sha256}`\n\n");

        card.Append("## Files\n\n| file | what |\n|---|---|\n");
        foreach (var path in paths.Append(BundleFiles.ModelCard).Distinct().Order(StringComparer.Ordinal))
        {
            var what = Descriptions.FirstOrDefault(d => d.Path == path).What ?? "";
            card.Append(CultureInfo.InvariantCulture, $"| `{path}` | {what} |\n");
        }

        Architecture(card, source, className);
        Data(card, source, manifest);
        Recipe(card, source);
        Curves(card, source);
        Results(card, source);
        Loading(card, source, className, paths);
        return card.ToString();
    }

    private static void Architecture(StringBuilder card, JobBundleSource source, string className)
    {
        var summary = source.Summary;
        var input = source.Network.Input;
        card.Append("\n## Architecture\n\n");
        card.Append(CultureInfo.InvariantCulture,
            $"`{source.Network.Name}`, the class `{className}` in `{BundleFiles.Source}`: input {input.Channels}x{input.Height}x{input.Width}, ");
        card.Append(CultureInfo.InvariantCulture,
            $"**{summary.TotalParams:N0} parameters**, **{summary.TotalMultAdds:N0} mult-adds** per image, {source.Job.Spec.Model.NumClasses} classes. ");
        card.Append("The summary below is torchinfo's (`torchinfo.summary(model, (1, C, H, W))` prints the same table):\n\n```text\n");
        card.Append(summary.ToText()).Append("\n```\n");
    }

    private static void Data(StringBuilder card, JobBundleSource source, JsonObject manifest)
    {
        var dataset = source.Dataset;
        var spec = source.Job.Spec.Dataset;
        card.Append("\n## Data and preprocessing\n\n");
        card.Append(CultureInfo.InvariantCulture,
            $"{dataset.DisplayName} (`{dataset.Name}`): {dataset.Channels}x{dataset.Height}x{dataset.Width} images, {dataset.ClassCount} classes ");
        card.Append(CultureInfo.InvariantCulture, $"({string.Join(", ", dataset.ClassNames.Select(n => $"`{n}`"))}), {dataset.TrainCount} training and {dataset.TestCount} test images.\n\n");
        card.Append(CultureInfo.InvariantCulture, $"- Validation: {Percent(spec.ValidationFraction)} of the training split");
        card.Append(spec.ValidationLimit is { } validationLimit ? $", at most {validationLimit} images" : "").Append('\n');
        card.Append("- Training: ").Append(spec.TrainLimit is { } trainLimit ? $"at most {trainLimit} images" : "the rest of the training split").Append('\n');
        card.Append("- Test: ").Append(spec.TestLimit is { } testLimit
            ? $"the first {testLimit} images of the test split, in file order"
            : "the whole test split").Append(" (what the stored evaluation used)\n\n");
        card.Append("Every test image goes through these steps, in order (`preprocessing` in `bundle.json`, applied by `evaluate.py`'s `preprocess`):\n\n");
        var step = 1;
        foreach (var sentence in PreprocessingSteps.Sentences((JsonArray)manifest["preprocessing"]!))
        {
            card.Append(CultureInfo.InvariantCulture, $"{step++}. {sentence}\n");
        }
        if (spec.Transforms?.Train is { Count: > 0 } augmentation)
        {
            card.Append("\nTraining also applied, before normalisation: ")
                .Append(JsonSerializer.Serialize(augmentation, JobSpecJson.Options)).Append('\n');
        }
    }

    private static void Recipe(StringBuilder card, JobBundleSource source)
    {
        var job = source.Job;
        var h = job.Spec.Hyperparameters;
        card.Append("\n## Recipe\n\n| | |\n|---|---|\n");
        void Row(string name, string value) => card.Append(CultureInfo.InvariantCulture, $"| {name} | {value} |\n");
        Row("optimizer", $"`{h.Optimizer}`, learning rate {Number(h.LearningRate)}, weight decay {Number(h.WeightDecay)}");
        switch (h.Optimizer)
        {
            case "sgd":
                Row("momentum", $"{Number(h.Momentum)}, dampening {Number(h.Dampening)}, Nesterov {(h.Nesterov ? "yes" : "no")}");
                break;
            case "rmsprop":
                Row("alpha, eps, momentum", $"{Number(h.Alpha)}, {Number(h.Eps)}, {Number(h.Momentum)}");
                break;
            default:
                Row("betas, eps", $"({Number(h.Beta1)}, {Number(h.Beta2)}), {Number(h.Eps)}");
                break;
        }
        Row("schedule", h.Schedule is null ? "constant" : $"`{JsonSerializer.Serialize(h.Schedule, JobSpecJson.Options)}`");
        Row("epochs", job.StoppedEarlyAfterEpoch is { } stopped
            ? $"{job.CurrentEpoch} of {h.Epochs} (stopped early after epoch {stopped})"
            : $"{job.CurrentEpoch} of {h.Epochs}");
        Row("batch size", h.BatchSize.ToString(CultureInfo.InvariantCulture));
        Row("seed", h.Seed.ToString(CultureInfo.InvariantCulture));
        Row("label smoothing", Number(h.LabelSmoothing));
        Row("gradient clipping", h.GradientClipNorm is { } clip ? $"norm {Number(clip)}" : "none");
        Row("early stopping", h.EarlyStopping is null ? "none" : $"`{JsonSerializer.Serialize(h.EarlyStopping, JobSpecJson.Options)}`");
        Row("best checkpoint", $"`{h.CheckpointMetric}` ({h.CheckpointMode}), epoch {source.Best.Epoch}");
        Row("weight initialisation", $"`{job.Spec.Model.Init}`");
    }

    private static void Curves(StringBuilder card, JobBundleSource source)
    {
        card.Append("\n## Curves\n\n");
        card.Append(CultureInfo.InvariantCulture, $"![Loss per epoch]({BundleFiles.LossCurve})\n\n![Accuracy per epoch]({BundleFiles.AccuracyCurve})\n\n");
        card.Append("| epoch | train loss | train accuracy | validation loss | validation accuracy | learning rate | seconds |\n|---|---|---|---|---|---|---|\n");
        foreach (var m in source.Metrics.OrderBy(m => m.Epoch))
        {
            card.Append(CultureInfo.InvariantCulture,
                $"| {m.Epoch} | {Number(m.TrainLoss)} | {Percent(m.TrainAccuracy)} | {Number(m.ValidationLoss)} | {Percent(m.ValidationAccuracy)} | {Number(m.LearningRate)} | {m.EpochSeconds:0.0} |\n");
        }
        card.Append(CultureInfo.InvariantCulture, $"\nEvery stored column is in `{BundleFiles.Metrics}`.\n");
    }

    private static void Results(StringBuilder card, JobBundleSource source)
    {
        card.Append("\n## Results on the test split\n\n");
        if (source.Job.Evaluation is not { } evaluation)
        {
            card.Append("The job has no stored evaluation.\n");
            return;
        }
        card.Append(CultureInfo.InvariantCulture,
            $"Checkpoint of epoch {evaluation.CheckpointEpoch} on {evaluation.Count} images: loss {Number(evaluation.Loss)}, accuracy {Percent(evaluation.Accuracy)}");
        card.Append(evaluation.Top5Accuracy is { } top5 ? $", top-5 {Percent(top5)}" : "").Append(".\n\n");
        card.Append("| class | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
        foreach (var c in evaluation.Report.Classes)
        {
            card.Append(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Precision:0.0000} | {c.Recall:0.0000} | {c.F1:0.0000} | {c.Support} |\n");
        }
        var (macro, weighted) = (evaluation.Report.MacroAverage, evaluation.Report.WeightedAverage);
        card.Append(CultureInfo.InvariantCulture, $"| macro average | {macro.Precision:0.0000} | {macro.Recall:0.0000} | {macro.F1:0.0000} | {macro.Support} |\n");
        card.Append(CultureInfo.InvariantCulture, $"| weighted average | {weighted.Precision:0.0000} | {weighted.Recall:0.0000} | {weighted.F1:0.0000} | {weighted.Support} |\n");
        card.Append(CultureInfo.InvariantCulture, $"\nThe confusion matrix (rows are true classes) is in `{BundleFiles.Evaluation}`.\n");
    }

    private static void Loading(StringBuilder card, JobBundleSource source, string className, IReadOnlySet<string> paths)
    {
        var input = source.Network.Input;
        card.Append("\n## Load it in PyTorch\n\nIn the unzipped folder:\n\n```python\nimport json\nimport torch\n");
        card.Append(CultureInfo.InvariantCulture, $"from model import {className}\nfrom evaluate import preprocess, read_safetensors\n\n");
        card.Append(CultureInfo.InvariantCulture, $"model = {className}()\n");
        card.Append(CultureInfo.InvariantCulture, $"model.load_state_dict(torch.load(\"{BundleFiles.Pth}\", map_location=\"cpu\", weights_only=True))\n");
        card.Append(CultureInfo.InvariantCulture, $"# or the same tensors from safetensors, without the safetensors package:\nmodel.load_state_dict(read_safetensors(\"{BundleFiles.SafeTensors}\"))\n");
        card.Append("model.eval()\n\n");
        card.Append(CultureInfo.InvariantCulture, $"steps = json.load(open(\"{BundleFiles.Manifest}\"))[\"preprocessing\"]\n");
        card.Append(CultureInfo.InvariantCulture,
            $"images = torch.zeros(8, {source.Dataset.Channels}, {source.Dataset.Height}, {source.Dataset.Width}, dtype=torch.uint8)  # raw 0-255 pixels, N x C x H x W\n");
        card.Append(CultureInfo.InvariantCulture, $"with torch.no_grad():\n    logits = model(preprocess(images, steps))  # N x {source.Job.Spec.Model.NumClasses}; input {input.Channels}x{input.Height}x{input.Width}\n```\n\n");
        card.Append(CultureInfo.InvariantCulture, $"With the `safetensors` package: `from safetensors.torch import load_file; model.load_state_dict(load_file(\"{BundleFiles.SafeTensors}\"))`.\n");

        card.Append("\n## Load it in ONNX Runtime\n\n");
        if (paths.Contains(BundleFiles.Onnx))
        {
            card.Append("```python\nimport json\nimport onnxruntime as ort\nimport torch\nfrom evaluate import preprocess\n\n");
            card.Append(CultureInfo.InvariantCulture, $"session = ort.InferenceSession(\"{BundleFiles.Onnx}\")\n");
            card.Append(CultureInfo.InvariantCulture, $"steps = json.load(open(\"{BundleFiles.Manifest}\"))[\"preprocessing\"]\n");
            card.Append(CultureInfo.InvariantCulture,
                $"images = torch.zeros(8, {source.Dataset.Channels}, {source.Dataset.Height}, {source.Dataset.Width}, dtype=torch.uint8)\n");
            card.Append("x = preprocess(images, steps).numpy()\nlogits = session.run(None, {session.get_inputs()[0].name: x})[0]\n```\n");
        }
        else
        {
            card.Append(CultureInfo.InvariantCulture, $"This bundle has no `{BundleFiles.Onnx}`: ONNX has no operator for one of this network's layers (see docs/formats.md).\n");
        }

        card.Append("\n## Reproduce the stored test accuracy\n\n```bash\n");
        card.Append(CultureInfo.InvariantCulture, $"python3 {BundleFiles.Evaluate} /path/to/{source.Dataset.Name}   # the folder with the test split's files\n```\n\n");
        card.Append("It loads the weights into the class, takes the same test images, preprocesses them as above and prints ");
        card.Append("`{\"count\", \"correct\", \"accuracy\", \"loss\", \"stored_accuracy\"}`; `accuracy` equals `stored_accuracy` ");
        card.Append("(a float difference between libtorch builds may flip a borderline image). MNIST- and CIFAR-10-style files are read; ");
        card.Append("uploaded image folders and generated data are not.\n");
    }

    private static string Number(double? value) => value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "-";

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "-";
}
