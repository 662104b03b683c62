namespace TrainingService.Core.Datasets;

/// <summary>
/// Zalando's Fashion-MNIST. No SHA-256 of the uncompressed files is published and none was available
/// to compute, so files are verified by the MD5 of the gzip downloads that torchvision lists
/// (pytorch/vision, torchvision/datasets/mnist.py, class FashionMNIST, <c>resources</c> and
/// <c>mirrors</c>, read at commit 01977a187961243eaf66ead246fd92a5c6c7ccfc).
/// </summary>
public static class FashionMnistDataset
{
    public const string Name = "fashion-mnist";

    private static string[] Mirrors => ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"];

    /// <summary>A fresh table entry per call, so no caller can alter another's arrays.</summary>
    public static IdxDatasetDefinition Definition => new(
        new DatasetInfo(
            Name,
            "Fashion-MNIST",
            Channels: 1,
            Height: MnistLayout.Side,
            Width: MnistLayout.Side,
            ClassNames:
            [
                "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
            ],
            TrainCount: MnistLayout.TrainCount,
            TestCount: MnistLayout.TestCount,
            Mean: [0.2860f],
            Std: [0.3530f],
            Source: "Zalando Research, https://github.com/zalandoresearch/fashion-mnist (MIT License)"),
        MnistLayout.File(
            MnistLayout.TrainImages, null, MnistLayout.ImagesSize(MnistLayout.TrainCount),
            "8d4fb7e6c68d591d4c3dfef9ec88bf0d", Mirrors),
        MnistLayout.File(
            MnistLayout.TrainLabels, null, MnistLayout.LabelsSize(MnistLayout.TrainCount),
            "25c81989df183df01b3e8a0aad5dffbe", Mirrors),
        MnistLayout.File(
            MnistLayout.TestImages, null, MnistLayout.ImagesSize(MnistLayout.TestCount),
            "bef4ecab320f06d8554ea6380940ec79", Mirrors),
        MnistLayout.File(
            MnistLayout.TestLabels, null, MnistLayout.LabelsSize(MnistLayout.TestCount),
            "bb300cfdad3c16e7a12a480ee83cd310", Mirrors));
}
