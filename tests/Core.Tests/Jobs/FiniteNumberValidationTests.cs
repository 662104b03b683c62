using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Custom;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Tests.Jobs;

/// <summary>
/// Every number a submission carries is refused, naming its field, when it is NaN, infinite (JSON may spell
/// both, since metrics need them) or finite but far outside its documented range.
/// </summary>
public sealed class FiniteNumberValidationTests
{
    private static readonly ModelRegistry Models = ModelRegistry.CreateDefault();

    private readonly JobSpecValidator _validator = new(Models, DatasetRegistry.CreateDefault(new DatasetFileStore(Path.GetTempPath())),
        new NetworkPlanner(Models), new JobSpecLimits());

    private static JobSubmission Valid() => new(
        "numbers",
        new ModelSubmission("lenet5", 10),
        new DatasetSubmission("mnist", 0.1, null, null, null),
        new HyperparametersSubmission(2, 64, 0.05, "sgd", 0.9, 0, 42));

    private static JobSubmission WithHyperparameters(Func<HyperparametersSubmission, HyperparametersSubmission> change) =>
        Valid() with { Hyperparameters = change(Valid().Hyperparameters!) };

    private static JobSubmission WithDataset(Func<DatasetSubmission, DatasetSubmission> change) =>
        Valid() with { Dataset = change(Valid().Dataset!) };

    private static JobSubmission WithLayers(params CustomLayerSpec[] layers) => Valid() with { Model = new ModelSubmission(null, null, layers) };

    // The schedule rules word the decay factor's range on their own; NaN and infinities fail it all the same.
    private const string GammaField = "hyperparameters.schedule.gamma";

    private static readonly Dictionary<string, Func<double, JobSubmission>> Fields = new()
    {
        ["hyperparameters.learningRate"] = v => WithHyperparameters(h => h with { LearningRate = v }),
        ["hyperparameters.momentum"] = v => WithHyperparameters(h => h with { Momentum = v }),
        ["hyperparameters.dampening"] = v => WithHyperparameters(h => h with { Dampening = v }),
        ["hyperparameters.weightDecay"] = v => WithHyperparameters(h => h with { WeightDecay = v }),
        ["hyperparameters.beta1"] = v => WithHyperparameters(h => h with { Optimizer = "adam", Momentum = null, Beta1 = v }),
        ["hyperparameters.beta2"] = v => WithHyperparameters(h => h with { Optimizer = "adam", Momentum = null, Beta2 = v }),
        ["hyperparameters.eps"] = v => WithHyperparameters(h => h with { Optimizer = "adamw", Momentum = null, Eps = v }),
        ["hyperparameters.alpha"] = v => WithHyperparameters(h => h with { Optimizer = "rmsprop", Alpha = v }),
        ["hyperparameters.gradientClipNorm"] = v => WithHyperparameters(h => h with { GradientClipNorm = v }),
        ["hyperparameters.labelSmoothing"] = v => WithHyperparameters(h => h with { LabelSmoothing = v }),
        ["hyperparameters.earlyStopping.minDelta"] = v => WithHyperparameters(h => h with { EarlyStopping = new("validation_loss", null, 3, v) }),
        ["hyperparameters.schedule.gamma"] = v => WithHyperparameters(h => h with { Schedule = new ScheduleSpec("step") { StepSize = 1, Gamma = v } }),
        ["hyperparameters.schedule.maxRate"] = v => WithHyperparameters(h => h with { Schedule = new ScheduleSpec("onecycle") { MaxRate = v } }),
        ["hyperparameters.schedule.pctStart"] = v => WithHyperparameters(h => h with { Schedule = new ScheduleSpec("onecycle") { PctStart = v } }),
        ["hyperparameters.schedule.divFactor"] = v => WithHyperparameters(h => h with { Schedule = new ScheduleSpec("onecycle") { DivFactor = v } }),
        ["hyperparameters.schedule.finalDivFactor"] = v => WithHyperparameters(h => h with { Schedule = new ScheduleSpec("onecycle") { FinalDivFactor = v } }),
        ["hyperparameters.schedule.minRate"] = v => WithHyperparameters(h => h with { Schedule = new ScheduleSpec("reduce_on_plateau") { MinRate = v } }),
        ["hyperparameters.schedule.factor"] = v => WithHyperparameters(h => h with { Schedule = new ScheduleSpec("reduce_on_plateau") { Factor = v } }),
        ["hyperparameters.schedule.threshold"] = v => WithHyperparameters(h => h with { Schedule = new ScheduleSpec("reduce_on_plateau") { Threshold = v } }),
        ["dataset.validationFraction"] = v => WithDataset(d => d with { ValidationFraction = v }),
        ["dataset.transforms.mean[0]"] = v => WithDataset(d => d with { Transforms = new InputTransformsSpec { Normalize = "custom", Mean = [(float)v], Std = [0.3f] } }),
        ["dataset.transforms.std[0]"] = v => WithDataset(d => d with { Transforms = new InputTransformsSpec { Normalize = "custom", Mean = [0.1f], Std = [(float)v] } }),
        ["dataset.transforms.train[0].p"] = v => WithDataset(d => d with { Transforms = new InputTransformsSpec { Train = [new TransformStepSpec("RandomHorizontalFlip", P: v)] } }),
        ["model.custom[1].negativeSlope"] = v => WithLayers(new("Conv2d", 6, 5), new("LeakyReLU", NegativeSlope: v), new("Flatten"), new("Linear", 10)),
        ["model.custom[1].p"] = v => WithLayers(new("Flatten"), new("Dropout", P: v), new("Linear", 10)),
    };

    public static TheoryData<string, double> NonFiniteAndAbsurdValues()
    {
        var data = new TheoryData<string, double>();
        foreach (var field in Fields.Keys)
        {
            foreach (var value in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308, -1e308 })
            {
                data.Add(field, value);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NonFiniteAndAbsurdValues))]
    public void A_number_that_is_not_finite_or_far_out_of_range_is_refused_naming_only_its_field(string field, double value)
    {
        var errors = _validator.Validate(Fields[field](value)).Errors;

        Assert.Equal([field], errors.Keys);
        Assert.StartsWith(field == GammaField ? "must be greater than 0 and at most 1." : "must be a finite number ", errors[field].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_field_of_the_table_passes_with_an_ordinary_value_so_the_refusals_above_are_about_the_number()
    {
        var ordinary = new Dictionary<string, double>
        {
            ["hyperparameters.learningRate"] = 0.1, ["hyperparameters.momentum"] = 0.5, ["hyperparameters.dampening"] = 0,
            ["hyperparameters.weightDecay"] = 1e-4, ["hyperparameters.beta1"] = 0.8, ["hyperparameters.beta2"] = 0.99,
            ["hyperparameters.eps"] = 1e-6, ["hyperparameters.alpha"] = 0.9, ["hyperparameters.gradientClipNorm"] = 5,
            ["hyperparameters.labelSmoothing"] = 0.1, ["hyperparameters.earlyStopping.minDelta"] = 0.001,
            ["hyperparameters.schedule.gamma"] = 0.5, ["hyperparameters.schedule.maxRate"] = 0.1, ["hyperparameters.schedule.pctStart"] = 0.25,
            ["hyperparameters.schedule.divFactor"] = 10, ["hyperparameters.schedule.finalDivFactor"] = 100,
            ["hyperparameters.schedule.minRate"] = 0.001, ["hyperparameters.schedule.factor"] = 0.5, ["hyperparameters.schedule.threshold"] = 0.01,
            ["dataset.validationFraction"] = 0.2, ["dataset.transforms.mean[0]"] = 0.5, ["dataset.transforms.std[0]"] = 0.25,
            ["dataset.transforms.train[0].p"] = 0.5, ["model.custom[1].negativeSlope"] = 0.2, ["model.custom[1].p"] = 0.3,
        };
        Assert.Equal(Fields.Keys.Order(), ordinary.Keys.Order());

        foreach (var (field, value) in ordinary)
        {
            var result = _validator.Validate(Fields[field](value));
            Assert.True(result.IsValid, $"{field} = {value}: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        }
    }

    [Theory]
    [InlineData("hyperparameters.weightDecay", 2.0, "must be a finite number between 0 and 1.")]
    [InlineData("hyperparameters.gradientClipNorm", 1e7, "must be a finite number greater than 0 and at most 1000000.")]
    [InlineData("hyperparameters.learningRate", 11.0, "must be a finite number greater than 0 and at most 10.")]
    [InlineData("hyperparameters.schedule.maxRate", 11.0, "must be a finite number greater than 0 and at most 10.")]
    [InlineData("hyperparameters.schedule.minRate", 0.06, "must be a finite number between 0 and 0.05.")]
    [InlineData("dataset.transforms.std[0]", 0.0, "must be a finite number between 0.001 and 10.")]
    public void A_reason_states_the_whole_range_the_field_accepts(string field, double value, string reason)
    {
        var errors = _validator.Validate(Fields[field](value)).Errors;

        Assert.Equal(reason, errors[field].Single());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(1001)]
    public void Early_stopping_patience_is_between_one_epoch_and_the_epoch_limit(int? patience)
    {
        var errors = _validator.Validate(WithHyperparameters(h => h with { EarlyStopping = new("validation_loss", null, patience, null) })).Errors;

        Assert.Equal("is required and must be between 1 and 1000 epochs.", errors["hyperparameters.earlyStopping.patience"].Single());
    }

    [Theory]
    [InlineData("kernel", "model.custom[0].kernel", "must be between 1 and 4096.")]
    [InlineData("stride", "model.custom[0].stride", "must be between 1 and 4096.")]
    [InlineData("dilation", "model.custom[0].dilation", "must be between 1 and 4096.")]
    [InlineData("padding", "model.custom[0].padding", "must be between 0 and 4096.")]
    [InlineData("pool", "model.custom[1].kernel", "must be between 1 and 4096.")]
    [InlineData("adaptive", "model.custom[1].size", "must be between 1 and 4096.")]
    public void Window_sizes_beyond_the_largest_image_are_refused_before_any_arithmetic_can_overflow(string member, string field, string reason)
    {
        const int huge = int.MaxValue;
        CustomLayerSpec[] layers = member switch
        {
            "kernel" => [new("Conv2d", 6, huge), new("Flatten"), new("Linear", 10)],
            "stride" => [new("Conv2d", 6, 5, Stride: huge), new("Flatten"), new("Linear", 10)],
            "dilation" => [new("Conv2d", 6, 5, Dilation: huge), new("Flatten"), new("Linear", 10)],
            "padding" => [new("Conv2d", 6, 5, Padding: huge), new("Flatten"), new("Linear", 10)],
            "pool" => [new("Conv2d", 6, 5), new("MaxPool2d", Kernel: huge), new("Flatten"), new("Linear", 10)],
            _ => [new("Conv2d", 6, 5), new("AdaptiveAvgPool2d", Size: [huge, huge]), new("Flatten"), new("Linear", 10)],
        };

        var errors = _validator.Validate(WithLayers(layers)).Errors;

        Assert.Equal(reason, Assert.Single(errors, e => e.Key == field).Value.First());
    }
}
