namespace TrainingService.Contracts.Predictions;

/// <summary>
/// The top classes of one image (its file name when uploaded as a file), and, when the request asked for it
/// (<c>?includeInput=true</c>), the image as the network received it.
/// </summary>
public sealed record ImagePrediction(int Index, string? Name, IReadOnlyList<ClassProbability> Top)
{
    public NetworkInputImage? Input { get; init; }
}
