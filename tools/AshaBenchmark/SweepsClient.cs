using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Jobs;
using TrainingService.Faults.Harness;

namespace TrainingService.AshaBenchmark;

/// <summary>The REST calls the benchmark makes, as any client of the service makes them.</summary>
internal sealed class SweepsClient(Uri api, ServiceKey key) : IDisposable
{
    private static readonly JsonSerializerOptions Read = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly HttpClient _http = key.Client(api, TimeSpan.FromMinutes(2));

    public async Task<SweepResource> SubmitAsync(SweepSubmission submission, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("/api/sweeps", submission, JobSpecJson.Options, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/sweeps answered {(int)response.StatusCode}: {body}");
        }
        return JsonSerializer.Deserialize<SweepResource>(body, Read)!;
    }

    public Task<SweepResource> SweepAsync(Guid id, CancellationToken cancellationToken) => GetAsync<SweepResource>($"/api/sweeps/{id}", cancellationToken);

    public Task<List<SweepTrialResource>> TrialsAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<List<SweepTrialResource>>($"/api/sweeps/{id}/trials", cancellationToken);

    public Task<List<SweepRungResource>> RungsAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<List<SweepRungResource>>($"/api/sweeps/{id}/rungs", cancellationToken);

    public Task<List<EpochTiming>> MetricsAsync(Guid jobId, CancellationToken cancellationToken) =>
        GetAsync<List<EpochTiming>>($"/api/jobs/{jobId}/metrics", cancellationToken);

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<T>(path, Read, cancellationToken) ?? throw new InvalidOperationException($"GET {path} answered null.");

    public void Dispose() => _http.Dispose();
}

/// <summary>The part of an epoch's stored metrics the benchmark sums; the rest of the row is ignored.</summary>
internal sealed record EpochTiming(int Epoch, double EpochSeconds);
