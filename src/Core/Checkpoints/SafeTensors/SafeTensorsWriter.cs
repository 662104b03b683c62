using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace TrainingService.Core.Checkpoints.SafeTensors;

/// <summary>
/// Writes the safetensors format byte for byte as the reference Rust crate serialises it: 8 bytes of little-endian header
/// length, the compact JSON header padded with spaces to a multiple of 8, then each tensor's little-endian bytes.
/// Tensors are ordered by descending alignment, then by name (ordinal), and the header lists <c>__metadata__</c> first,
/// then the tensors in data order. The crate keeps metadata in a hash map, whose order is arbitrary; here it is sorted
/// by key, so the same tensors and metadata always give the same bytes and the same SHA-256.
/// </summary>
public sealed class SafeTensorsWriter
{
    public void Write(Stream destination, IReadOnlyList<StateTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(tensors);
        var duplicate = tensors.GroupBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Tensor '{duplicate.Key}' appears more than once.", nameof(tensors));
        }
        if (tensors.Any(t => t.Key == SafeTensorsReader.MetadataKey))
        {
            throw new ArgumentException($"A tensor cannot be named '{SafeTensorsReader.MetadataKey}'.", nameof(tensors));
        }

        var ordered = tensors.OrderByDescending(t => SafeTensorsDtypes.AlignmentRank(t.Type))
            .ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        var header = Encoding.UTF8.GetBytes(Header(ordered, metadata));
        var padded = (header.Length + 7) / 8 * 8;
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        destination.Write(length);
        destination.Write(header);
        for (var i = header.Length; i < padded; i++)
        {
            destination.WriteByte((byte)' ');
        }
        foreach (var tensor in ordered)
        {
            destination.Write(tensor.Data);
        }
    }

    /// <summary>The file's bytes in memory.</summary>
    public byte[] ToBytes(IReadOnlyList<StateTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var buffer = new MemoryStream();
        Write(buffer, tensors, metadata);
        return buffer.ToArray();
    }

    private static string Header(IReadOnlyList<StateTensor> ordered, IReadOnlyDictionary<string, string>? metadata)
    {
        var json = new StringBuilder("{");
        var first = true;
        void Separate()
        {
            if (!first) json.Append(',');
            first = false;
        }

        if (metadata is not null)
        {
            Separate();
            AppendString(json, SafeTensorsReader.MetadataKey);
            json.Append(":{");
            var firstEntry = true;
            foreach (var (key, value) in metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (!firstEntry) json.Append(',');
                firstEntry = false;
                AppendString(json, key);
                json.Append(':');
                AppendString(json, value);
            }
            json.Append('}');
        }

        long offset = 0;
        foreach (var tensor in ordered)
        {
            Separate();
            AppendString(json, tensor.Key);
            json.Append(":{\"dtype\":");
            AppendString(json, SafeTensorsDtypes.Name(tensor.Type));
            json.Append(",\"shape\":[").AppendJoin(',', tensor.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
            var end = checked(offset + tensor.Data.LongLength);
            json.Append("],\"data_offsets\":[").Append(offset.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(end.ToString(CultureInfo.InvariantCulture)).Append("]}");
            offset = end;
        }
        return json.Append('}').ToString();
    }

    /// <summary>serde_json's escaping: quote, backslash and control characters only; everything else as raw UTF-8.</summary>
    private static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ': json.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }
        json.Append('"');
    }
}
