using TrainingService.Core.Datasets;
using TrainingService.Core.Images;
using static TorchSharp.torch;

namespace TrainingService.Api.Apis.Jobs.Prediction;

/// <summary>
/// Reads the images of a prediction request into one uint8 [N, C, H, W] tensor in the dataset's channels
/// and size: PNG/JPEG files (multipart; converted to the dataset's channels and resized bilinearly if their
/// size differs) or JSON <c>{"images": [...]}</c> with each image as nested arrays [C][H][W] (or [H][W] for
/// grey) of 0-255. Every problem is named by field; nothing here throws for any request body.
/// </summary>
internal static class PredictionInput
{
    public const string ImagesField = "images";

    /// <summary>Images per request: one tensor batch of 256 (a whole evaluation batch), few enough that one request cannot hold the Api for long.</summary>
    public const int MaxImages = 256;

    public const long MaxFileBytes = 16 << 20;

    public static string Usage =>
        $"send 1 to {MaxImages} PNG/JPEG files as multipart form data (files named '{ImagesField}'), "
        + $"or JSON {{\"{ImagesField}\": [...]}} of pixel arrays.";

    public static async Task<(Tensor? Images, IReadOnlyList<string?> Names, Dictionary<string, string[]> Errors)> ReadAsync(
        HttpRequest request, DatasetInfo dataset, ImageLimits limits, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        List<(Tensor Pixels, string? Name)> images =
            request.HasFormContentType ? await PredictionFiles.ReadAsync(request, dataset, limits, errors, cancellationToken)
            : request.HasJsonContentType() ? await PredictionJson.ReadAsync(request, dataset, errors, cancellationToken)
            : [];
        if (images.Count == 0 && errors.Count == 0)
        {
            errors[ImagesField] = [Usage];
        }
        try
        {
            return errors.Count > 0 ? (null, [], errors) : (stack(images.Select(image => image.Pixels)), images.Select(image => image.Name).ToList(), errors);
        }
        finally
        {
            images.ForEach(image => image.Pixels.Dispose());
        }
    }

    public static string TooMany(int count) => $"holds {count} images; send at most {MaxImages} per request.";
}
