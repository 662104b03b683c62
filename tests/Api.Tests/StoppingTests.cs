using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TrainingService.Api.Tests;

public sealed class StoppingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Once_the_api_begins_to_stop_a_new_request_gets_503_with_retry_after_and_a_closed_connection()
    {
        var held = new HeldShutdown();
        await using var stopping = api.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddHostedService(_ => held)));
        var client = stopping.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        stopping.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var response = await client.GetAsync("/hubs/training/negotiate?negotiateVersion=1");
        held.Release();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
        Assert.True(response.Headers.ConnectionClose);
        Assert.Equal("The Api is shutting down", (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("title").GetString());
    }
}
