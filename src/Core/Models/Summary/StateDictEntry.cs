namespace TrainingService.Core.Models.Summary;

/// <summary>One entry of a module's <c>state_dict()</c>: a parameter, or a buffer such as BatchNorm's <c>running_mean</c>.</summary>
public sealed record StateDictEntry(string Key, IReadOnlyList<long> Shape, bool IsBuffer);
