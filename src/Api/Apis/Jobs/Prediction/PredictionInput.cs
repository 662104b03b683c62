using System.Text.Json;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;
using static TorchSharp.torch;

namespace TrainingService.Api.Apis.Jobs.Prediction;

/// <summary>
/// Reads the images of a prediction request into one uint8 [N, C, H, W] tensor in the dataset's
/// channels and size: PNG/JPEG files (multipart, resized bilinearly if their size differs) or JSON
/// <c>{"images": [...]}</c> with each image as nested arrays [C][H][W] (or [H][W] for grey) of 0-255.
/// </summary>
internal static class PredictionInput
{
    public const int MaxImages = 64;
    public const long MaxFileBytes = 16 << 20;

    public static async Task<(Tensor? Images, List<string?> Names, Dictionary<string, string[]> Errors)> ReadAsync(
        HttpRequest request, DatasetInfo dataset, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var decoded = new List<Tensor>();
        var names = new List<string?>();
        if (request.HasFormContentType)
        {
            var files = (await request.ReadFormAsync(cancellationToken)).Files;
            for (var i = 0; i < files.Count && i < MaxImages; i++)
            {
                if (files[i].Length > MaxFileBytes) { errors[$"images[{i}]"] = [$"is larger than {MaxFileBytes} bytes."]; continue; }
                using var buffer = new MemoryStream();
                await files[i].CopyToAsync(buffer, cancellationToken);
                try
                {
                    decoded.Add(EncodedImage.Decode(files[i].FileName, buffer.ToArray(), dataset.Channels, (dataset.Height, dataset.Width)));
                    names.Add(files[i].FileName);
                }
                catch (InvalidDatasetUploadException exception)
                {
                    errors[$"images[{i}]"] = [$"{files[i].FileName} is not a readable PNG or JPEG image ({exception.Reason})."];
                }
            }
        }
        else if (request.HasJsonContentType())
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            var images = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("images", out var list)
                ? list.EnumerateArray().Take(MaxImages).ToList() : [];
            for (var i = 0; i < images.Count; i++)
            {
                if (PixelArrays.TryRead(images[i], dataset, out var pixels, out var reason)) { decoded.Add(pixels!); names.Add(null); }
                else errors[$"images[{i}]"] = [reason];
            }
        }
        if (decoded.Count == 0 && errors.Count == 0)
        {
            errors["images"] = [$"send 1 to {MaxImages} PNG/JPEG files as multipart form data, or JSON {{\"images\": [...]}} of pixel arrays."];
        }
        if (errors.Count > 0)
        {
            decoded.ForEach(t => t.Dispose());
            return (null, names, errors);
        }
        var batch = stack(decoded);
        decoded.ForEach(t => t.Dispose());
        return (batch, names, errors);
    }
}
