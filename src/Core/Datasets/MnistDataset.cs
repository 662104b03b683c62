namespace TrainingService.Core.Datasets;

/// <summary>
/// MNIST handwritten digits. SHA-256 values are of the uncompressed files; the gzip MD5 values and the
/// mirrors are torchvision's (pytorch/vision, torchvision/datasets/mnist.py, class MNIST, <c>resources</c>
/// and <c>mirrors</c>, read at commit 01977a187961243eaf66ead246fd92a5c6c7ccfc).
/// </summary>
public static class MnistDataset
{
    public const string Name = "mnist";

    private static string[] Mirrors =>
    [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "http://yann.lecun.com/exdb/mnist/",
    ];

    /// <summary>A fresh table entry per call, so no caller can alter another's arrays.</summary>
    public static IdxDatasetDefinition Definition => new(
        new DatasetInfo(
            Name,
            "MNIST",
            Channels: 1,
            Height: MnistLayout.Side,
            Width: MnistLayout.Side,
            ClassNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
            TrainCount: MnistLayout.TrainCount,
            TestCount: MnistLayout.TestCount,
            Mean: [0.1307f],
            Std: [0.3081f],
            Source: "Y. LeCun, C. Cortes, C. J. C. Burges, http://yann.lecun.com/exdb/mnist/"),
        MnistLayout.File(
            MnistLayout.TrainImages,
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            MnistLayout.ImagesSize(MnistLayout.TrainCount),
            "f68b3c2dcbeaaa9fbdd348bbdeb94873",
            Mirrors),
        MnistLayout.File(
            MnistLayout.TrainLabels,
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            MnistLayout.LabelsSize(MnistLayout.TrainCount),
            "d53e105ee54ea40749a09fcbcd1e9432",
            Mirrors),
        MnistLayout.File(
            MnistLayout.TestImages,
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            MnistLayout.ImagesSize(MnistLayout.TestCount),
            "9fb629c4189551a2d022fa330f9573f3",
            Mirrors),
        MnistLayout.File(
            MnistLayout.TestLabels,
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
            MnistLayout.LabelsSize(MnistLayout.TestCount),
            "ec29112dd5afa0611ce80d1b7f02629c",
            Mirrors));
}
