namespace TrainingService.TrainingComparison;

/// <summary>
/// What both sides share for one model: batch, batches per epoch, SGD with momentum at one rate, the seed of weights
/// and data, and how many interleaved epochs are timed after one warm-up epoch each.
/// </summary>
/// <param name="Threads">Intra-op threads given to PyTorch; our process is set once at start-up by the caller.</param>
/// <param name="RequireOpenBlas">Refuse a PyTorch that runs on the reference BLAS, whose Linear layers are several times slower.</param>
/// <param name="OtherLayoutVariant">Also time our network in the other memory layout (NCHW for the networks <c>ChannelsLastRule</c> puts in NHWC, NHWC for the rest).</param>
/// <param name="Phases">After the timed epochs, one more epoch per side with data, forward, backward and step timed apart.</param>
/// <param name="Device">Where both sides train: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</param>
/// <param name="TensorFloat32">On CUDA, whether the peer allows TF32 as our process was set at start-up.</param>
public sealed record ComparisonSettings(
    int Threads,
    int BatchSize = 64,
    int Batches = 20,
    int Repeats = 5,
    long Seed = 42,
    double LearningRate = 0.05,
    double Momentum = 0.9,
    bool RequireOpenBlas = true,
    bool Phases = false,
    bool OtherLayoutVariant = false,
    string Device = "cpu",
    bool TensorFloat32 = true)
{
    public bool OnGpu => Device.StartsWith("cuda", StringComparison.Ordinal);
}
