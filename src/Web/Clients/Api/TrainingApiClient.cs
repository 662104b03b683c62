using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingService.Contracts.Datasets;
using TrainingService.Contracts.Jobs;
using TrainingService.Contracts.Models;
using TrainingService.Contracts.Predictions;
using TrainingService.Contracts.Storage;
using TrainingService.Contracts.Sweeps;
using TrainingService.Web.Security;

namespace TrainingService.Web.Clients.Api;

/// <summary>
/// Typed client for the Api's REST endpoints, created in the scope of the circuit or request it serves, so every call
/// carries the signed-in user's key as <c>Authorization: Bearer</c>. Every transport or format failure surfaces as
/// <see cref="TrainingApiException"/>; a 401 as <see cref="ApiKeyRejectedException"/>.
/// </summary>
public sealed class TrainingApiClient(HttpClient http, ApiKeyAccessor credentials)
{
    /// <returns>The page of jobs that match the query's filters, in its order.</returns>
    public async Task<PagedResult<JobDto>> GetJobsAsync(JobListQuery query, CancellationToken cancellationToken = default) =>
        await GetAsync<PagedResult<JobDto>>($"api/jobs?{query.ToQueryString()}", cancellationToken)
            ?? new PagedResult<JobDto>([], query.Page, query.PageSize, 0);

    /// <returns>The job, or <see langword="null"/> when the Api does not know the id.</returns>
    public Task<JobDto?> GetJobAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<JobDto>($"api/jobs/{id}", cancellationToken);

    public async Task<IReadOnlyList<EpochMetricDto>> GetMetricsAsync(Guid id, CancellationToken cancellationToken = default) =>
        await GetAsync<List<EpochMetricDto>>($"api/jobs/{id}/metrics", cancellationToken) ?? [];

    public async Task<IReadOnlyList<CheckpointDto>> GetCheckpointsAsync(Guid id, CancellationToken cancellationToken = default) =>
        await GetAsync<List<CheckpointDto>>($"api/jobs/{id}/checkpoints", cancellationToken) ?? [];

    /// <returns>The job's runs ordered by attempt; empty when the Api does not know the id.</returns>
    public async Task<IReadOnlyList<AttemptDto>> GetAttemptsAsync(Guid id, CancellationToken cancellationToken = default) =>
        await GetAsync<List<AttemptDto>>($"api/jobs/{id}/attempts", cancellationToken) ?? [];

    /// <returns>The evaluation, or <see langword="null"/> until the job has succeeded.</returns>
    public Task<EvaluationDto?> GetEvaluationAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<EvaluationDto>($"api/jobs/{id}/evaluation", cancellationToken);

    /// <returns>The job's step losses in at most <paramref name="maxPoints"/> buckets; empty when the Api does not know the id.</returns>
    /// <param name="from">The first step wanted: the number of steps the caller already holds, for only the new ones.</param>
    public async Task<StepSeriesResource> GetStepLossesAsync(Guid jobId, int maxPoints, long from = 0, CancellationToken cancellationToken = default) =>
        await GetAsync<StepSeriesResource>(
            from == 0 ? $"api/jobs/{jobId}/steps?maxPoints={maxPoints}" : $"api/jobs/{jobId}/steps?from={from}&maxPoints={maxPoints}",
            cancellationToken) ?? StepSeriesResource.Empty;

    /// <returns>
    /// The job after the request: cancelled already, or still running with <see cref="JobDto.StopRequest"/> set
    /// until its next batch boundary. A refusal (finished job, unknown id) throws with the Api's explanation.
    /// </returns>
    public Task<JobDto> CancelAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendCommandAsync<JobDto>(HttpMethod.Post, $"api/jobs/{id}/cancel", body: null, cancellationToken);

    /// <inheritdoc cref="CancelAsync"/>
    public Task<JobDto> PauseAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendCommandAsync<JobDto>(HttpMethod.Post, $"api/jobs/{id}/pause", body: null, cancellationToken);

    /// <returns>The job queued again, or running again when a pause it had not reached yet was withdrawn.</returns>
    public Task<JobDto> ResumeAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendCommandAsync<JobDto>(HttpMethod.Post, $"api/jobs/{id}/resume", body: null, cancellationToken);

    /// <returns>The job with its tags or note replaced; a refusal names the field (<c>tags[1]</c>, <c>note</c>) in its errors.</returns>
    public Task<JobDto> UpdateLabelsAsync(Guid id, JobLabelsUpdate update, CancellationToken cancellationToken = default) =>
        SendCommandAsync<JobDto>(HttpMethod.Patch, $"api/jobs/{id}", update, cancellationToken);

    /// <summary>Deletes a finished job with its rows and files; a job that is not finished is refused (409) with the Api's reason.</summary>
    public Task DeleteJobAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendCommandAsync(HttpMethod.Delete, $"api/jobs/{id}", body: null, cancellationToken);

    /// <returns>
    /// The top <paramref name="topK"/> classes of each image (PNG or JPEG files) from the job's best checkpoint, and each
    /// image as the network saw it when <paramref name="includeInput"/>; a refusal (no checkpoint yet, not an image) throws
    /// with the Api's reason.
    /// </returns>
    public Task<PredictionResponse> PredictAsync(
        Guid jobId, IReadOnlyList<(string FileName, byte[] Bytes)> images, int topK, bool includeInput, CancellationToken cancellationToken = default)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, bytes) in images)
        {
            form.Add(new ByteArrayContent(bytes), "images", fileName);
        }

        var path = $"api/jobs/{jobId}/predict?topK={topK}&includeInput={(includeInput ? "true" : "false")}";
        return CommandAsync(HttpMethod.Post, path, form, cancellationToken, response => ReadAsync<PredictionResponse>(response, path, cancellationToken));
    }

    /// <returns>What the caller's jobs and uploads hold on disk and the retention policy; <see langword="null"/> where the Api has no such route.</returns>
    public Task<StorageUsageResource?> GetStorageAsync(CancellationToken cancellationToken = default) =>
        GetAsync<StorageUsageResource>("api/storage", cancellationToken);

    /// <returns>One page of sweeps, newest first.</returns>
    public async Task<SweepPage> GetSweepsAsync(int page, int pageSize, CancellationToken cancellationToken = default) =>
        await GetAsync<SweepPage>($"api/sweeps?page={page}&pageSize={pageSize}", cancellationToken)
            ?? new SweepPage([], page, pageSize, 0);

    /// <returns>The sweep, or <see langword="null"/> when the Api does not know the id.</returns>
    public Task<SweepResource?> GetSweepAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<SweepResource>($"api/sweeps/{id}", cancellationToken);

    /// <returns>The sweep's trials by trial number; empty when the Api does not know the id.</returns>
    public async Task<IReadOnlyList<SweepTrialResource>> GetSweepTrialsAsync(Guid id, CancellationToken cancellationToken = default) =>
        await GetAsync<List<SweepTrialResource>>($"api/sweeps/{id}/trials", cancellationToken) ?? [];

    /// <returns>ASHA's decisions so far; empty without early stopping.</returns>
    public async Task<IReadOnlyList<SweepRungResource>> GetSweepRungsAsync(Guid id, CancellationToken cancellationToken = default) =>
        await GetAsync<List<SweepRungResource>>($"api/sweeps/{id}/rungs", cancellationToken) ?? [];

    /// <summary>Sends <paramref name="json"/> as written (the text the form shows), so what is sent is what was shown.</summary>
    /// <returns>The sweep as created, its first trials queued.</returns>
    /// <exception cref="ApiRefusedException">The Api refused it; its reasons are keyed by field.</exception>
    public Task<SweepResource> SubmitSweepAsync(string json, CancellationToken cancellationToken = default) =>
        CommandAsync(HttpMethod.Post, "api/sweeps", new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken,
            response => ReadAsync<SweepResource>(response, "api/sweeps", cancellationToken));

    /// <returns>The sweep after the request: cancelled, its queued trials cancelled and its running ones asked to stop.</returns>
    public Task<SweepResource> CancelSweepAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendCommandAsync<SweepResource>(HttpMethod.Post, $"api/sweeps/{id}/cancel", body: null, cancellationToken);

    /// <returns>Every worker that has reported, by name; a worker that stopped cleanly is not among them.</returns>
    public async Task<IReadOnlyList<WorkerDto>> GetWorkersAsync(CancellationToken cancellationToken = default) =>
        await GetAsync<List<WorkerDto>>("api/workers", cancellationToken) ?? [];

    /// <returns>The model zoo: each entry's family, description, default input and size at that input.</returns>
    public async Task<IReadOnlyList<ModelResource>> GetModelsAsync(CancellationToken cancellationToken = default) =>
        await GetAsync<List<ModelResource>>("api/models", cancellationToken) ?? [];

    /// <returns>The built-in datasets and the uploads the signed-in user may train on.</returns>
    public async Task<DatasetListResource> GetDatasetsAsync(CancellationToken cancellationToken = default) =>
        await GetAsync<DatasetListResource>("api/datasets", cancellationToken) ?? new DatasetListResource([], []);

    /// <summary>Checks a job specification as submitting it would; nothing is stored or queued.</summary>
    public Task<SpecCheck<JobValidationResource>> ValidateJobAsync(JsonObject spec, CancellationToken cancellationToken = default) =>
        SendSpecAsync<JobValidationResource>("api/jobs/validate", spec, cancellationToken);

    /// <summary>Submits a job specification; the job is queued when the Api takes it.</summary>
    public Task<SpecCheck<JobDto>> SubmitJobAsync(JsonObject spec, CancellationToken cancellationToken = default) =>
        SendSpecAsync<JobDto>("api/jobs", spec, cancellationToken);

    /// <summary>Asks who <paramref name="key"/> belongs to, before any session holds it: the sign-in check.</summary>
    /// <exception cref="ApiKeyRejectedException">The Api does not accept the key.</exception>
    public Task<MeDto> GetMeAsync(string key, CancellationToken cancellationToken = default)
    {
        const string path = "api/me";
        return CallAsync(path, cancellationToken, async () =>
        {
            using var response = await SendAsync(HttpMethod.Get, path, body: null, HttpCompletionOption.ResponseContentRead, key, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new TrainingApiException(await FailureAsync(response, path, cancellationToken));
            }

            return await ReadAsync<MeDto>(response, path, cancellationToken);
        });
    }

    /// <returns>The signed-in user's own keys, newest first, revoked ones included.</returns>
    public async Task<IReadOnlyList<ApiKeyDto>> GetKeysAsync(CancellationToken cancellationToken = default) =>
        await GetAsync<List<ApiKeyDto>>("api/keys", cancellationToken) ?? [];

    /// <returns>The new key with its secret, which no later answer repeats.</returns>
    public Task<CreatedKeyDto> CreateKeyAsync(string name, CancellationToken cancellationToken = default) =>
        SendCommandAsync<CreatedKeyDto>(HttpMethod.Post, "api/keys", new { name }, cancellationToken);

    /// <summary>Revokes a key at once; requests signed with it get 401 from then on.</summary>
    public Task RevokeKeyAsync(Guid keyId, CancellationToken cancellationToken = default) =>
        SendCommandAsync(HttpMethod.Delete, $"api/keys/{keyId}", body: null, cancellationToken);

    /// <returns>Every user (admins only; a member's call is refused with the Api's 403).</returns>
    public async Task<IReadOnlyList<UserDto>> GetUsersAsync(CancellationToken cancellationToken = default) =>
        await GetAsync<List<UserDto>>("api/users", cancellationToken) ?? [];

    /// <returns>The user and their first key with its secret.</returns>
    public Task<CreatedUserDto> CreateUserAsync(string name, string role, CancellationToken cancellationToken = default) =>
        SendCommandAsync<CreatedUserDto>(HttpMethod.Post, "api/users", new { name, role }, cancellationToken);

    /// <returns>A new key for another user, with its secret (admins only).</returns>
    public Task<CreatedKeyDto> CreateUserKeyAsync(Guid userId, string name, CancellationToken cancellationToken = default) =>
        SendCommandAsync<CreatedKeyDto>(HttpMethod.Post, $"api/users/{userId}/keys", new { name }, cancellationToken);

    /// <summary>
    /// Starts a checkpoint download with the signed-in user's key and returns the Api's answer with its body unread,
    /// so the caller can stream it on. <paramref name="forward"/> copies the browser's conditional and range headers.
    /// </summary>
    /// <param name="format">null for the stored .pth, or <c>safetensors</c>.</param>
    public Task<HttpResponseMessage> OpenCheckpointAsync(Guid jobId, string name, Action<HttpRequestHeaders> forward, CancellationToken cancellationToken = default,
        string? format = null) =>
        OpenDownloadAsync($"api/jobs/{jobId}/checkpoints/{Uri.EscapeDataString(name)}{(format is null ? "" : $"?format={Uri.EscapeDataString(format)}")}",
            forward, cancellationToken);

    /// <summary>The job's bundle zip (<c>GET /api/jobs/{id}/bundle</c>), streamed as it comes.</summary>
    public Task<HttpResponseMessage> OpenBundleAsync(Guid jobId, Action<HttpRequestHeaders> forward, CancellationToken cancellationToken = default) =>
        OpenDownloadAsync($"api/jobs/{jobId}/bundle", forward, cancellationToken);

    private Task<HttpResponseMessage> OpenDownloadAsync(string path, Action<HttpRequestHeaders> forward, CancellationToken cancellationToken) =>
        CallAsync(path, cancellationToken, () =>
            SendAsync(HttpMethod.Get, path, body: null, HttpCompletionOption.ResponseHeadersRead, key: null, cancellationToken, forward));

    /// <summary>The Api's ONNX export of a checkpoint, opened for streaming as <see cref="OpenCheckpointAsync"/> is.</summary>
    public Task<HttpResponseMessage> OpenOnnxAsync(Guid jobId, string checkpoint, bool preprocess, Action<HttpRequestHeaders> forward, CancellationToken cancellationToken = default)
    {
        var path = $"api/jobs/{jobId}/onnx?checkpoint={Uri.EscapeDataString(checkpoint)}&preprocess={(preprocess ? "true" : "false")}";
        return CallAsync(path, cancellationToken, () =>
            SendAsync(HttpMethod.Get, path, body: null, HttpCompletionOption.ResponseHeadersRead, key: null, cancellationToken, forward));
    }

    /// <returns>
    /// The Api's readiness: 200 for Healthy or Degraded, 503 for Unhealthy, both with the checks. Any other answer,
    /// or none, throws, because then the dashboard cannot tell what works.
    /// </returns>
    public Task<HealthReportDto> GetReadinessAsync(CancellationToken cancellationToken = default)
    {
        const string path = "health/ready";
        return CallAsync(path, cancellationToken, async () =>
        {
            // Health is anonymous on the Api; no key travels where none is needed.
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return await UnhealthyReportAsync(response, cancellationToken);
            }

            response.EnsureSuccessStatusCode();
            return await ReadAsync<HealthReportDto>(response, path, cancellationToken);
        });
    }

    /// <returns>The body, or <see langword="null"/> on 404 so callers decide what "not found" means.</returns>
    private Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken)
        where T : class =>
        CallAsync<T?>(path, cancellationToken, async () =>
        {
            using var response = await SendAsync(HttpMethod.Get, path, body: null, HttpCompletionOption.ResponseContentRead, key: null, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new TrainingApiException(await FailureAsync(response, path, cancellationToken));
            }

            return await ReadAsync<T>(response, path, cancellationToken);
        });

    private Task<T> SendCommandAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
        where T : class =>
        CommandAsync(method, path, body, cancellationToken, response => ReadAsync<T>(response, path, cancellationToken));

    private Task SendCommandAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        CommandAsync(method, path, body, cancellationToken, _ => Task.FromResult(true));

    private Task<T> CommandAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, Func<HttpResponseMessage, Task<T>> read) =>
        CommandAsync(method, path, body is null ? null : JsonContent.Create(body, options: ApiJson.Commands), cancellationToken, read);

    // A command's refusal is an answer for the person who clicked, so its problem detail becomes the message.
    private Task<T> CommandAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, Func<HttpResponseMessage, Task<T>> read) =>
        CallAsync(path, cancellationToken, async () =>
        {
            using var response = await SendAsync(method, path, content, HttpCompletionOption.ResponseContentRead, key: null, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw await RefusedAsync(response, path, cancellationToken);
            }

            return await read(response);
        });

    // A 400 names the fields to fix, which the form shows by each; any other refusal (429, 413) is one message.
    private Task<SpecCheck<T>> SendSpecAsync<T>(string path, JsonObject spec, CancellationToken cancellationToken)
        where T : class =>
        CallAsync(path, cancellationToken, async () =>
        {
            using var content = new StringContent(spec.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            using var response = await SendAsync(HttpMethod.Post, path, content, HttpCompletionOption.ResponseContentRead, key: null, cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest
                && await response.Content.ReadFromJsonAsync<ProblemDetailsDto>(ApiJson.Options, cancellationToken) is { Errors: { Count: > 0 } errors })
            {
                return SpecCheck<T>.Refused(errors);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await RefusedAsync(response, path, cancellationToken);
            }

            return SpecCheck<T>.Accepted(await ReadAsync<T>(response, path, cancellationToken));
        });

    // The key is set per request rather than on the shared HttpClient: the factory pools handlers across users.
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        HttpContent? body,
        HttpCompletionOption completion,
        string? key,
        CancellationToken cancellationToken,
        Action<HttpRequestHeaders>? forward = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body };
        if ((key ?? credentials.Key) is { Length: > 0 } secret)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        forward?.Invoke(request.Headers);
        var response = await http.SendAsync(request, completion, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            throw new ApiKeyRejectedException();
        }

        return response;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string path, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken)
            ?? throw new TrainingApiException($"The training Api answered {path} with an empty body.");

    private static async Task<ApiRefusedException> RefusedAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        var problem = await ReadProblemAsync(response, cancellationToken);
        return new ApiRefusedException(response.StatusCode, Describe(problem) ?? StatusLine(response, path), problem?.Errors);
    }

    // A 503's problem detail says what is down (the database, say) and when to retry, which the status line does not.
    private static async Task<string> FailureAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken) =>
        await ProblemAsync(response, cancellationToken) is { } problem
            ? $"{StatusLine(response, path)} {problem}"
            : StatusLine(response, path);

    private static string StatusLine(HttpResponseMessage response, string path) =>
        $"The training Api answered {path} with {(int)response.StatusCode} {response.StatusCode}.";

    private static async Task<string?> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        Describe(await ReadProblemAsync(response, cancellationToken));

    private static async Task<ProblemDetailsDto?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ProblemDetailsDto>(ApiJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            // A proxy's HTML error page, say; the status line is all there is to tell.
            return null;
        }
    }

    // A validation problem's reasons are in its errors; "One or more validation errors occurred" alone helps nobody.
    private static string? Describe(ProblemDetailsDto? problem) =>
        problem?.Errors is { Count: > 0 } errors
            ? string.Join(" ", errors.SelectMany(e => e.Value.Select(reason => $"{e.Key}: {reason}")))
            : problem?.Detail ?? problem?.Title;

    private static async Task<HealthReportDto> UnhealthyReportAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var report = await response.Content.ReadFromJsonAsync<HealthReportDto>(ApiJson.Options, cancellationToken);
            return report is { Checks: not null } ? report : HealthReportDto.UnhealthyWithoutDetails;
        }
        catch (JsonException)
        {
            // A proxy's own 503 page: still "not ready", just without the reasons.
            return HealthReportDto.UnhealthyWithoutDetails;
        }
    }

    private async Task<T> CallAsync<T>(string path, CancellationToken cancellationToken, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException ex) when (ex.StatusCode is { } status)
        {
            throw new TrainingApiException($"The training Api answered {path} with {(int)status} {status}.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TrainingApiException($"The training Api at {http.BaseAddress} is unreachable ({ex.Message}).", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TrainingApiException($"The training Api at {http.BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s.", ex);
        }
        catch (JsonException ex)
        {
            throw new TrainingApiException($"The training Api answered {path} with JSON this dashboard cannot read ({ex.Message}).", ex);
        }
    }
}
