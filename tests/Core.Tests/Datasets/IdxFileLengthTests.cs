using TrainingService.Core.Datasets;

namespace TrainingService.Core.Tests.Datasets;

public class IdxFileLengthTests
{
    [Fact]
    public void Reading_a_truncated_label_file_says_how_many_labels_the_header_promised_and_the_file_holds()
    {
        var truncated = IdxBytes.Labels(new byte[10])[..^2];

        var error = Assert.Throws<InvalidDatasetFileException>(
            () => IdxFile.ReadLabels(new MemoryStream(truncated), "t10k-labels-idx1-ubyte"));

        Assert.Equal("t10k-labels-idx1-ubyte: header says 10 labels but the file holds 8", error.Message);
    }

    [Fact]
    public void Reading_a_truncated_image_file_counts_whole_images_and_leftover_bytes()
    {
        var truncated = IdxBytes.Images(3, 2, 2)[..^5];

        var error = Assert.Throws<InvalidDatasetFileException>(
            () => IdxFile.ReadImages(new MemoryStream(truncated), "images"));

        Assert.Equal("images: header says 3 images of 2x2 but the file holds 1 and 3 bytes", error.Message);
    }

    [Fact]
    public void Reading_a_file_with_bytes_after_the_declared_data_is_rejected()
    {
        byte[] withTrailing = [.. IdxBytes.Labels(1, 2, 3), 0, 0];

        var error = Assert.Throws<InvalidDatasetFileException>(
            () => IdxFile.ReadLabels(new MemoryStream(withTrailing), "labels"));

        Assert.Equal("labels: 2 unexpected byte(s) follow the 3 labels the header declares", error.Message);
    }

    [Fact]
    public void Reading_a_file_that_ends_inside_the_header_is_rejected()
    {
        var error = Assert.Throws<InvalidDatasetFileException>(
            () => IdxFile.ReadImages(new MemoryStream(IdxBytes.Images(1, 1, 1)[..10]), "images"));

        Assert.Equal("images: file ends inside the header, before dimension 1", error.Message);
    }

    [Fact]
    public void Reading_an_image_file_with_zero_rows_is_rejected()
    {
        var error = Assert.Throws<InvalidDatasetFileException>(
            () => IdxFile.ReadImages(new MemoryStream(IdxBytes.Build(0x00000803, [1, 0, 28], [])), "images"));

        Assert.Equal("images: header gives dimension 1 a size of 0", error.Message);
    }
}
