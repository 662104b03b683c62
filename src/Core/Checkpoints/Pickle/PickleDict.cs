namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>A dict or OrderedDict; insertion order is kept because a state dict's order is its registration order.</summary>
internal sealed class PickleDict(bool isOrderedDict)
{
    public bool IsOrderedDict { get; } = isOrderedDict;

    public List<KeyValuePair<object?, object?>> Items { get; } = [];

    /// <summary>SETITEM and SETITEMS both hand over a flat key, value, key, value... run.</summary>
    public void AddPairs(IReadOnlyList<object?> keysAndValues)
    {
        if (keysAndValues.Count % 2 != 0)
        {
            throw new InvalidCheckpointException($"data.pkl sets {keysAndValues.Count} values on a dict; expected key/value pairs.");
        }

        for (var i = 0; i < keysAndValues.Count; i += 2)
        {
            Items.Add(new KeyValuePair<object?, object?>(keysAndValues[i], keysAndValues[i + 1]));
        }
    }
}
