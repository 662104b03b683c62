using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Core.Jobs;

namespace TrainingService.Api.Apis.Datasets;

/// <summary>
/// The parts of a dataset upload, read one section at a time so the zip streams straight into a temporary
/// file: binding an <see cref="IFormFile"/> would first buffer the whole form, and only then could a too-large
/// upload be refused. The temporary file is deleted when the form is disposed.
/// </summary>
internal sealed class DatasetUploadForm : IAsyncDisposable
{
    public const string FileField = "file";
    public const string NameField = "name";
    public const string ResizeField = "resize";

    /// <summary>Room for the form's boundaries, part headers and small fields on top of the zip itself.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    private const int MaxFieldChars = 1024;
    private const int MaxBoundaryLength = 70;

    private readonly ImageFolderLimits limits;

    private DatasetUploadForm(ImageFolderLimits limits) => this.limits = limits;

    /// <summary>The uploaded zip, positioned at its start; null when the request had no file part.</summary>
    public FileStream? Zip { get; private set; }

    public string? Name { get; private set; }

    public (int Height, int Width)? Resize { get; private set; }

    /// <summary>The upload passed <see cref="ImageFolderLimits.MaxUploadBytes"/>; reading stopped there.</summary>
    public bool TooLarge { get; private set; }

    /// <summary>Problems per form field, in the shape of a validation problem.</summary>
    public ValidationErrors Errors { get; } = new();

    public bool IsComplete => !TooLarge && !Errors.Any && Zip is not null && Name is not null;

    public static async Task<DatasetUploadForm> ReadAsync(HttpRequest request, ImageFolderLimits limits, CancellationToken ct)
    {
        var form = new DatasetUploadForm(limits);
        try
        {
            await form.ReadPartsAsync(request, ct);
        }
        catch
        {
            await form.DisposeAsync();
            throw;
        }
        return form;
    }

    public async ValueTask DisposeAsync()
    {
        if (Zip is not null)
        {
            await Zip.DisposeAsync();
        }
    }

    private async Task ReadPartsAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > limits.MaxUploadBytes + FormOverheadBytes)
        {
            TooLarge = true;
            return;
        }
        if (Boundary(request.ContentType) is not { } boundary)
        {
            Errors.Add(FileField, "is required: send the zip as the part 'file' of a multipart/form-data request.");
            return;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? resize = null;
        try
        {
            // No per-part length limit (128 MB by default): the zip is bounded by MaxUploadBytes below, and the
            // text fields by MaxFieldChars.
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
            for (var section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } field)
                {
                    Errors.Add("form", "every part needs a 'Content-Disposition: form-data' header with a name.");
                    return;
                }
                if (!names.Add(field))
                {
                    Errors.Add(field, "is given more than once.");
                    continue;
                }
                switch (field.ToLowerInvariant())
                {
                    case FileField:
                        if (!await CopyZipAsync(section.Body, ct))
                        {
                            TooLarge = true;
                            return;
                        }
                        break;
                    case NameField:
                        Name = await ReadFieldAsync(section.Body, NameField, ct);
                        break;
                    case ResizeField:
                        resize = await ReadFieldAsync(section.Body, ResizeField, ct);
                        break;
                    default:
                        Errors.Add(field, $"is not a field of a dataset upload; send '{FileField}', '{NameField}' and optionally '{ResizeField}'.");
                        break;
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel enforces the endpoint's request size limit while the body is read.
            TooLarge = true;
            return;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Errors.Add(FileField, $"could not be read: the multipart body is malformed ({e.Message}).");
            return;
        }

        CheckFields(names, resize);
    }

    private void CheckFields(HashSet<string> given, string? resize)
    {
        if (!given.Contains(FileField))
        {
            Errors.Add(FileField, "is required: a zip of train/<class>/<image> and optionally test/<class>/<image> PNG or JPEG files.");
        }
        Name = DisplayNameRules.Check(Name, NameField, Errors);
        if (!given.Contains(NameField) || Name is "")
        {
            Name = null;
            Errors.Add(NameField, "is required: the display name of the dataset.");
        }
        if (resize is not null)
        {
            Resize = ParseSize(resize);
            if (Resize is null)
            {
                Errors.Add(ResizeField, $"must be HxW, such as 32x32, with sides from 1 to {limits.MaxImageSide}.");
            }
        }
    }

    /// <returns>False when the part passed the upload limit; the rest of it is left unread.</returns>
    private async Task<bool> CopyZipAsync(Stream part, CancellationToken ct)
    {
        // The zip must be seekable to read, and a gigabyte does not belong in memory.
        Zip = new FileStream(Path.Combine(Path.GetTempPath(), $"dataset-upload-{Guid.NewGuid():N}.zip"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await part.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limits.MaxUploadBytes)
            {
                return false;
            }
            await Zip.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        await Zip.FlushAsync(ct);
        Zip.Position = 0;
        return true;
    }

    /// <returns>Null (and an error) when the field is longer than any sensible value.</returns>
    private async Task<string?> ReadFieldAsync(Stream part, string field, CancellationToken ct)
    {
        using var reader = new StreamReader(part, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        var buffer = new char[MaxFieldChars + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (read > MaxFieldChars)
        {
            Errors.Add(field, $"must be at most {MaxFieldChars} characters.");
            return null;
        }
        return new string(buffer, 0, read);
    }

    private (int Height, int Width)? ParseSize(string text)
    {
        var sides = text.Trim().Split('x', 'X');
        return sides.Length == 2 && Side(sides[0]) is { } height && Side(sides[1]) is { } width ? (height, width) : null;

        int? Side(string side) =>
            int.TryParse(side, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= limits.MaxImageSide
                ? value
                : null;
    }

    private static string? Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary);
        return boundary.Length is > 0 and <= MaxBoundaryLength ? boundary.Value : null;
    }
}
