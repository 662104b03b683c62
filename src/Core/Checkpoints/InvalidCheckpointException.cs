namespace TrainingService.Core.Checkpoints;

/// <summary>A checkpoint file is truncated, corrupt, or uses a construct this reader deliberately does not execute.</summary>
public sealed class InvalidCheckpointException : Exception
{
    public InvalidCheckpointException()
    {
    }

    public InvalidCheckpointException(string message)
        : base(message)
    {
    }

    public InvalidCheckpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
