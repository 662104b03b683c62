using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TrainingService.Api.Tests;

/// <summary>A submission answers once its job is stored; the Hangfire job follows off the request's path, within milliseconds.</summary>
internal static class DispatchedJobs
{
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
