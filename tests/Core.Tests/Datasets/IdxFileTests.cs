using TrainingService.Core.Datasets;

namespace TrainingService.Core.Tests.Datasets;

public class IdxFileTests
{
    [Fact]
    public void Reading_an_image_file_returns_its_sizes_and_pixels_in_file_order()
    {
        var bytes = IdxBytes.Build(0x00000803, [2, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

        var images = IdxFile.ReadImages(new MemoryStream(bytes), "images");

        Assert.Equal((2, 2, 3), (images.Count, images.Rows, images.Columns));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (byte)i), images.Pixels);
    }

    [Fact]
    public void Reading_a_label_file_returns_the_labels_in_file_order()
    {
        var labels = IdxFile.ReadLabels(new MemoryStream(IdxBytes.Labels(7, 0, 9)), "labels");

        Assert.Equal(new byte[] { 7, 0, 9 }, labels);
    }

    [Fact]
    public void Reading_an_image_file_with_a_wrong_magic_number_names_the_file_and_the_magic()
    {
        var error = Assert.Throws<InvalidDatasetFileException>(
            () => IdxFile.ReadImages(new MemoryStream(IdxBytes.Labels(1, 2)), "train-images-idx3-ubyte"));

        Assert.StartsWith(
            "train-images-idx3-ubyte: expected magic 0x00000803 (images), found 0x00000801", error.Message);
        Assert.Equal("train-images-idx3-ubyte", error.FileName);
    }

    [Fact]
    public void Reading_a_file_of_another_element_type_is_rejected_as_not_unsigned_byte_idx()
    {
        var floats = IdxBytes.Build(0x00000D01, [1], [0, 0, 0, 0]);

        var error = Assert.Throws<InvalidDatasetFileException>(
            () => IdxFile.ReadLabels(new MemoryStream(floats), "labels"));

        Assert.Contains("found 0x00000D01: not an unsigned-byte IDX file", error.Message);
    }

    [Fact]
    public void Reading_an_image_file_with_two_dimensions_says_images_need_three()
    {
        var twoDimensional = IdxBytes.Build(0x00000802, [2, 2], [0, 0, 0, 0]);

        var error = Assert.Throws<InvalidDatasetFileException>(
            () => IdxFile.ReadImages(new MemoryStream(twoDimensional), "images"));

        Assert.Contains("the file has 2 dimension(s), images need 3", error.Message);
    }
}
