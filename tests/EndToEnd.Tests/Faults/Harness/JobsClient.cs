using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingService.Faults.Harness;

/// <summary>The REST calls the scenarios make, as any client of the service makes them.</summary>
public sealed class JobsClient(Uri api, ServiceKey key) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http = key.Client(api, TimeSpan.FromMinutes(2));

    public async Task<Guid> SubmitAsync(JsonObject spec)
    {
        using var response = await _http.PostAsJsonAsync("/api/jobs", spec);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new FaultScenarioException($"POST /api/jobs answered {(int)response.StatusCode}: {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> JobAsync(Guid jobId) => await _http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}");

    public async Task<IReadOnlyList<EpochRow>> MetricsAsync(Guid jobId) =>
        (await _http.GetFromJsonAsync<List<EpochRow>>($"/api/jobs/{jobId}/metrics", Json))!;

    public async Task<IReadOnlyList<AttemptRow>> AttemptsAsync(Guid jobId) =>
        (await _http.GetFromJsonAsync<List<AttemptRow>>($"/api/jobs/{jobId}/attempts", Json))!;

    public async Task<IReadOnlyList<CheckpointRow>> CheckpointsAsync(Guid jobId) =>
        (await _http.GetFromJsonAsync<List<CheckpointRow>>($"/api/jobs/{jobId}/checkpoints", Json))!;

    public async Task<long> TotalStepsAsync(Guid jobId) =>
        (await _http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/steps?maxPoints=1")).GetProperty("totalSteps").GetInt64();

    /// <summary>Downloads a checkpoint and hashes what arrived; null when the Api answers 404.</summary>
    public async Task<Download?> DownloadAsync(Guid jobId, string name)
    {
        using var response = await _http.GetAsync($"/api/jobs/{jobId}/checkpoints/{name}", HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            length += read;
        }
        var header = response.Headers.TryGetValues("X-Checksum-Sha256", out var values) ? values.Single() : null;
        return new Download(name, length, Convert.ToHexStringLower(sha.GetHashAndReset()), header);
    }

    /// <summary>POST /cancel; returns the status code (202 for a running job).</summary>
    public async Task<HttpStatusCode> CancelAsync(Guid jobId)
    {
        using var response = await _http.PostAsync($"/api/jobs/{jobId}/cancel", content: null);
        return response.StatusCode;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An epoch's stored metrics as <c>GET /metrics</c> returns them; the timings differ from run to run, the rest must not.</summary>
public sealed record EpochRow(int Epoch, double TrainLoss, double TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy,
    double LearningRate, double EpochSeconds, double ImagesPerSecond, DateTimeOffset RecordedAt, double? ValidationTop5Accuracy,
    long PeakMemoryBytes = 0)
{
    /// <summary>The figures a repeated run of the same spec and seed must reproduce bit for bit.</summary>
    public (int, double, double, double?, double?, double, double?) Computed =>
        (Epoch, TrainLoss, TrainAccuracy, ValidationLoss, ValidationAccuracy, LearningRate, ValidationTop5Accuracy);
}

public sealed record AttemptRow(int Attempt, string Worker, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Reason,
    int StartEpoch, long StartStep, string? Error);

public sealed record CheckpointRow(string Name, int Epoch, long SizeBytes, string Sha256, DateTimeOffset CreatedAt, string DownloadUrl, long Step);

public sealed record Download(string Name, long Length, string Sha256, string? HeaderSha256);
