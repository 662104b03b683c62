using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Identity;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Bundles;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Onnx;
using TrainingService.Core.Models.Summary;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// <c>GET /api/jobs/{id}/bundle</c>: one zip with everything needed to use and check the job's best weights: both
/// weight formats, the PyTorch source, the spec, metrics, evaluation, a model card and <c>evaluate.py</c>. The zip is
/// written to a temporary file (deleted when the response is done) before the first byte is sent, so a failure is a
/// problem response rather than a truncated zip, and the download has a length and serves ranges.
/// </summary>
public static class JobBundleEndpoint
{
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, JobQueries queries, ClaimsPrincipal user, CheckpointArtifacts artifacts, DatasetRegistry datasets, NetworkPlanner planner,
        CancellationToken cancellationToken)
    {
        var job = (await queries.FindAsync(id, user.GetCaller(), cancellationToken))?.Job;
        if (job is null) return JobsApi.JobNotFound(id);
        var best = await queries.CheckpointAsync(id, CheckpointNames.Best, cancellationToken);
        var content = best is null ? null : await artifacts.OpenReadAsync(best.RelativePath, cancellationToken);
        if (best is null || content is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No best checkpoint yet",
                detail: $"Job {id} is {job.Status} and has no best checkpoint; the bundle is made from the one written after its best epoch.");
        }

        byte[] pth;
        await using (content)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            pth = buffer.ToArray();
        }

        var errors = new ValidationErrors();
        var dataset = job.Resolution?.Dataset
            ?? (datasets.TryGet(job.Spec.Dataset.Name, out _) ? datasets.Resolve(job.Spec.Dataset).Info : null);
        var plan = dataset is null ? null : planner.Plan(job.Spec.Model, dataset, job.Spec.Dataset.Transforms, errors);
        if (dataset is null || plan is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job's network cannot be described",
                detail: string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }
        var network = job.Resolution?.Network ?? plan.Network;
        var pipeline = InputPipeline.For(dataset, job.Spec.Dataset.Transforms, plan.Input, training: false,
            job.Spec.Hyperparameters.Seed, job.Resolution?.Normalization);
        var source = new JobBundleSource(job, network, dataset, pipeline, ModelSummarizer.Summarize(network, batchSize: 1),
            best, pth, new PthReader().Read(new MemoryStream(pth, writable: false)), await queries.MetricsAsync(id, cancellationToken));

        IReadOnlyList<BundleEntry> exported = OnnxEntry(source) is { } onnx ? [onnx] : [];
        var entries = JobBundle.Entries(source, exported);
        var timestamp = job.FinishedAt ?? best.CreatedAt;
        var zip = new FileStream(Path.Combine(Path.GetTempPath(), $"bundle-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await BundleZip.WriteAsync(zip, entries, timestamp, cancellationToken);
            zip.Position = 0;
        }
        catch
        {
            await zip.DisposeAsync();
            throw;
        }
        // The result disposes the stream once the response is written, which deletes the file.
        return TypedResults.Stream(zip, "application/zip", $"{FileNames.Slug(job.Name)}-bundle.zip", enableRangeProcessing: true);
    }

    /// <summary>
    /// The network as ONNX taking preprocessed images, as the model card's ONNX Runtime example feeds it; null for a
    /// network the exporter refuses (a ceil-mode average pool with a partial window), whose bundle then says so.
    /// </summary>
    private static BundleEntry? OnnxEntry(JobBundleSource source)
    {
        using var onnx = new MemoryStream();
        try
        {
            OnnxExporter.Write(source.Network, source.BestTensors,
                new OnnxExportOptions { Description = $"{source.Job.Name}: {source.Job.Spec.Model.Name}, best checkpoint of epoch {source.Best.Epoch}" }, onnx);
        }
        catch (NotSupportedException)
        {
            return null;
        }
        return BundleEntry.Bytes(BundleFiles.Onnx, onnx.ToArray());
    }
}
