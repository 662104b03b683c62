using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TrainingService.Api.Tests;

/// <summary>A submission answers once its job is stored; the Hangfire job follows off the request's path, within milliseconds.</summary>
internal static class DispatchedJobs
{
    /// <summary>
    /// Submits <paramref name="spec"/> and waits until its Hangfire job is named, so that a test comparing two reads of
    /// the job sees only its own changes, not the dispatch loop's.
    /// </summary>
    public static async Task<Guid> SubmitAsync(HttpClient client, object spec)
    {
        var response = await client.PostAsJsonAsync("/api/jobs", spec);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"submitting answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var job = await ReadAsync(client, response.Headers.Location!);
        return job["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonObject> ReadAsync(HttpClient client, Uri location)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var job = (await client.GetFromJsonAsync<JsonObject>(location))!;
            if (job["hangfireJobId"] is not null || DateTime.UtcNow > deadline) return job;
            await Task.Delay(20);
        }
    }
}
