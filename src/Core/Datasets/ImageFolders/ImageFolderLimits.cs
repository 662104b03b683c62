using TrainingService.Core.Images;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>
/// Bounds on what an image-folder upload may cost the server: disk for the upload, memory for decoding
/// (a small file can declare a huge image, so sides are checked before anything is decoded) and the
/// size of the tensors kept. Bind it from configuration; the defaults suit CIFAR- to small-ImageNet-sized sets.
/// </summary>
public sealed class ImageFolderLimits
{
    /// <summary>Size of the zip as uploaded.</summary>
    public long MaxUploadBytes { get; set; } = 1L << 30;

    /// <summary>Entries in the zip, folders included.</summary>
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>Uncompressed size of one image file, which is read whole before decoding.</summary>
    public long MaxImageFileBytes { get; set; } = 32L << 20;

    /// <summary>Width and height of an image as stored in the upload, before any resize.</summary>
    public int MaxImageSide { get; set; } = 4096;

    /// <summary>Width x height of an image as stored in the upload, before any resize; it bounds the memory of decoding one.</summary>
    public long MaxImagePixels { get; set; } = 4096L * 4096;

    /// <summary>Pixels kept over all images (count x height x width after resizing), which bounds the tensors' memory.</summary>
    public long MaxTotalPixels { get; set; } = 300_000_000;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxUploadBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEntries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxImageFileBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxImageSide);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTotalPixels);
        Images.Validate();
    }

    /// <summary>The bounds the decoder checks each image's header against.</summary>
    public ImageLimits Images => new() { MaxSide = MaxImageSide, MaxPixels = MaxImagePixels };
}
