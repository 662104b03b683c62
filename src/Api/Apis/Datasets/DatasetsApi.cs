using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingService.Api.Identity;
using TrainingService.Api.Limits;
using TrainingService.Contracts.Datasets;
using TrainingService.Core.Datasets;
using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Core.Identity;
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
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/", ListAsync).WithName("ListDatasets").WithSummary("List the built-in datasets and the uploaded image folders");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetDataset").WithSummary("Get one uploaded image folder")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteDataset")
            .WithSummary("Delete an uploaded image folder that no queued, running or paused job trains on")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Results<Created<UploadedDatasetResource>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, ImageFolderImporter importer, ImageFolderLimits limits, ImageFolderCatalog uploads,
        ImageFolderArtifacts artifacts, DatasetOwners owners, IOptions<ApiKeyLimits> keyLimits, TimeProvider time, CancellationToken cancellationToken)
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

        var caller = user.GetCaller();
        var size = form.Zip!.Length;
        if (await UploadRetryAfterAsync(caller, size, owners, keyLimits.Value, time, cancellationToken) is { } retryAfter)
        {
            return KeyLimitProblems.TooMany(request.HttpContext.Response, nameof(ApiKeyLimits.UploadBytesPerDay),
                $"This key may upload {keyLimits.Value.UploadBytesPerDay} bytes in 24 hours "
                + $"({ApiKeyLimits.SectionName}:{nameof(ApiKeyLimits.UploadBytesPerDay)}); this upload of {size} bytes would pass that.", retryAfter);
        }
        ImageFolderManifest manifest;
        try
        {
            manifest = await importer.ImportAsync(form.Zip!, new ImageFolderImportRequest(form.Name!, form.Resize), cancellationToken);
        }
        catch (InvalidDatasetUploadException exception)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [DatasetUploadForm.FileField] = [exception.Message] },
                title: "The uploaded dataset was refused; nothing of it was kept.");
        }
        try
        {
            await owners.RecordAsync(manifest.Id, caller, size, CancellationToken.None);
        }
        catch
        {
            // A folder without an owner row would be the admins' alone: its uploader could never see it.
            uploads.Delete(manifest.Id);
            await artifacts.DeleteAsync(manifest.Id, CancellationToken.None);
            throw;
        }
        return TypedResults.Created($"/api/datasets/{manifest.Id}", manifest.ToResource());
    }

    /// <summary>
    /// When the key could upload <paramref name="size"/> more bytes within its rolling 24 hours: null for now, else how
    /// long until enough of its earlier uploads have left the window.
    /// </summary>
    private static async Task<TimeSpan?> UploadRetryAfterAsync(
        Caller caller, long size, DatasetOwners owners, ApiKeyLimits limits, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var uploads = await owners.UploadsSinceAsync(caller.KeyId, now - ApiKeyLimits.UploadWindow, cancellationToken);
        var used = uploads.Sum(u => u.Bytes);
        if (used + size <= limits.UploadBytesPerDay) return null;
        if (size > limits.UploadBytesPerDay) return ApiKeyLimits.UploadWindow;
        foreach (var (at, bytes) in uploads)
        {
            used -= bytes;
            if (used + size <= limits.UploadBytesPerDay) return at + ApiKeyLimits.UploadWindow - now;
        }
        return ApiKeyLimits.UploadWindow;
    }

    public static async Task<Ok<DatasetListResource>> ListAsync(
        DatasetRegistry datasets, ImageFolderCatalog uploads, DatasetOwners owners, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var visible = await owners.VisibleIdsAsync(user.GetCaller(), cancellationToken);
        return TypedResults.Ok(new DatasetListResource(
            // The imagefolder entry stands for the uploads, which are listed one by one instead.
            datasets.List().Where(d => d.Name != UploadedImageFolders.Name).Select(d => d.ToResource()).ToList(),
            uploads.List().Where(m => visible is null || visible.Contains(m.Id)).Select(m => m.ToResource()).ToList()));
    }

    public static async Task<Results<Ok<UploadedDatasetResource>, ProblemHttpResult>> GetAsync(
        Guid id, ImageFolderCatalog uploads, DatasetOwners owners, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await owners.MaySeeAsync(user.GetCaller(), id, cancellationToken) && uploads.Find(id) is { } manifest
            ? TypedResults.Ok(manifest.ToResource())
            : DatasetNotFound(id);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ImageFolderCatalog uploads, ImageFolderArtifacts artifacts, IDbContextFactory<TrainingDbContext> contexts,
        DatasetOwners owners, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The folder, not its manifest, decides existence, so a dataset with a damaged manifest can still be deleted.
        if (!await owners.MaySeeAsync(user.GetCaller(), id, cancellationToken) || !Directory.Exists(uploads.FolderFor(id)))
        {
            return DatasetNotFound(id);
        }
        var caller = user.GetCaller();
        var users = await ActiveJobsUsingAsync(id, contexts, cancellationToken);
        if (users.Count > 0)
        {
            // An admin's job on a member's upload stays unnamed to the member: ids of others' jobs leak nothing.
            var named = users.Where(j => caller.MaySee(j.OwnerId)).Select(j => j.Id).ToList();
            var others = users.Count - named.Count;
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The dataset is in use",
                detail: $"Queued or running jobs train on dataset {id} (jobs {string.Join(", ", named)}{(others > 0 ? $"{(named.Count > 0 ? " and " : "")}{others} of other users" : "")}); "
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
    private static async Task<IReadOnlyList<(Guid Id, Guid? OwnerId)>> ActiveJobsUsingAsync(
        Guid datasetId, IDbContextFactory<TrainingDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A paused job continues on the same data when resumed.
        var (queued, running, paused, id) = (nameof(JobStatus.Queued), nameof(JobStatus.Running), nameof(JobStatus.Paused), datasetId.ToString("D"));
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM training_jobs
            WHERE "Status" IN ({queued}, {running}, {paused}) AND "Spec"->'dataset'->>'id' = {id}
            ORDER BY "CreatedAt" LIMIT {JobsNamedInConflict}
            """).ToListAsync(cancellationToken);
        var owners = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.OwnerId, cancellationToken);
        return ids.Select(j => (j, owners.GetValueOrDefault(j))).ToList();
    }

    private static ProblemHttpResult DatasetNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dataset not found",
            detail: $"No uploaded dataset has the id {id}; GET /api/datasets lists them.");
}
