namespace TrainingService.Core.Checkpoints;

/// <summary>
/// Writes a state dict in the zip layout torch.save uses since PyTorch 1.6, so Python can run
/// <c>model.load_state_dict(torch.load(path, weights_only=True))</c> on it. The bytes are exactly those
/// <see cref="TorchObjectWriter"/> writes for the state dict's OrderedDict.
/// </summary>
public sealed class PthWriter(PthWriterOptions? options = null)
{
    private readonly TorchObjectWriter writer = new(options);

    public void Write(Stream destination, IReadOnlyList<StateTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(tensors);
        writer.Write(destination, TorchDict.FromStateTensors(tensors));
    }
}
