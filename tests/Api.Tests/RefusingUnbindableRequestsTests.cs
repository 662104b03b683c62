using System.Net;
using System.Text.Json;

namespace TrainingService.Api.Tests;

/// <summary>Query and route values that do not bind, and pages past the end of int, are 400s naming the parameter, never 500s.</summary>
public sealed class RefusingUnbindableRequestsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>The offset of page p is (p - 1) * pageSize rows; past this page it no longer fits an int.</summary>
    private static int LastPage(int pageSize) => (int)Math.Min(int.MaxValue, (long)int.MaxValue / pageSize + 1);

    [Theory]
    [InlineData("page=2147483647", 20)]
    [InlineData("page=2147483647&pageSize=100", 100)]
    [InlineData("page=21474838&pageSize=100", 100)]
    public async Task A_page_whose_offset_overflows_is_refused_with_400_naming_page(string query, int pageSize)
    {
        var response = await api.CreateClient().GetAsync($"/api/jobs?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        var reason = problem.GetProperty("errors").GetProperty("page")[0].GetString();
        Assert.Contains($"between 1 and {LastPage(pageSize)}", reason);
    }

    [Fact]
    public async Task The_last_page_whose_offset_fits_is_answered_empty()
    {
        var response = await api.CreateClient().GetAsync($"/api/jobs?page={LastPage(100)}&pageSize=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("GET", "/api/jobs?page=abc", "page")]
    [InlineData("GET", "/api/jobs?page=2147483648", "page")]
    [InlineData("GET", "/api/jobs?pageSize=1e99", "pageSize")]
    [InlineData("GET", "/api/jobs?page=1&page=2", "page")]
    [InlineData("GET", "/api/models/alexnet/summary?batch=abc", "batch")]
    [InlineData("GET", "/api/models/alexnet/summary?numClasses=ten", "numClasses")]
    [InlineData("GET", "/api/models/alexnet/pytorch?channels=3.5", "channels")]
    [InlineData("POST", "/api/jobs/3fa85f64-5717-4562-b3fc-2c963f66afa6/predict?topK=many", "topK")]
    public async Task A_value_that_does_not_bind_is_refused_with_400_naming_the_parameter(string method, string url, string parameter)
    {
        var response = await api.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(e => e.Name));
        Assert.EndsWith(".", errors.GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task A_route_value_that_is_not_a_guid_matches_no_job_and_is_404()
    {
        var response = await api.CreateClient().GetAsync("/api/jobs/not-a-guid");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("status").GetInt32());
    }
}
