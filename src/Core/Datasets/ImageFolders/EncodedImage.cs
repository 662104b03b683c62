using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.ImageFolders;

/// <summary>Decodes one PNG or JPEG into a uint8 [C, H, W] tensor with the given channels, resized bilinearly to the given size.</summary>
public static class EncodedImage
{
    /// <exception cref="InvalidDatasetUploadException">The bytes are not a decodable PNG or JPEG.</exception>
    public static Tensor Decode(string name, byte[] bytes, int channels, (int Height, int Width) size) =>
        ZipImage.Decode(name, bytes, channels, size);
}
