using System.Text.RegularExpressions;

namespace TrainingService.Web.Features.NewJob;

/// <summary>
/// Which inputs the form shows for a draft, by the spec field each edits: the one list the page renders from and the
/// Api's problems are placed by, so a problem can only be put next to an input that is there.
/// </summary>
public static partial class NewJobFields
{
    public const string Name = "name";
    public const string Model = "model";
    public const string ModelName = "model.name";
    public const string Layers = "model.custom";
    public const string Dataset = "dataset";
    public const string DatasetName = "dataset.name";
    public const string DatasetId = "dataset.id";
    public const string TrainTransforms = "dataset.transforms.train";
    public const string EvalTransforms = "dataset.transforms.eval";
    public const string Optimizer = "hyperparameters.optimizer";
    public const string ScheduleKind = "hyperparameters.schedule.kind";

    /// <summary>The plain inputs, grouped as the page shows them; the pickers and list editors are in <see cref="Paths"/> too.</summary>
    public static IReadOnlyList<SpecSection> Sections(SpecDraft draft)
    {
        var custom = draft.Get("dataset.transforms.normalize")?.ToString() == "custom";
        var optimizer = draft.Text(Optimizer) is { Length: > 0 } chosen ? chosen : "sgd";
        var schedule = draft.Text(ScheduleKind);
        return
        [
            new("Model", [
                new("model.numClasses", "Classes", FieldKind.Integer, Hint: "outputs of the network; the dataset's class count when empty"),
                new("model.init", "Weight initialisation", FieldKind.Choice, SpecChoices.Inits),
            ]),
            new("Data", [
                new("dataset.validationFraction", "Validation fraction", FieldKind.Number, Hint: "share of the training split held out"),
                new("dataset.trainLimit", "Training images", FieldKind.Integer, Hint: "the first N after the split; all when empty"),
                new("dataset.validationLimit", "Validation images", FieldKind.Integer),
                new("dataset.testLimit", "Test images", FieldKind.Integer),
            ]),
            new("Transforms", [
                new("dataset.transforms.resize", "Resize to", FieldKind.IntegerList, Hint: "height, width"),
                new("dataset.transforms.channels", "Channels", FieldKind.Integer, Hint: "3 turns grey images into RGB"),
                new("dataset.transforms.normalize", "Normalise", FieldKind.Choice, SpecChoices.Normalizations),
                .. custom
                    ? new SpecField[]
                    {
                        new("dataset.transforms.mean", "Mean per channel", FieldKind.NumberList),
                        new("dataset.transforms.std", "Std per channel", FieldKind.NumberList),
                    }
                    : [],
            ]),
            new("Training", [
                new("hyperparameters.epochs", "Epochs", FieldKind.Integer),
                new("hyperparameters.batchSize", "Batch size", FieldKind.Integer),
                new("hyperparameters.learningRate", "Learning rate", FieldKind.Number),
                new(Optimizer, "Optimizer", FieldKind.Choice, SpecChoices.Optimizers),
                .. Members("hyperparameters", SpecChoices.OptimizerMembers.GetValueOrDefault(optimizer) ?? []),
                new("hyperparameters.gradientClipNorm", "Clip gradient norm at", FieldKind.Number, Hint: "no clipping when empty"),
                new("hyperparameters.labelSmoothing", "Label smoothing", FieldKind.Number),
            ]),
            new("Learning-rate schedule", [
                new(ScheduleKind, "Schedule", FieldKind.Choice, [.. SpecChoices.ScheduleMembers.Keys], "a constant rate when empty"),
                .. Members("hyperparameters.schedule", SpecChoices.ScheduleMembers.GetValueOrDefault(schedule) ?? []),
            ]),
            new("Early stopping", [
                new("hyperparameters.earlyStopping.metric", "Watch", FieldKind.Choice, SpecChoices.Metrics, "no early stopping when all are empty"),
                new("hyperparameters.earlyStopping.mode", "Mode", FieldKind.Choice, SpecChoices.Modes),
                new("hyperparameters.earlyStopping.patience", "Patience (epochs)", FieldKind.Integer),
                new("hyperparameters.earlyStopping.minDelta", "Minimum improvement", FieldKind.Number),
            ]),
            new("Checkpoints and placement", [
                new("hyperparameters.checkpointMetric", "Best checkpoint by", FieldKind.Choice, SpecChoices.Metrics),
                new("hyperparameters.checkpointMode", "Mode", FieldKind.Choice, SpecChoices.Modes),
                new("hyperparameters.device", "Device", FieldKind.Choice, SpecChoices.Devices),
                new("hyperparameters.threads", "CPU threads", FieldKind.Integer, Hint: "the worker's setting when empty"),
                new("hyperparameters.priority", "Priority", FieldKind.Choice, SpecChoices.Priorities),
                new("hyperparameters.seed", "Seed", FieldKind.Integer),
                new("hyperparameters.maxRestarts", "Automatic restarts", FieldKind.Integer),
            ]),
        ];
    }

    /// <summary>Every field the form has an input for: the sections' and those of the pickers and the rows of the list editors.</summary>
    public static IReadOnlySet<string> Paths(SpecDraft draft)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal) { Name, Model, ModelName, Dataset, DatasetName, DatasetId };
        paths.UnionWith(Sections(draft).SelectMany(s => s.Fields).Select(f => f.Path));
        foreach (var (list, members) in new[] { (Layers, SpecChoices.LayerMembers), (TrainTransforms, SpecChoices.TransformMembers), (EvalTransforms, SpecChoices.TransformMembers) })
        {
            paths.Add(list);
            var rows = draft.Rows(list);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = SpecPath.Item(list, i);
                paths.Add(row);
                paths.Add($"{row}.type");
                paths.UnionWith(RowMembers(members, rows[i]).Select(m => $"{row}.{m.Name}"));
            }
        }

        return paths;
    }

    /// <summary>The members a row's type takes; none for a type the form does not know.</summary>
    public static IReadOnlyList<RowMember> RowMembers(IReadOnlyDictionary<string, IReadOnlyList<RowMember>> vocabulary, System.Text.Json.Nodes.JsonObject row) =>
        row["type"]?.ToString() is { } type && vocabulary.TryGetValue(type, out var members) ? members : [];

    /// <summary>"weightDecay" as "Weight decay".</summary>
    public static string Label(string member) =>
        member.Length == 0 ? member : char.ToUpperInvariant(member[0]) + WordStart().Replace(member[1..], m => " " + m.Value.ToLowerInvariant());

    private static IEnumerable<SpecField> Members(string prefix, IEnumerable<RowMember> members) =>
        members.Select(m => new SpecField($"{prefix}.{m.Name}", Label(m.Name), m.Kind, m.Choices));

    [GeneratedRegex("[A-Z]")]
    private static partial Regex WordStart();
}
