namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>The unpickler's value stack and MARK positions; underflow means a corrupt pickle, never an IndexOutOfRange.</summary>
internal sealed class PickleStack
{
    private readonly List<object?> items = [];
    private readonly Stack<int> marks = new();

    private int Floor => marks.Count == 0 ? 0 : marks.Peek();

    public void Push(object? value) => items.Add(value);

    public void Mark() => marks.Push(items.Count);

    public object? Peek()
    {
        Require(1);
        return items[^1];
    }

    public object? Pop() => PopMany(1)[0];

    public IReadOnlyList<object?> PopMany(int count)
    {
        Require(count);
        var popped = items.GetRange(items.Count - count, count);
        items.RemoveRange(items.Count - count, count);
        return popped;
    }

    public IReadOnlyList<object?> PopToMark()
    {
        if (marks.Count == 0)
        {
            throw new InvalidCheckpointException("data.pkl closes a MARK that was never opened; the file is corrupt.");
        }

        var popped = PopMany(items.Count - Floor);
        marks.Pop();
        return popped;
    }

    public object? PopFinal()
    {
        if (items.Count != 1 || marks.Count != 0)
        {
            throw new InvalidCheckpointException($"data.pkl stops with {items.Count} values and {marks.Count} open marks; expected exactly one value.");
        }

        return items[0];
    }

    private void Require(int count)
    {
        if (items.Count - Floor < count)
        {
            throw new InvalidCheckpointException($"data.pkl pops {count} values from a stack holding {items.Count - Floor}; the file is corrupt.");
        }
    }
}
