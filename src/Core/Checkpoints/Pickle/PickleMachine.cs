using System.Text;
using static TrainingService.Core.Checkpoints.Pickle.PickleOpcodes;

namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>
/// A pickle VM for exactly the opcodes torch.save emits with protocol 2 for a state dict or a training checkpoint
/// (nested dicts, lists, tuples, numbers, strings and tensors). Anything else, including the protocol-4 framing opcodes,
/// is rejected by name; the only callables it applies are the allow-listed ones, and it applies them itself.
/// </summary>
internal sealed class PickleMachine
{
    private readonly PickleStack stack = new();
    private readonly Dictionary<long, object?> memo = [];

    public object? Run(byte[] pickle)
    {
        var input = new PickleInput(pickle);
        while (true)
        {
            var offset = input.Position;
            var opcode = input.ReadByte();
            if (opcode == Stop)
            {
                return stack.PopFinal();
            }

            Execute(opcode, offset, input);
        }
    }

    private void Execute(byte opcode, int offset, PickleInput input)
    {
        switch (opcode)
        {
            case Proto: input.ReadByte(); break;
            case Global: stack.Push(TorchPickleAllowList.Resolve(input.ReadLine(), input.ReadLine())); break;
            case Mark: stack.Mark(); break;
            case EmptyTuple: stack.Push(PickleTuple.Empty); break;
            case PickleOpcodes.Tuple: stack.Push(new PickleTuple(stack.PopToMark())); break;
            case Tuple1: stack.Push(new PickleTuple(stack.PopMany(1))); break;
            case Tuple2: stack.Push(new PickleTuple(stack.PopMany(2))); break;
            case Tuple3: stack.Push(new PickleTuple(stack.PopMany(3))); break;
            case EmptyDict: stack.Push(new PickleDict(isOrderedDict: false)); break;
            case EmptyList: stack.Push(new PickleList()); break;
            case Append: AddToList(stack.PopMany(1)); break;
            case Appends: AddToList(stack.PopToMark()); break;
            case BinFloat: stack.Push(input.ReadFloat64BigEndian()); break;
            case None: stack.Push(null); break;
            case NewTrue: stack.Push(true); break;
            case NewFalse: stack.Push(false); break;
            case BinInt: stack.Push((long)input.ReadInt32()); break;
            case BinInt1: stack.Push((long)input.ReadByte()); break;
            case BinInt2: stack.Push((long)input.ReadUInt16()); break;
            case Long1: stack.Push(PickleIntegers.DecodeLong1(input.ReadBytes(input.ReadByte()))); break;
            case BinUnicode: stack.Push(Encoding.UTF8.GetString(input.ReadBytes(input.ReadInt32()))); break;
            case BinPut: memo[input.ReadByte()] = stack.Peek(); break;
            case LongBinPut: memo[(uint)input.ReadInt32()] = stack.Peek(); break;
            case BinGet: stack.Push(Recall(input.ReadByte())); break;
            case LongBinGet: stack.Push(Recall((uint)input.ReadInt32())); break;
            case BinPersId: stack.Push(TorchPickleAllowList.PersistentLoad(stack.Pop())); break;
            case Reduce: ApplyReduce(); break;
            case SetItem: AddToDict(stack.PopMany(2)); break;
            case SetItems: AddToDict(stack.PopToMark()); break;
            case Build: ApplyBuild(); break;
            default:
                throw new InvalidCheckpointException(
                    $"data.pkl has opcode 0x{opcode:x2} ('{PickleOpcodeNames.Describe(opcode)}') at byte {offset}, which a protocol-2 checkpoint never contains.");
        }
    }

    private object? Recall(long index) => memo.TryGetValue(index, out var value)
        ? value
        : throw new InvalidCheckpointException($"data.pkl reads memo slot {index} before writing it; the file is corrupt.");

    private void ApplyReduce()
    {
        var arguments = stack.Pop();
        stack.Push(TorchPickleAllowList.Reduce(stack.Pop(), arguments));
    }

    private void AddToList(IReadOnlyList<object?> items)
    {
        var target = stack.Peek() as PickleList
            ?? throw new InvalidCheckpointException($"data.pkl appends to {TorchPickleAllowList.Describe(stack.Peek())}; expected a list.");
        target.Items.AddRange(items);
    }

    private void AddToDict(IReadOnlyList<object?> keysAndValues)
    {
        var target = stack.Peek() as PickleDict
            ?? throw new InvalidCheckpointException($"data.pkl sets items on {TorchPickleAllowList.Describe(stack.Peek())}; expected a dict.");
        target.AddPairs(keysAndValues);
    }

    /// <summary>torch attaches <c>_metadata</c> (per-module versions) to the OrderedDict via BUILD; tensors do not depend on it.</summary>
    private void ApplyBuild()
    {
        var state = stack.Pop();
        if (stack.Peek() is not PickleDict)
        {
            throw new InvalidCheckpointException($"data.pkl applies BUILD with state {TorchPickleAllowList.Describe(state)} to something other than a dict.");
        }
    }
}
