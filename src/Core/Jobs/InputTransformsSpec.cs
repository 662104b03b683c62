namespace TrainingService.Core.Jobs;

/// <summary>
/// Explicit adaptation of a dataset's images to a network's input, applied to every split:
/// bilinear resize to <c>[height, width]</c>, and grey replicated to 3 channels.
/// </summary>
public sealed record InputTransformsSpec(IReadOnlyList<int>? Resize = null, int? Channels = null);
