using System.Diagnostics;
using System.Net;
using System.Text;

namespace TrainingService.SubmitLoad;

/// <summary>
/// Sends request <c>i</c> at <c>i / rate</c> seconds whether or not earlier ones have answered (open loop), so a slow
/// answer cannot hold the load back. Each latency runs from the request's scheduled time to the end of its answer:
/// a late send counts against the Api, as it would for a client with its own clock.
/// </summary>
internal static class OpenLoop
{
    public static async Task<IReadOnlyList<Submission>> RunAsync(HttpClient client, string body, double rate, int count)
    {
        var clock = Stopwatch.StartNew();
        var sends = new List<Task<Submission>>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            sends.Add(SendAsync(client, body, clock, due));
        }
        return await Task.WhenAll(sends);
    }

    /// <returns>The milliseconds of one request and its answer, which must be a success.</returns>
    public static async Task<double> TimeOneAsync(HttpClient client, string path, string body)
    {
        var watch = Stopwatch.StartNew();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        await response.Content.LoadIntoBufferAsync();
        response.EnsureSuccessStatusCode();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<Submission> SendAsync(HttpClient client, string body, Stopwatch clock, TimeSpan due)
    {
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/jobs", content);
            await response.Content.LoadIntoBufferAsync();
            return new Submission(response.StatusCode, (clock.Elapsed - due).TotalMilliseconds);
        }
        catch (HttpRequestException)
        {
            return new Submission(0, (clock.Elapsed - due).TotalMilliseconds);
        }
    }
}

/// <summary>One submission's answer (0 when none came) and its latency from its scheduled time.</summary>
internal sealed record Submission(HttpStatusCode Status, double Milliseconds)
{
    public bool Created => Status == HttpStatusCode.Created;
}
