using System.Text.Json;
using TrainingService.Web.Features.Compare;

namespace TrainingService.Web.Tests.Features.Compare;

public sealed class SpecDiffTests
{
    [Fact]
    public void Only_the_fields_that_differ_are_listed_by_dotted_path()
    {
        var differences = SpecDiff.Between([
            Spec("""{"name": "a", "model": {"name": "lenet5"}, "hyperparameters": {"learningRate": 0.1, "batchSize": 64, "seed": 42}}"""),
            Spec("""{"name": "b", "model": {"name": "lenet5"}, "hyperparameters": {"learningRate": 0.01, "batchSize": 64, "seed": 42}}"""),
        ]);

        Assert.Equal(["name", "hyperparameters.learningRate"], differences.Select(d => d.Path));
        Assert.Equal(["\"a\"", "\"b\""], differences[0].Values);
        Assert.Equal(["0.1", "0.01"], differences[1].Values);
    }

    [Fact]
    public void Identical_specs_have_no_differences()
    {
        const string json = """{"model": {"name": "lenet5", "numClasses": 10}, "dataset": {"transforms": {"train": []}}}""";

        Assert.Empty(SpecDiff.Between([Spec(json), Spec(json), Spec(json)]));
    }

    [Fact]
    public void A_field_one_spec_sets_and_another_leaves_out_differs_with_null_where_absent()
    {
        var differences = SpecDiff.Between([
            Spec("""{"hyperparameters": {"optimizer": "sgd"}}"""),
            Spec("""{"hyperparameters": {"optimizer": "sgd", "schedule": {"kind": "cosine", "warmupEpochs": 2}}}"""),
        ]);

        Assert.Equal(["hyperparameters.schedule.kind", "hyperparameters.schedule.warmupEpochs"], differences.Select(d => d.Path));
        Assert.Equal([null, "\"cosine\""], differences[0].Values);
    }

    [Fact]
    public void Lists_are_compared_item_by_item_down_to_the_changed_member()
    {
        var differences = SpecDiff.Between([
            Spec("""{"model": {"custom": [{"type": "Conv2d", "out": 6}, {"type": "ReLU"}]}}"""),
            Spec("""{"model": {"custom": [{"type": "Conv2d", "out": 16}, {"type": "ReLU"}, {"type": "Flatten"}]}}"""),
        ]);

        Assert.Equal(["model.custom[0].out", "model.custom[2].type"], differences.Select(d => d.Path));
        Assert.Equal(["6", "16"], differences[0].Values);
        Assert.Equal([null, "\"Flatten\""], differences[1].Values);
    }

    [Fact]
    public void An_empty_list_differs_from_a_filled_one_and_from_a_null()
    {
        var differences = SpecDiff.Between([
            Spec("""{"dataset": {"transforms": {"train": []}}}"""),
            Spec("""{"dataset": {"transforms": {"train": null}}}"""),
            Spec("""{"dataset": {"transforms": {"train": [{"type": "RandomHorizontalFlip"}]}}}"""),
        ]);

        Assert.Equal(["dataset.transforms.train", "dataset.transforms.train[0].type"], differences.Select(d => d.Path));
        Assert.Equal(["[]", "null", null], differences[0].Values);
    }

    [Fact]
    public void Numbers_differ_as_written_and_whitespace_never_does()
    {
        var differences = SpecDiff.Between([
            Spec("""{"a": 1,   "b": {"c": true}}"""),
            Spec("""{"a": 1.0, "b": { "c" : true }}"""),
        ]);

        Assert.Equal(["a"], differences.Select(d => d.Path));
    }

    private static JsonElement Spec(string json) => JsonDocument.Parse(json).RootElement;
}
