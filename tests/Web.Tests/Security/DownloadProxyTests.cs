using System.Net;
using System.Net.Http.Headers;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Security;

public sealed class DownloadProxyTests : DashboardHostTests
{
    private static readonly string Best = $"/downloads/jobs/{StandInAccountsApi.JobId}/checkpoints/best";

    [Fact]
    public async Task A_checkpoint_downloads_through_the_dashboard_with_the_users_key_and_its_headers()
    {
        var browser = await SignedInBrowserAsync();

        using var response = await browser.GetAsync(Best, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Api.Checkpoint, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Api.Checkpoint.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{StandInAccountsApi.JobId}-best.pth", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal($"\"{Api.CheckpointSha256}\"", response.Headers.ETag?.Tag);
        Assert.Equal(Api.CheckpointSha256, Assert.Single(response.Headers.GetValues("X-Checksum-Sha256")));
        Assert.Equal(["Bearer " + StandInAccountsApi.MemberKey], Api.AuthorizationsOf($"/api/jobs/{StandInAccountsApi.JobId}/checkpoints/best"));
    }

    [Fact]
    public async Task A_safetensors_download_asks_the_api_for_that_format()
    {
        var browser = await SignedInBrowserAsync();

        using var response = await browser.GetAsync($"{Best}?format=safetensors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{StandInAccountsApi.JobId}-best.safetensors", response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task An_unknown_format_is_refused_before_the_api_is_asked()
    {
        var browser = await SignedInBrowserAsync();

        using var response = await browser.GetAsync($"{Best}?format=onnx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Api.AuthorizationsOf($"/api/jobs/{StandInAccountsApi.JobId}/checkpoints/best"));
    }

    [Fact]
    public async Task The_bundle_downloads_through_the_dashboard_with_the_users_key()
    {
        var browser = await SignedInBrowserAsync();

        using var response = await browser.GetAsync($"/downloads/jobs/{StandInAccountsApi.JobId}/bundle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Api.Bundle, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Bearer " + StandInAccountsApi.MemberKey], Api.AuthorizationsOf($"/api/jobs/{StandInAccountsApi.JobId}/bundle"));
    }

    [Fact]
    public async Task A_range_request_passes_through_as_206_with_only_that_range()
    {
        var browser = await SignedInBrowserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Best);
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(Api.Checkpoint[1000..2000], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 1000-1999/{Api.Checkpoint.Length}", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task A_conditional_request_for_the_same_etag_is_answered_304()
    {
        var browser = await SignedInBrowserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Best);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{Api.CheckpointSha256}\""));

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_checkpoint_is_a_404_problem()
    {
        var browser = await SignedInBrowserAsync();

        using var response = await browser.GetAsync($"/downloads/jobs/{Guid.NewGuid()}/checkpoints/best");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_download_without_a_session_is_sent_to_sign_in()
    {
        using var response = await Dashboard.Browser().GetAsync(Best);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?returnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Empty(Api.AuthorizationsOf($"/api/jobs/{StandInAccountsApi.JobId}/checkpoints/best"));
    }

    [Fact]
    public async Task A_download_with_a_revoked_key_is_sent_to_sign_in_again()
    {
        var browser = await SignedInBrowserAsync();
        Api.Revoke(StandInAccountsApi.MemberKey);

        using var response = await browser.GetAsync(Best);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/signin?reason=expired&returnUrl=%2Fjobs%2F{StandInAccountsApi.JobId}", response.Headers.Location!.OriginalString);
    }
}
