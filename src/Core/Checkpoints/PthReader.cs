namespace TrainingService.Core.Checkpoints;

/// <summary>
/// Reads state dicts saved by torch.save (and by <see cref="PthWriter"/>) without executing the pickle: the file must
/// hold a dict of tensors keyed by name, anything else is an <see cref="InvalidCheckpointException"/>.
/// For training checkpoints with more than weights in them, use <see cref="TorchObjectReader"/>.
/// </summary>
public sealed class PthReader
{
    private readonly TorchObjectReader reader = new();

    public IReadOnlyList<StateTensor> Read(Stream source) => reader.Read(source) is TorchDict dict
        ? dict.ToStateTensors()
        : throw new InvalidCheckpointException("data.pkl does not hold a dict; it is not a state dict.");
}
