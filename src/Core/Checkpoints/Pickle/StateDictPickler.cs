namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>
/// Produces data.pkl the way torch.save pickles an OrderedDict of tensors with protocol 2,
/// minus the optional memo opcodes and the optional <c>_metadata</c> attribute.
/// </summary>
internal static class StateDictPickler
{
    /// <summary>CPython's pickler flushes dict items in batches of this size (pickle._BATCHSIZE).</summary>
    private const int SetItemsBatchSize = 1000;

    public static byte[] Pickle(IReadOnlyList<StateTensor> tensors)
    {
        var writer = new PickleWriter();
        writer.Proto2();
        EmptyOrderedDict(writer);
        foreach (var batch in tensors.Select((tensor, index) => (tensor, index)).Chunk(SetItemsBatchSize))
        {
            if (batch.Length > 1)
            {
                writer.Op(PickleOpcodes.Mark);
            }

            foreach (var (tensor, index) in batch)
            {
                writer.Unicode(tensor.Key);
                Tensor(writer, tensor, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            writer.Op(batch.Length > 1 ? PickleOpcodes.SetItems : PickleOpcodes.SetItem);
        }

        writer.Op(PickleOpcodes.Stop);
        return writer.ToArray();
    }

    private static void Tensor(PickleWriter writer, StateTensor tensor, string storageKey)
    {
        writer.Global("torch._utils", "_rebuild_tensor_v2");
        writer.Op(PickleOpcodes.Mark);
        Storage(writer, tensor, storageKey);
        writer.Int(0);
        writer.IntTuple(tensor.Shape);
        writer.IntTuple(TensorStrides.RowMajor(tensor.Shape));
        writer.Op(PickleOpcodes.NewFalse);
        EmptyOrderedDict(writer);
        writer.Op(PickleOpcodes.Tuple);
        writer.Op(PickleOpcodes.Reduce);
    }

    private static void Storage(PickleWriter writer, StateTensor tensor, string storageKey)
    {
        writer.Op(PickleOpcodes.Mark);
        writer.Unicode("storage");
        writer.Global("torch", tensor.Type.StorageClassName());
        writer.Unicode(storageKey);
        writer.Unicode("cpu");
        writer.Int(tensor.ElementCount);
        writer.Op(PickleOpcodes.Tuple);
        writer.Op(PickleOpcodes.BinPersId);
    }

    private static void EmptyOrderedDict(PickleWriter writer)
    {
        writer.Global("collections", "OrderedDict");
        writer.Op(PickleOpcodes.EmptyTuple);
        writer.Op(PickleOpcodes.Reduce);
    }
}
