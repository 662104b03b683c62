namespace TrainingService.Core.Tests.Torch;

/// <summary>Tests that change libtorch's process-wide settings run alone, so no other test trains under them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideLibTorchCollection
{
    public const string Name = "Process-wide libtorch settings";
}
