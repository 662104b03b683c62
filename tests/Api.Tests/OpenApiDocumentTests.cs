using System.Net.Http.Json;
using System.Text.Json;

namespace TrainingService.Api.Tests;

public sealed class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_openapi_document_describes_every_job_endpoint_with_schemas_and_an_example_spec()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/metrics", "/api/jobs/{id}/checkpoints", "/api/jobs/{id}/checkpoints/{name}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"the document has {path}");
        }
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("JobResource", out _));
        var example = schemas.GetProperty("JobSubmission").GetProperty("example");
        Assert.Equal("lenet5", example.GetProperty("model").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var response = await api.CreateClient().GetAsync("/swagger/index.html");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }
}
