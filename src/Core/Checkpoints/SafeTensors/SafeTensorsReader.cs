using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace TrainingService.Core.Checkpoints.SafeTensors;

/// <summary>
/// Reads a safetensors file as strictly as the reference crate: the header length must fit in the file, the header must
/// be a JSON object of tensor entries (and an optional <c>__metadata__</c> of strings), and the tensors' data offsets
/// must tile the data section exactly, in order, each as long as its dtype and shape require. Anything else is an
/// <see cref="InvalidCheckpointException"/> that says what is wrong; nothing in the file is trusted for an allocation
/// before it has been checked against the file's length.
/// </summary>
public sealed class SafeTensorsReader
{
    public const string MetadataKey = "__metadata__";

    /// <summary>The reference crate's limit on the header.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    public SafeTensorsFile Read(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.CanSeek)
        {
            // Lengths in the header are checked against the file's own; a forward-only stream is buffered to know it.
            using var buffered = new MemoryStream();
            source.CopyTo(buffered);
            buffered.Position = 0;
            return Read(buffered);
        }

        var available = source.Length - source.Position;
        if (available < 8)
        {
            throw new InvalidCheckpointException($"A safetensors file starts with an 8-byte header length; this one has {available} bytes.");
        }
        Span<byte> prefix = stackalloc byte[8];
        source.ReadExactly(prefix);
        var declared = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (declared > (ulong)MaxHeaderBytes)
        {
            throw new InvalidCheckpointException($"The header length {declared} is over the limit of {MaxHeaderBytes} bytes.");
        }
        if ((long)declared > available - 8)
        {
            throw new InvalidCheckpointException($"The header length {declared} runs past the end of the file ({available - 8} bytes follow the length).");
        }

        var headerBytes = new byte[(int)declared];
        source.ReadExactly(headerBytes);
        var entries = ParseHeader(headerBytes, out var metadata);
        var dataLength = available - 8 - (long)declared;
        var tensors = new List<StateTensor>(entries.Count);
        long expectedStart = 0;
        foreach (var entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (entry.Begin != expectedStart)
            {
                throw new InvalidCheckpointException(entry.Begin < expectedStart
                    ? $"Tensor '{entry.Name}' starts at {entry.Begin}, inside the tensor before it (which ends at {expectedStart})."
                    : $"Tensor '{entry.Name}' starts at {entry.Begin}, leaving a gap after {expectedStart}; offsets must tile the data.");
            }
            if (entry.End > dataLength)
            {
                throw new InvalidCheckpointException($"Tensor '{entry.Name}' ends at {entry.End}, past the {dataLength} bytes of data.");
            }

            var data = new byte[entry.End - entry.Begin];
            source.ReadExactly(data);
            tensors.Add(new StateTensor(entry.Name, entry.Type, entry.Shape, data));
            expectedStart = entry.End;
        }
        if (expectedStart != dataLength)
        {
            throw new InvalidCheckpointException($"The tensors cover {expectedStart} bytes of data but the file has {dataLength}.");
        }

        return new SafeTensorsFile(tensors, metadata);
    }

    private sealed record Entry(string Name, StateTensorType Type, long[] Shape, long Begin, long End);

    private static List<Entry> ParseHeader(byte[] header, out IReadOnlyDictionary<string, string> metadata)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(header);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidCheckpointException("The header is not valid UTF-8.", ex);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text.TrimEnd(' '), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            throw new InvalidCheckpointException($"The header is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidCheckpointException($"The header must be a JSON object, not {document.RootElement.ValueKind}.");
            }

            var entries = new List<Entry>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            var strings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!names.Add(property.Name))
                {
                    throw new InvalidCheckpointException($"The header names '{property.Name}' twice.");
                }
                if (property.Name == MetadataKey)
                {
                    strings = Metadata(property.Value);
                    continue;
                }
                entries.Add(ParseEntry(property.Name, property.Value));
            }
            metadata = strings;
            return entries;
        }
    }

    private static Dictionary<string, string> Metadata(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidCheckpointException($"{MetadataKey} must be an object of strings, not {value.ValueKind}.");
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                throw new InvalidCheckpointException($"{MetadataKey}.{item.Name} must be a string, not {item.Value.ValueKind}.");
            }
            if (!result.TryAdd(item.Name, item.Value.GetString()!))
            {
                throw new InvalidCheckpointException($"{MetadataKey} names '{item.Name}' twice.");
            }
        }
        return result;
    }

    private static Entry ParseEntry(string name, JsonElement value)
    {
        if (name.Length == 0)
        {
            throw new InvalidCheckpointException("A tensor has an empty name.");
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidCheckpointException($"Tensor '{name}' must be described by an object, not {value.ValueKind}.");
        }
        if (!value.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String)
        {
            throw new InvalidCheckpointException($"Tensor '{name}' has no dtype string.");
        }
        if (!SafeTensorsDtypes.TryParse(dtype.GetString()!, out var type))
        {
            throw new InvalidCheckpointException($"Tensor '{name}' has dtype '{dtype.GetString()}', which is unknown or not supported " +
                "(F64, F32, F16, BF16, I64, I32, U8 and BOOL are).");
        }

        var shape = Integers(name, value, "shape", minCount: 0, maxCount: 64);
        var offsets = Integers(name, value, "data_offsets", minCount: 2, maxCount: 2);
        var (begin, end) = (offsets[0], offsets[1]);
        if (end < begin)
        {
            throw new InvalidCheckpointException($"Tensor '{name}' has data_offsets [{begin}, {end}], which end before they begin.");
        }

        long expected;
        try
        {
            expected = checked(TensorLayout.CountElements(shape) * type.ElementSize());
        }
        catch (OverflowException ex)
        {
            throw new InvalidCheckpointException($"Tensor '{name}' has shape [{string.Join(", ", shape)}], whose size overflows.", ex);
        }
        if (end - begin != expected)
        {
            throw new InvalidCheckpointException(
                $"Tensor '{name}' of dtype {dtype.GetString()} and shape [{string.Join(", ", shape)}] needs {expected} bytes, but its data_offsets span {end - begin}.");
        }
        if (expected > Array.MaxLength)
        {
            throw new InvalidCheckpointException($"Tensor '{name}' has {expected} bytes, more than one array can hold.");
        }
        return new Entry(name, type, shape, begin, end);
    }

    private static long[] Integers(string name, JsonElement value, string field, int minCount, int maxCount)
    {
        if (!value.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidCheckpointException($"Tensor '{name}' has no {field} array.");
        }
        var count = array.GetArrayLength();
        if (count < minCount || count > maxCount)
        {
            throw new InvalidCheckpointException(minCount == maxCount
                ? $"Tensor '{name}' has {count} {field} values; it needs {minCount}."
                : $"Tensor '{name}' has {count} {field} values; at most {maxCount} are allowed.");
        }
        var result = new long[count];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var number) || number < 0)
            {
                throw new InvalidCheckpointException($"Tensor '{name}' has {field} value {item.GetRawText()}, which is not a non-negative integer.");
            }
            result[i++] = number;
        }
        return result;
    }
}
