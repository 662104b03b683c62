namespace TrainingService.Api.Apis.Datasets;

/// <summary>
/// The multipart/form-data fields of <c>POST /api/datasets</c>, for the OpenAPI document only: the endpoint
/// reads the parts itself, streaming the zip to disk, so it is never buffered whole.
/// </summary>
/// <param name="File">A zip of <c>train/&lt;class&gt;/&lt;image&gt;</c> and optionally <c>test/&lt;class&gt;/&lt;image&gt;</c> PNG or JPEG files.</param>
/// <param name="Name">Display name of the dataset.</param>
/// <param name="Resize">Optional <c>HxW</c>, such as <c>32x32</c>: every image is resized to it; without it all images must share one size.</param>
public sealed record DatasetUploadRequest(IFormFile File, string Name, string? Resize);
