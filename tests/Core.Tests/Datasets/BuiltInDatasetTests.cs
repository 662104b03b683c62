using TrainingService.Core.Datasets;

namespace TrainingService.Core.Tests.Datasets;

public class BuiltInDatasetTests
{
    [Fact]
    public void Mnist_is_ten_digit_classes_of_28_by_28_grey_images_normalized_with_its_published_statistics()
    {
        var info = MnistDataset.Definition.Info;

        Assert.Equal(("mnist", 1, 28, 28, 60_000, 10_000), (info.Name, info.Channels, info.Height, info.Width, info.TrainCount, info.TestCount));
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], info.ClassNames);
        Assert.Equal((0.1307f, 0.3081f), (info.Mean.Single(), info.Std.Single()));
    }

    [Fact]
    public void Mnist_files_carry_the_sha256_and_size_of_the_uncompressed_files_and_two_mirrors()
    {
        var definition = MnistDataset.Definition;
        DatasetFile[] files = [definition.TrainImages, definition.TrainLabels, definition.TestImages, definition.TestLabels];

        Assert.Equal([47_040_016L, 60_008L, 7_840_016L, 10_008L], files.Select(f => f.Size));
        Assert.Equal("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", definition.TrainImages.Sha256);
        Assert.Equal(
            ["https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz",
             "http://yann.lecun.com/exdb/mnist/t10k-labels-idx1-ubyte.gz"],
            definition.TestLabels.Urls);
    }

    [Fact]
    public void Fashion_mnist_files_are_verified_by_the_md5_of_their_gzip_as_no_sha256_is_published()
    {
        var definition = FashionMnistDataset.Definition;
        DatasetFile[] files = [definition.TrainImages, definition.TrainLabels, definition.TestImages, definition.TestLabels];

        Assert.All(files, f => Assert.Null(f.Sha256));
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{32}$", f.GzipMd5));
        Assert.Equal([47_040_016L, 60_008L, 7_840_016L, 10_008L], files.Select(f => f.Size));
        Assert.Equal(
            ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-images-idx3-ubyte.gz"],
            definition.TrainImages.Urls);
    }

    [Fact]
    public void Fashion_mnist_names_its_ten_clothing_classes_in_label_order()
    {
        var info = FashionMnistDataset.Definition.Info;

        Assert.Equal(
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
            info.ClassNames);
        Assert.Equal((0.2860f, 0.3530f), (info.Mean.Single(), info.Std.Single()));
    }

    [Fact]
    public void A_dataset_file_without_any_checksum_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new DatasetFile("labels", null, 8, []));

        Assert.Contains("a SHA-256 or a gzip MD5 is required", error.Message);
    }
}
