using System.Text.Json;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.Compare;

namespace TrainingService.Web.Tests.Features.Compare;

/// <summary>The input a job's network sees, as the Api's input pipeline makes it from the dataset and the transforms.</summary>
public sealed class NetworkSizeRequestTests
{
    private static readonly Guid Upload = Guid.Parse("0b7e0c2a-0000-4000-8000-000000000001");

    private static readonly DatasetListDto Datasets = new(
        [
            new DatasetShapeDto("mnist", 1, 28, 28, [.. Enumerable.Range(0, 10).Select(i => $"{i}")]),
            new DatasetShapeDto("cifar10", 3, 32, 32, [.. Enumerable.Range(0, 10).Select(i => $"c{i}")]),
        ],
        [new DatasetShapeDto("flowers", 3, 64, 48, ["daisy", "rose", "tulip"]) { Id = Upload }]);

    private static readonly ModelDto[] Zoo =
    [
        new("lenet5", "lenet", "1x32x32", 10, 61706, 416520),
        new("resnet18", "resnet", "3x224x224", 1000, 11689512, 1814083944),
    ];

    [Fact]
    public void Mnist_reaches_lenet_padded_to_its_32_by_32()
    {
        var request = For("""{"model": {"name": "lenet5", "numClasses": 10}, "dataset": {"name": "mnist"}}""");

        Assert.Equal(("lenet5", "1x32x32", 10), (request.Model, request.InputShape, request.NumClasses));
    }

    [Fact]
    public void A_zoo_model_far_from_the_dataset_size_sees_the_dataset_size()
    {
        var request = For("""{"model": {"name": "resnet18", "numClasses": 10}, "dataset": {"name": "cifar10"}}""");

        Assert.Equal("3x32x32", request.InputShape);
    }

    [Fact]
    public void Channels_resize_and_evaluation_padding_change_the_shape()
    {
        var request = For("""
            {"model": {"name": "resnet18", "numClasses": 10},
             "dataset": {"name": "mnist", "transforms": {"channels": 3, "resize": [64, 64], "eval": [{"type": "Pad", "padding": 2}],
                                                         "train": [{"type": "RandomCrop", "size": 68, "padding": 2}]}}}
            """);

        Assert.Equal("3x68x68", request.InputShape);
    }

    [Fact]
    public void An_upload_is_found_by_its_id_and_gives_its_classes_when_the_spec_does_not()
    {
        var request = For($$$"""{"model": {"name": "resnet18"}, "dataset": {"name": "imagefolder", "id": "{{{Upload}}}"}}""");

        Assert.Equal(("3x64x48", 3), (request.InputShape, request.NumClasses));
    }

    [Fact]
    public void A_custom_network_is_summarised_from_its_layers_at_the_dataset_size()
    {
        var request = For("""{"model": {"name": "custom", "custom": [{"type": "Flatten"}, {"type": "Linear", "out": 10}], "numClasses": 10}, "dataset": {"name": "mnist"}}""");

        Assert.Null(request.Model);
        Assert.Equal(2, request.CustomLayers!.Value.GetArrayLength());
        Assert.Equal("1x28x28", request.InputShape);
    }

    [Fact]
    public void A_synthetic_dataset_gives_its_own_shape()
    {
        var request = For("""{"model": {"name": "lenet5"}, "dataset": {"name": "synthetic", "synthetic": {"channels": 1, "height": 30, "width": 30, "numClasses": 4}}}""");

        Assert.Equal(("1x32x32", 4), (request.InputShape, request.NumClasses));
    }

    [Fact]
    public void A_dataset_the_api_does_not_list_gives_no_request_and_says_why()
    {
        var request = NetworkSizeRequest.For(JsonDocument.Parse("""{"model": {"name": "lenet5"}, "dataset": {"name": "gone"}}""").RootElement,
            Datasets, Zoo, out var reason);

        Assert.Null(request);
        Assert.Equal("the dataset gone is not one the Api lists", reason);
    }

    private static NetworkSizeRequest For(string spec)
    {
        var request = NetworkSizeRequest.For(JsonDocument.Parse(spec).RootElement, Datasets, Zoo, out var reason);
        Assert.True(request is not null, reason);
        return request;
    }
}
