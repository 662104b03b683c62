namespace TrainingService.Contracts.Predictions;

/// <summary>
/// One image after the job's evaluation pipeline (padding, resizing, channel replication, normalisation): the float
/// tensor the network's first layer reads, as a PNG (base64 in JSON) whose black is <see cref="Minimum"/> and whose white
/// is <see cref="Maximum"/>, linearly between; one channel is grey, three are RGB.
/// </summary>
public sealed record NetworkInputImage(int Channels, int Height, int Width, double Minimum, double Maximum, byte[] Png);
