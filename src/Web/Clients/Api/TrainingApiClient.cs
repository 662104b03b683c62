using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrainingService.Web.Clients.Api;

/// <summary>Typed client for the Api's REST endpoints. Every transport or format failure surfaces as <see cref="TrainingApiException"/>.</summary>
public sealed class TrainingApiClient(HttpClient http)
{
    public async Task<PagedResult<JobDto>> GetJobsAsync(int page, int pageSize, CancellationToken cancellationToken = default) =>
        await GetAsync<PagedResult<JobDto>>($"api/jobs?page={page}&pageSize={pageSize}", cancellationToken)
            ?? new PagedResult<JobDto>([], page, pageSize, 0);

    /// <returns>The job, or <see langword="null"/> when the Api does not know the id.</returns>
    public Task<JobDto?> GetJobAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<JobDto>($"api/jobs/{id}", cancellationToken);

    public async Task<IReadOnlyList<EpochMetricDto>> GetMetricsAsync(Guid id, CancellationToken cancellationToken = default) =>
        await GetAsync<List<EpochMetricDto>>($"api/jobs/{id}/metrics", cancellationToken) ?? [];

    public async Task<IReadOnlyList<CheckpointDto>> GetCheckpointsAsync(Guid id, CancellationToken cancellationToken = default) =>
        await GetAsync<List<CheckpointDto>>($"api/jobs/{id}/checkpoints", cancellationToken) ?? [];

    /// <returns>The evaluation, or <see langword="null"/> until the job has succeeded.</returns>
    public Task<EvaluationDto?> GetEvaluationAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<EvaluationDto>($"api/jobs/{id}/evaluation", cancellationToken);

    /// <returns>The job's step losses in at most <paramref name="maxPoints"/> buckets; empty when the Api does not know the id.</returns>
    public async Task<StepLossSeriesDto> GetStepLossesAsync(Guid jobId, int maxPoints, CancellationToken cancellationToken = default) =>
        await GetAsync<StepLossSeriesDto>($"api/jobs/{jobId}/steps?maxPoints={maxPoints}", cancellationToken) ?? StepLossSeriesDto.Empty;

    /// <returns>The body, or <see langword="null"/> on 404 so callers decide what "not found" means.</returns>
    private async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken)
                ?? throw new TrainingApiException($"The training Api answered {path} with an empty body.");
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
