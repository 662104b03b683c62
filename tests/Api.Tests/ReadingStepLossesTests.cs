using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Contracts.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Tests;

public sealed class ReadingStepLossesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    // Three epochs of four steps: losses 0.0, 0.1, ... 1.1, so every step is told apart by its loss.
    private const int StepsPerEpoch = 4;
    private const int Epochs = 3;

    [Fact]
    public async Task The_whole_series_comes_one_step_per_bucket_when_it_fits()
    {
        var id = await JobWithStepsAsync();

        var series = await api.CreateClient().GetFromJsonAsync<StepSeriesResource>($"/api/jobs/{id}/steps");

        Assert.Equal((12L, 0L, 12L), (series!.TotalSteps, series.From, series.To));
        Assert.Equal(Enumerable.Range(0, 12).Select(s => new StepPointResource(s, Loss(s), Loss(s), Loss(s), 1)), series.Points);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(11)]
    public async Task Asking_from_a_step_gives_only_the_steps_from_it_on_at_their_run_wide_numbers(long from)
    {
        var id = await JobWithStepsAsync();

        var series = await api.CreateClient().GetFromJsonAsync<StepSeriesResource>($"/api/jobs/{id}/steps?from={from}");

        Assert.Equal((12L, from), (series!.TotalSteps, series.From));
        Assert.Equal(Enumerable.Range((int)from, 12 - (int)from).Select(s => new StepPointResource(s, Loss(s), Loss(s), Loss(s), 1)), series.Points);
    }

    [Fact]
    public async Task Asking_from_the_end_gives_no_steps_and_the_total()
    {
        var id = await JobWithStepsAsync();

        var series = await api.CreateClient().GetFromJsonAsync<StepSeriesResource>($"/api/jobs/{id}/steps?from=12");

        Assert.Equal(12, series!.TotalSteps);
        Assert.Empty(series.Points);
    }

    [Fact]
    public async Task A_job_with_fewer_steps_than_asked_from_says_how_many_it_has()
    {
        var id = await JobWithStepsAsync();

        var series = await api.CreateClient().GetFromJsonAsync<StepSeriesResource>($"/api/jobs/{id}/steps?from=40");

        Assert.Equal((12L, 12L), (series!.TotalSteps, series.From));
        Assert.Empty(series.Points);
    }

    [Fact]
    public async Task Buckets_carry_their_step_counts_which_add_up_to_the_range()
    {
        var id = await JobWithStepsAsync();

        var series = await api.CreateClient().GetFromJsonAsync<StepSeriesResource>($"/api/jobs/{id}/steps?from=1&maxPoints=3");

        Assert.Equal([1L, 4, 8], series!.Points.Select(p => p.Step));
        Assert.Equal([3L, 4, 4], series.Points.Select(p => p.Count));
        Assert.Equal((Loss(1) + Loss(2) + Loss(3)) / 3, series.Points[0].Mean, precision: 5);
        Assert.Equal((Loss(8), Loss(11)), (series.Points[2].Min, series.Points[2].Max));
    }

    [Theory]
    [InlineData("from=-1", "from")]
    [InlineData("from=abc", "from")]
    [InlineData("from=5&to=4", "to")]
    [InlineData("maxPoints=0", "maxPoints")]
    public async Task A_bad_range_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var id = await JobWithStepsAsync();

        var response = await api.CreateClient().GetAsync($"/api/jobs/{id}/steps?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => e.Name.Equals(parameter, StringComparison.OrdinalIgnoreCase)),
            problem.ToString());
    }

    private static float Loss(int step) => step / 10f;

    private async Task<Guid> JobWithStepsAsync()
    {
        var created = await (await api.CreateClient().PostAsJsonAsync("/api/jobs", JobSpecs.Valid())).Content.ReadFromJsonAsync<JsonElement>();
        var id = Guid.Parse(created.GetProperty("id").GetString()!);
        using var scope = api.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            var first = (epoch - 1) * StepsPerEpoch;
            db.StepLosses.Add(new StepLossesRecord
            {
                JobId = id, Epoch = epoch, FirstStep = first,
                Losses = StepLossesRecord.Pack([.. Enumerable.Range(first, StepsPerEpoch).Select(Loss)]),
            });
        }
        await db.SaveChangesAsync();
        return id;
    }
}
