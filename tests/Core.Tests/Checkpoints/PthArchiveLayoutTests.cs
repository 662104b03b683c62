using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>The zip container exactly as torch.save lays it out.</summary>
public class PthArchiveLayoutTests
{
    private static readonly byte[] Archive = PthBytes.Write(SampleStateDicts.EveryTypeAndShape());

    [Fact]
    public void Entries_appear_in_torch_order_under_one_top_level_folder()
    {
        string[] expected =
        [
            "archive/data.pkl", "archive/.format_version", "archive/.storage_alignment", "archive/byteorder",
            .. Enumerable.Range(0, SampleStateDicts.EveryTypeAndShape().Count).Select(i => $"archive/data/{i}"),
            "archive/version", "archive/.data/serialization_id",
        ];

        Assert.Equal(expected, TestZipDirectory.Parse(Archive).Select(entry => entry.Name));
        using var zip = new ZipArchive(new MemoryStream(Archive), ZipArchiveMode.Read);
        Assert.Equal(expected, zip.Entries.Select(entry => entry.FullName));
    }

    [Fact]
    public void Every_entry_is_stored_uncompressed_with_its_data_aligned_to_64_bytes_by_an_FB_extra_field()
    {
        Assert.All(TestZipDirectory.Parse(Archive), entry =>
        {
            Assert.Equal(0, entry.Method);
            Assert.Equal(0, entry.DataOffset % 64);
            Assert.Equal(0x4246, entry.FirstExtraFieldId);
        });
    }

    [Fact]
    public void Every_entry_carries_the_crc32_of_its_data_and_dotnet_zip_reads_each_one_intact()
    {
        Assert.All(TestZipDirectory.Parse(Archive), entry =>
        {
            var data = Archive.AsSpan((int)entry.DataOffset, (int)entry.Size);
            Assert.Equal(Crc32.HashToUInt32(data), entry.Crc);
            Assert.Equal(data.ToArray(), PthBytes.Entry(Archive, entry.Name));
        });
    }

    [Theory]
    [InlineData("archive/.format_version", "1")]
    [InlineData("archive/.storage_alignment", "64")]
    [InlineData("archive/byteorder", "little")]
    [InlineData("archive/version", "3\n")]
    public void Marker_records_hold_the_values_torch_writes(string name, string content)
    {
        Assert.Equal(content, Encoding.ASCII.GetString(PthBytes.Entry(Archive, name)));
    }

    [Fact]
    public void The_serialization_id_is_forty_decimal_digits()
    {
        Assert.Matches("^[0-9]{40}$", Encoding.ASCII.GetString(PthBytes.Entry(Archive, "archive/.data/serialization_id")));
    }

    [Fact]
    public void Tensor_entries_hold_each_tensors_raw_bytes_in_key_order()
    {
        var tensors = SampleStateDicts.EveryTypeAndShape();

        for (var i = 0; i < tensors.Count; i++)
        {
            Assert.Equal(tensors[i].Data, PthBytes.Entry(Archive, $"archive/data/{i}"));
        }
    }

    [Fact]
    public void The_end_of_central_directory_counts_every_entry_and_points_at_the_directory()
    {
        var entries = TestZipDirectory.Parse(Archive);
        var end = Archive.AsSpan(Archive.Length - 22);
        var directoryOffset = BitConverter.ToUInt32(end[16..]);
        var directorySize = BitConverter.ToUInt32(end[12..]);

        Assert.Equal(entries.Count, (int)BitConverter.ToUInt16(end[8..]));
        Assert.Equal(entries[^1].DataOffset + entries[^1].Size, (long)directoryOffset);
        Assert.Equal(Archive.Length - 22L, (long)directoryOffset + directorySize);
    }
}
