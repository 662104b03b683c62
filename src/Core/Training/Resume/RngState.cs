using TrainingService.Core.Datasets.Transforms;
using static TorchSharp.torch;

namespace TrainingService.Core.Training.Resume;

/// <summary>
/// Every random generator a run draws from after it starts, as the uint8 state tensors
/// <c>torch.get_rng_state()</c> returns: libtorch's default CPU generator (dropout on the CPU) and each
/// augmentation step's own generator. The epoch order needs none: it is seeded per epoch. TorchSharp
/// 0.107 exposes no CUDA generator state, so a resumed GPU run's dropout masks differ from an
/// uninterrupted one's; GPU runs repeat only approximately anyway (non-deterministic kernels).
/// </summary>
public sealed record RngState(byte[] TorchCpu, IReadOnlyList<byte[]> Augmentation)
{
    public static RngState Capture(BatchTransformPipeline trainPipeline)
    {
        using var scope = NewDisposeScope();
        return new RngState(
            Bytes(random.get_rng_state()),
            trainPipeline.Generators.Select(generator => Bytes(generator.get_state())).ToList());
    }

    public void Restore(BatchTransformPipeline trainPipeline)
    {
        using var scope = NewDisposeScope();
        var generators = trainPipeline.Generators;
        if (generators.Count != Augmentation.Count)
        {
            throw new Checkpoints.InvalidCheckpointException(
                $"The training checkpoint holds {Augmentation.Count} augmentation generator state(s), but the job's pipeline has {generators.Count} random step(s).");
        }
        random.set_rng_state(tensor(TorchCpu, dtype: uint8));
        for (var index = 0; index < generators.Count; index++)
        {
            generators[index].set_state(tensor(Augmentation[index], dtype: uint8));
        }
    }

    private static byte[] Bytes(Tensor state) => state.cpu().data<byte>().ToArray();
}
