using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Datasets;

/// <summary>The <c>/api/datasets</c> endpoints: the built-in datasets, and uploading, reading and deleting image folders.</summary>
public static class DatasetsApi
{
    /// <summary>How many of the jobs that hold a dataset a 409 names; enough to find them, short enough to read.</summary>
    private const int JobsNamedInConflict = 10;

    public static RouteGroupBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<ImageFolderLimits>();
        var api = app.MapGroup("/api/datasets").WithTags("Datasets");
        api.MapPost("/", UploadAsync).WithName("UploadDataset")
            .WithSummary("Upload a zip of train/<class>/<image> (and optionally test/<class>/<image>) PNG or JPEG files")
            .Accepts<DatasetUploadRequest>("multipart/form-data")
            // The form is read by hand and carries no cookie-authenticated state, so there is no token to check.
            .DisableAntiforgery()
            // Kestrel's default 30 MB body limit would refuse most datasets; the configured upload limit decides instead.
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxUploadBytes + DatasetUploadForm.FormOverheadBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/", List).WithName("ListDatasets").WithSummary("List the built-in datasets and the uploaded image folders");
        api.MapGet("/{id:guid}", Get).WithName("GetDataset").WithSummary("Get one uploaded image folder")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteDataset")
            .WithSummary("Delete an uploaded image folder that no queued, running or paused job trains on")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Results<Created<UploadedDatasetResource>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ImageFolderImporter importer, ImageFolderLimits limits, CancellationToken cancellationToken)
    {
        await using var form = await DatasetUploadForm.ReadAsync(request, limits, cancellationToken);
        if (form.TooLarge)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large",
                detail: $"A dataset upload may be at most {limits.MaxUploadBytes} bytes (ImageFolderLimits:MaxUploadBytes).");
        }
        if (!form.IsComplete)
        {
            return TypedResults.ValidationProblem(form.Errors.ToDictionary(), title: "The dataset upload has errors.");
        }

        try
        {
            var manifest = await importer.ImportAsync(form.Zip!, new ImageFolderImportRequest(form.Name!, form.Resize), cancellationToken);
            return TypedResults.Created($"/api/datasets/{manifest.Id}", manifest.ToResource());
        }
        catch (InvalidDatasetUploadException exception)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [DatasetUploadForm.FileField] = [exception.Message] },
                title: "The uploaded dataset was refused; nothing of it was kept.");
        }
    }

    public static Ok<DatasetListResource> List(DatasetRegistry datasets, ImageFolderCatalog uploads) => TypedResults.Ok(new DatasetListResource(
        // The imagefolder entry stands for the uploads, which are listed one by one instead.
        datasets.List().Where(d => d.Name != UploadedImageFolders.Name).Select(d => d.ToResource()).ToList(),
        uploads.List().Select(m => m.ToResource()).ToList()));

    public static Results<Ok<UploadedDatasetResource>, ProblemHttpResult> Get(Guid id, ImageFolderCatalog uploads) =>
        uploads.Find(id) is { } manifest ? TypedResults.Ok(manifest.ToResource()) : DatasetNotFound(id);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ImageFolderCatalog uploads, ImageFolderArtifacts artifacts, IDbContextFactory<TrainingDbContext> contexts,
        CancellationToken cancellationToken)
    {
        // The folder, not its manifest, decides existence, so a dataset with a damaged manifest can still be deleted.
        if (!Directory.Exists(uploads.FolderFor(id)))
        {
            return DatasetNotFound(id);
        }
        var users = await ActiveJobsUsingAsync(id, contexts, cancellationToken);
        if (users.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The dataset is in use",
                detail: $"Queued or running jobs train on dataset {id} (jobs {string.Join(", ", users)}); "
                    + "cancel them or let them finish, then delete it.");
        }
        if (!uploads.Delete(id)) return DatasetNotFound(id);
        // The store's copy too, or a worker that never held the dataset could still fetch it.
        await artifacts.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Raw SQL because the spec is jsonb behind a value converter, which EF cannot look into; the path is the
    /// stored camelCase JSON of <see cref="TrainingJobSpec"/>, where a Guid is written in its "D" form.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> ActiveJobsUsingAsync(
        Guid datasetId, IDbContextFactory<TrainingDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A paused job continues on the same data when resumed.
        var (queued, running, paused, id) = (nameof(JobStatus.Queued), nameof(JobStatus.Running), nameof(JobStatus.Paused), datasetId.ToString("D"));
        return await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM training_jobs
            WHERE "Status" IN ({queued}, {running}, {paused}) AND "Spec"->'dataset'->>'id' = {id}
            ORDER BY "CreatedAt" LIMIT {JobsNamedInConflict}
            """).ToListAsync(cancellationToken);
    }

    private static ProblemHttpResult DatasetNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dataset not found",
            detail: $"No uploaded dataset has the id {id}; GET /api/datasets lists them.");
}
