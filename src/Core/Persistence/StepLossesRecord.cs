namespace TrainingService.Core.Persistence;

/// <summary>
/// The training loss of every step of one epoch, as little-endian float32s: a 100-epoch CIFAR-10
/// run's 150,000 steps take 600 kB in 100 rows instead of 150,000.
/// </summary>
public sealed class StepLossesRecord
{
    public Guid JobId { get; set; }
    public int Epoch { get; set; }

    /// <summary>The run-wide index of the epoch's first step.</summary>
    public long FirstStep { get; set; }

    public required byte[] Losses { get; set; }

    public static byte[] Pack(float[] losses)
    {
        var bytes = new byte[losses.Length * sizeof(float)];
        Buffer.BlockCopy(losses, 0, bytes, 0, bytes.Length);
        return BitConverter.IsLittleEndian ? bytes : throw new PlatformNotSupportedException("Step losses are stored little-endian.");
    }

    public float[] Unpack()
    {
        var losses = new float[Losses.Length / sizeof(float)];
        Buffer.BlockCopy(Losses, 0, losses, 0, Losses.Length);
        return losses;
    }
}
