using Microsoft.Extensions.Options;
using TrainingService.Web.Configuration;

namespace TrainingService.Web.Tests.Configuration;

public sealed class ApiEndpointsTests
{
    [Fact]
    public void Public_links_default_to_the_base_url()
    {
        var endpoints = Endpoints(new ApiOptions { BaseUrl = new("http://127.0.0.1:5080") });

        Assert.Equal("http://127.0.0.1:5080/api/jobs/1/checkpoints/best", endpoints.ToPublic("/api/jobs/1/checkpoints/best").AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5080/hubs/training", endpoints.Hub.AbsoluteUri);
    }

    [Fact]
    public void Public_url_with_a_path_prefix_keeps_the_prefix()
    {
        var endpoints = Endpoints(new ApiOptions
        {
            BaseUrl = new("http://api:8080"),
            PublicUrl = new("https://example.com/training"),
        });

        Assert.Equal("https://example.com/training/api/jobs/1/checkpoints/last", endpoints.ToPublic("/api/jobs/1/checkpoints/last").AbsoluteUri);
        Assert.Equal("https://example.com/training/swagger", endpoints.Swagger.AbsoluteUri);
        Assert.Equal("https://example.com/training/hangfire", endpoints.Hangfire.AbsoluteUri);
        Assert.Equal("http://api:8080/hubs/training", endpoints.Hub.AbsoluteUri);
    }

    private static ApiEndpoints Endpoints(ApiOptions options) => new(Options.Create(options));
}
