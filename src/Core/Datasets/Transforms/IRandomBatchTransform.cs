using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Transforms;

/// <summary>A transform that draws from its own generator; a training checkpoint saves and restores that generator so a resumed run draws the same.</summary>
public interface IRandomBatchTransform : IBatchTransform
{
    Generator Generator { get; }
}
