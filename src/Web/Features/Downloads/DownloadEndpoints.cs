using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Downloads;

public static class DownloadEndpoints
{
    public const string SafeTensorsFormat = "safetensors";

    /// <summary>
    /// <c>GET /downloads/jobs/{id}/checkpoints/{name}</c> (and <c>/bundle</c>, <c>/onnx</c>): a browser cannot add the user's key to a
    /// plain link, so the link points here and the dashboard fetches the Api's download with the session's key and
    /// streams it on.
    /// </summary>
    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var downloads = endpoints.MapGroup("/downloads");
        downloads.MapGet("/jobs/{id:guid}/checkpoints/{name}", DownloadCheckpointAsync)
            .WithName("DownloadCheckpoint")
            .WithSummary("Streams a checkpoint of the signed-in user's job from the Api (.pth, or ?format=safetensors), ranges and digests included.");
        downloads.MapGet("/jobs/{id:guid}/bundle", DownloadBundleAsync)
            .WithName("DownloadBundle")
            .WithSummary("Streams the signed-in user's job bundle (weights, source, spec, metrics, model card) from the Api.");
        downloads.MapGet("/jobs/{id:guid}/onnx", DownloadOnnxAsync)
            .WithName("DownloadOnnx")
            .WithSummary("Streams the Api's ONNX export of a checkpoint of the signed-in user's job.");
        return endpoints;
    }

    public static string PathOf(Guid jobId, string checkpointName, string? format = null) =>
        $"downloads/jobs/{jobId}/checkpoints/{Uri.EscapeDataString(checkpointName)}{(format is null ? "" : $"?format={Uri.EscapeDataString(format)}")}";

    public static string BundlePathOf(Guid jobId) => $"downloads/jobs/{jobId}/bundle";

    public static string OnnxPathOf(Guid jobId, string checkpointName, bool preprocess) =>
        $"downloads/jobs/{jobId}/onnx?checkpoint={Uri.EscapeDataString(checkpointName)}&preprocess={(preprocess ? "true" : "false")}";

    private static async Task<Results<ProxiedDownload, RedirectHttpResult, ProblemHttpResult>> DownloadCheckpointAsync(
        Guid id, string name, HttpRequest request, TrainingApiClient api, string? format = null)
    {
        if (name.Length is 0 or > 64 || name.Any(char.IsControl))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad checkpoint name",
                detail: "name: a checkpoint name has 1 to 64 printable characters (best, last, training).");
        }
        if (format is not null && format != SafeTensorsFormat && format != "pth")
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad format",
                detail: "format: must be 'pth' (the default) or 'safetensors'.");
        }

        return await ProxyAsync(id, $"Job {id} has no checkpoint named '{name}', or it is not yours.", "Checkpoint not found",
            () => api.OpenCheckpointAsync(id, name, ProxiedDownload.ForwardFrom(request), request.HttpContext.RequestAborted, format));
    }

    private static Task<Results<ProxiedDownload, RedirectHttpResult, ProblemHttpResult>> DownloadBundleAsync(
        Guid id, HttpRequest request, TrainingApiClient api) =>
        ProxyAsync(id, $"Job {id} does not exist, or it is not yours.", "Job not found",
            () => api.OpenBundleAsync(id, ProxiedDownload.ForwardFrom(request), request.HttpContext.RequestAborted));

    /// <summary>The Api checks the checkpoint name and answers 400, 404 or 409 with a problem, which streams through as it is.</summary>
    private static async Task<Results<ProxiedDownload, RedirectHttpResult, ProblemHttpResult>> DownloadOnnxAsync(
        Guid id, HttpRequest request, TrainingApiClient api, string? checkpoint = null, bool preprocess = false)
    {
        var name = checkpoint ?? "best";
        if (name.Length is 0 or > 64 || name.Any(char.IsControl))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad checkpoint name",
                detail: "checkpoint: a checkpoint name has 1 to 64 printable characters (best, last).");
        }
        return await ProxyAsync(id, notFound: null, "Checkpoint not found",
            () => api.OpenOnnxAsync(id, name, preprocess, ProxiedDownload.ForwardFrom(request), request.HttpContext.RequestAborted));
    }

    /// <param name="notFound">The detail of the dashboard's own 404 problem; null passes the Api's problem through.</param>
    private static async Task<Results<ProxiedDownload, RedirectHttpResult, ProblemHttpResult>> ProxyAsync(
        Guid id, string? notFound, string notFoundTitle, Func<Task<HttpResponseMessage>> open)
    {
        HttpResponseMessage response;
        try
        {
            response = await open();
        }
        catch (ApiKeyRejectedException)
        {
            // The session's key was revoked: the sign-in page says so and brings the user back to the job.
            return TypedResults.LocalRedirect($"/signin?reason=expired&returnUrl={Uri.EscapeDataString($"/jobs/{id}")}");
        }
        catch (TrainingApiException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Training Api unavailable", detail: ex.Message);
        }

        if (notFound is not null && response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: notFoundTitle, detail: notFound);
        }

        if ((int)response.StatusCode >= 500)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Training Api failed",
                detail: $"The training Api answered the download with {status}.");
        }

        return new ProxiedDownload(response);
    }
}
