namespace TrainingService.Core.Models.LeNet;

/// <summary>Registers the LeNet networks of the specification.</summary>
public static class LeNetFamily
{
    public static void Register(ModelRegistry registry)
    {
        registry.Register(new ModelDefinition(
            "lenet5",
            "LeNet",
            "LeNet-5 as published: tanh activations and average pooling; 28x28 digits are padded to 32x32.",
            new InputShape(1, 32, 32),
            10,
            options => new LeNet5(options.InputChannels, options.NumClasses)));
    }
}
