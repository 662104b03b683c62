namespace TrainingService.Web.Features.NewJob;

/// <summary>
/// The values the form offers for the spec's enumerated fields and which members each kind takes, as docs/api.md lists
/// them. The Api stays the judge: a value it does not take comes back as a problem naming the field, so a list here
/// that falls behind the Api can leave a choice out but never queue a wrong job.
/// </summary>
public static class SpecChoices
{
    public const string CustomModel = "custom";
    public const string UploadedDataset = "imagefolder";

    public static IReadOnlyList<string> Optimizers { get; } = ["sgd", "adam", "adamw", "rmsprop"];

    public static IReadOnlyList<string> Metrics { get; } =
        ["validation_accuracy", "validation_loss", "validation_top5", "train_accuracy", "train_loss"];

    public static IReadOnlyList<string> Modes { get; } = ["max", "min"];

    public static IReadOnlyList<string> Inits { get; } =
        ["default", "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal", "normal"];

    public static IReadOnlyList<string> Normalizations { get; } = ["dataset", "auto", "custom", "none"];

    public static IReadOnlyList<string> Devices { get; } = ["auto", "cpu", "cuda"];

    public static IReadOnlyList<string> Priorities { get; } = ["high", "normal", "low"];

    public static IReadOnlyList<string> ThresholdModes { get; } = ["rel", "abs"];

    /// <summary>The settings each optimizer reads besides the learning rate.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RowMember>> OptimizerMembers { get; } = new Dictionary<string, IReadOnlyList<RowMember>>
    {
        ["sgd"] = [Number("momentum"), Number("dampening"), Flag("nesterov"), Number("weightDecay")],
        ["adam"] = [Number("beta1"), Number("beta2"), Number("eps"), Number("weightDecay")],
        ["adamw"] = [Number("beta1"), Number("beta2"), Number("eps"), Number("weightDecay")],
        ["rmsprop"] = [Number("alpha"), Number("eps"), Number("momentum"), Number("weightDecay")],
    };

    /// <summary>The learning-rate schedules and their parameters; a parameter left empty takes torch's default.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RowMember>> ScheduleMembers { get; } = new Dictionary<string, IReadOnlyList<RowMember>>
    {
        ["step"] = [Integer("stepSize"), Number("gamma")],
        ["multistep"] = [new("milestones", FieldKind.IntegerList), Number("gamma")],
        ["exponential"] = [Number("gamma")],
        ["cosine"] = [Number("minRate"), Integer("warmupEpochs")],
        ["onecycle"] = [Number("maxRate"), Number("pctStart"), Number("divFactor"), Number("finalDivFactor")],
        ["reduce_on_plateau"] =
        [
            new("monitor", FieldKind.Choice, Metrics), new("mode", FieldKind.Choice, Modes), Number("factor"), Integer("patience"),
            Number("threshold"), new("thresholdMode", FieldKind.Choice, ThresholdModes), Integer("cooldown"), Number("minRate"),
        ],
        ["constant"] = [],
    };

    /// <summary>The layers of <c>model.custom</c> and the members each takes (input sizes follow from the previous layer).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RowMember>> LayerMembers { get; } = new Dictionary<string, IReadOnlyList<RowMember>>
    {
        ["Conv2d"] = [Integer("out"), Integer("kernel"), Integer("stride"), Integer("padding"), Integer("dilation"), Integer("groups"), Flag("bias")],
        ["MaxPool2d"] = [Integer("kernel"), Integer("stride"), Integer("padding")],
        ["AvgPool2d"] = [Integer("kernel"), Integer("stride"), Integer("padding")],
        ["AdaptiveAvgPool2d"] = [Integer("out"), new("size", FieldKind.IntegerList)],
        ["BatchNorm2d"] = [],
        ["Dropout"] = [Number("p")],
        ["ReLU"] = [],
        ["LeakyReLU"] = [Number("negativeSlope")],
        ["Sigmoid"] = [],
        ["Tanh"] = [],
        ["GELU"] = [],
        ["Flatten"] = [],
        ["Linear"] = [Integer("out"), Flag("bias")],
    };

    /// <summary>The steps of <c>dataset.transforms.train</c> and <c>eval</c> (the random ones in training only).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RowMember>> TransformMembers { get; } = new Dictionary<string, IReadOnlyList<RowMember>>
    {
        ["Pad"] = [Integer("padding")],
        ["RandomCrop"] = [Integer("size"), Integer("padding")],
        ["RandomHorizontalFlip"] = [Number("p")],
    };

    private static RowMember Integer(string name) => new(name, FieldKind.Integer);

    private static RowMember Number(string name) => new(name, FieldKind.Number);

    private static RowMember Flag(string name) => new(name, FieldKind.Flag);
}
