using TorchSharp;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.Cifar;

namespace TrainingService.Core.Tests.Datasets;

public sealed class CifarBinaryFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Each_record_becomes_its_label_and_a_3_by_32_by_32_image_of_its_red_green_and_blue_planes()
    {
        var path = folder.Write("data_batch_1.bin", CifarBytes.Records(6, 9));

        using var split = CifarBinaryFile.Read(path, expectedRecords: 2, classCount: 10);

        Assert.Equal([2L, 3, 32, 32], split.Images.shape);
        Assert.Equal([6L, 9], split.Labels.data<long>().ToArray());
        // Record 1, green plane (bytes 1024..2047), row 2, column 5: pixel index 1024 + 2 * 32 + 5.
        Assert.Equal(CifarBytes.Pixel(1, 1024 + 69), split.Images[1, 1, 2, 5].item<byte>());
        Assert.Equal(CifarBytes.Pixel(0, 3071), split.Images[0, 2, 31, 31].item<byte>());
    }

    [Fact]
    public void A_truncated_last_record_is_refused_with_the_file_name_and_the_leftover_bytes()
    {
        var bytes = CifarBytes.Records(1, 2);
        var path = folder.Write("data_batch_2.bin", bytes[..^100]);

        var error = Assert.Throws<InvalidDatasetFileException>(() => CifarBinaryFile.Read(path, null, 10));

        Assert.Equal("data_batch_2.bin", error.FileName);
        Assert.Contains("1 whole 3073-byte records and 2973 byte(s) of a truncated one", error.Message);
    }

    [Fact]
    public void A_label_of_10_or_more_is_refused_naming_the_record_and_the_label()
    {
        var path = folder.Write("test_batch.bin", CifarBytes.Records(3, 4, 10));

        var error = Assert.Throws<InvalidDatasetFileException>(() => CifarBinaryFile.Read(path, null, 10));

        Assert.Equal("test_batch.bin: record 2 has label 10, not one of the 10 classes", error.Message);
    }

    [Fact]
    public void An_official_file_must_hold_exactly_the_promised_record_count()
    {
        var path = folder.Write("data_batch_3.bin", CifarBytes.Records(1, 2, 3));

        var error = Assert.Throws<InvalidDatasetFileException>(() => CifarBinaryFile.Read(path, expectedRecords: 10_000, classCount: 10));

        Assert.Equal("data_batch_3.bin: holds 3 records, expected 10000", error.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var path = folder.Write("data_batch_4.bin", []);

        Assert.Throws<InvalidDatasetFileException>(() => CifarBinaryFile.Read(path, null, 10));
    }

    [Fact]
    public void Class_names_are_read_one_per_line_ignoring_blank_lines_and_must_match_the_dataset()
    {
        var path = folder.Write("batches.meta.txt", CifarBytes.Meta(CifarBytes.ClassNames.Reverse()));

        Assert.Equal(CifarBytes.ClassNames.Reverse(), CifarClassNames.Read(path));
        var error = Assert.Throws<InvalidDatasetFileException>(() => CifarClassNames.Check(path, CifarBytes.ClassNames));
        Assert.StartsWith("batches.meta.txt: lists the 10 classes [truck, ship,", error.Message);
    }
}
