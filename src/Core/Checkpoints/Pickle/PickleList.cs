namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>A Python list on the unpickler's stack; mutable because APPEND and APPENDS fill it after EMPTY_LIST created it.</summary>
internal sealed class PickleList
{
    public List<object?> Items { get; } = [];
}
