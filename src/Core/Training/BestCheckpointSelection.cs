namespace TrainingService.Core.Training;

/// <summary>
/// Keeps track of the epoch with the highest selection score (validation accuracy, or training
/// accuracy when no validation split is held out). Ties keep the earlier epoch.
/// </summary>
public sealed class BestCheckpointSelection
{
    private double _bestScore = double.NegativeInfinity;

    public int BestEpoch { get; private set; }

    /// <summary>Returns true when this epoch becomes the best so far.</summary>
    public bool Offer(int epoch, double score)
    {
        if (BestEpoch != 0 && !(score > _bestScore))
        {
            return false;
        }
        _bestScore = score;
        BestEpoch = epoch;
        return true;
    }
}
