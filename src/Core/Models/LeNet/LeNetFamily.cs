using TrainingService.Core.Models.Architecture;
using static TrainingService.Core.Models.Architecture.ChainStep;
using static TrainingService.Core.Models.Layers;

namespace TrainingService.Core.Models.LeNet;

/// <summary>The LeNet networks of the specification; each takes its input channels from the dataset.</summary>
internal static class LeNetFamily
{
    private const string Family = "LeNet";

    public static void Register(ModelRegistry registry)
    {
        registry.Register(new ModelDefinition("lenet5", Family,
            "LeNet-5 as published: tanh activations and average pooling; 28x28 digits are padded to 32x32.",
            new InputShape(1, 32, 32), 10, options => Network("lenet5", LeNet5(options), options, 32)));
        registry.Register(new ModelDefinition("lenet5-d2l", Family,
            "The d2l.ai LeNet: one nn.Sequential with sigmoid activations, on 28x28 images.",
            new InputShape(1, 28, 28), 10, options => Network("lenet5-d2l", D2l(options), options, 28)));
        registry.Register(new ModelDefinition("lenet5-relu", Family,
            "LeNet-5 with ReLU, max pooling after C1 and a C5 convolution in place of the first linear layer.",
            new InputShape(1, 32, 32), 10, options => Network("lenet5-relu", WithC5(options), options, 32)));
        registry.Register(new ModelDefinition("lenet-book", Family,
            "The textbook LeNet without activations: 3x3 first convolution, max pooling, three linear layers.",
            new InputShape(1, 28, 28), 10, options => Network("lenet-book", Book(options), options, 28)));
    }

    private static NetworkSpec Network(string name, ModuleSpec root, ModelBuildOptions options, int size) =>
        new(name, root, new InputShape(options.InputChannels, size, size));

    private static ChainSpec LeNet5(ModelBuildOptions options) => new("LeNet5",
    [
        Child("conv1", new Conv2dSpec(options.InputChannels, 6, 5)), Functional(Tanh), Child("pool1", new AvgPool2dSpec(2, 2)),
        Child("conv2", new Conv2dSpec(6, 16, 5)), Functional(Tanh), Child("pool2", new AvgPool2dSpec(2, 2)),
        Functional(Flatten),
        Child("fc1", new LinearSpec(400, 120)), Functional(Tanh),
        Child("fc2", new LinearSpec(120, 84)), Functional(Tanh),
        Child("fc3", new LinearSpec(84, options.NumClasses)),
    ]);

    private static SequentialSpec D2l(ModelBuildOptions options) => new(
        new Conv2dSpec(options.InputChannels, 6, 5, Padding: 2), Sigmoid, new AvgPool2dSpec(2, 2),
        new Conv2dSpec(6, 16, 5), Sigmoid, new AvgPool2dSpec(2, 2),
        Flatten, new LinearSpec(400, 120), Sigmoid, new LinearSpec(120, 84), Sigmoid, new LinearSpec(84, options.NumClasses));

    private static ChainSpec WithC5(ModelBuildOptions options) => new("LeNet5",
    [
        Child("conv1", new Conv2dSpec(options.InputChannels, 6, 5)), Functional(ReLU), Child("pool2", MaxPool(2, 2)),
        Child("conv3", new Conv2dSpec(6, 16, 5)), Functional(ReLU), Child("pool4", new AvgPool2dSpec(2, 2)),
        Child("conv5", new Conv2dSpec(16, 120, 5)), Functional(ReLU), Functional(Flatten),
        Child("linear6", new LinearSpec(120, 84)), Functional(ReLU),
        Child("linear7", new LinearSpec(84, options.NumClasses)),
    ]);

    private static ChainSpec Book(ModelBuildOptions options) => new("LeNet",
    [
        Child("layer1", new NamedSequentialSpec(("conv1", new Conv2dSpec(options.InputChannels, 6, 3, Padding: 1)), ("pool1", MaxPool(2, 2)))),
        Child("layer2", new NamedSequentialSpec(("conv2", new Conv2dSpec(6, 16, 5)), ("pool2", MaxPool(2, 2)))),
        Functional(Flatten),
        Child("layer3", new NamedSequentialSpec(
            ("fc1", new LinearSpec(400, 120)), ("fc2", new LinearSpec(120, 84)), ("fc3", new LinearSpec(84, options.NumClasses)))),
    ]);
}
