using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TrainingService.Api.Tests;

/// <summary>
/// Bodies past an endpoint's limit are 413 problem details, on real Kestrel (the in-memory server enforces no
/// limit): when <c>Content-Length</c> declares them and when a chunked body grows past the limit.
/// </summary>
public sealed class RequestSizeLimitTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    /// <summary>Kestrel's default limit, which the hostile tester's bodies passed.</summary>
    private const int KestrelDefaultLimit = 30_000_000;

    private const long JsonLimit = 1 << 20;
    private const long PredictLimit = 25 << 20;

    public static TheoryData<string, string, long> Endpoints => new()
    {
        { "/api/jobs", "application/json", JsonLimit },
        { "/api/jobs/validate", "application/json", JsonLimit },
        { $"/api/jobs/{Guid.NewGuid()}/predict", "application/json", PredictLimit },
        { "/api/models/summary", "application/json", JsonLimit },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_whose_length_passes_the_limit_is_refused_with_413_problem_details(string path, string mediaType, long limit)
    {
        using var content = new ByteArrayContent(new byte[KestrelDefaultLimit + 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);

        var response = await api.CreateClient().PostAsync(path, content);

        await AssertTooLargeAsync(response, limit);
    }

    [Fact]
    public async Task A_client_that_waits_for_100_continue_gets_its_413_before_sending_the_body()
    {
        using var content = new ByteArrayContent(new byte[KestrelDefaultLimit + 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = content };
        request.Headers.ExpectContinue = true;

        var response = await api.CreateClient().SendAsync(request);

        await AssertTooLargeAsync(response, JsonLimit);
    }

    /// <summary>Endpoints that read their body first (predict looks its job up before it reads one).</summary>
    public static TheoryData<string, string, long> BodyFirstEndpoints => new()
    {
        { "/api/jobs", "application/json", JsonLimit },
        { "/api/jobs/validate", "application/json", JsonLimit },
        { "/api/models/summary", "application/json", JsonLimit },
    };

    [Theory]
    [MemberData(nameof(BodyFirstEndpoints))]
    public async Task A_chunked_body_that_grows_past_the_limit_is_refused_with_413_problem_details(string path, string mediaType, long limit)
    {
        // A JSON document that is still valid wherever the limit cuts it: an object opened, then only whitespace.
        using var content = new StreamContent(new UnseekableStream("{"u8.ToArray(), KestrelDefaultLimit + 1, (byte)' '));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await api.CreateClient().SendAsync(request);

        await AssertTooLargeAsync(response, limit);
    }

    [Fact]
    public async Task A_job_submission_just_under_the_limit_is_read_and_judged_on_its_content()
    {
        var padding = new string(' ', (int)JsonLimit - 200);
        var response = await api.CreateClient().PostAsync("/api/jobs", SubmittingJobsTests.Json("{\"name\": 5" + padding + "}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_hangfire_post_without_a_form_is_refused_with_415_not_a_server_error()
    {
        var response = await api.CreateClient().PostAsync("/hangfire/stats", null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(415, (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_hangfire_post_with_a_malformed_multipart_form_is_refused_with_400()
    {
        using var content = new ByteArrayContent("not a multipart body"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        var response = await api.CreateClient().PostAsync("/hangfire/stats", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_dashboards_own_stats_form_still_reaches_hangfire()
    {
        var response = await api.CreateClient().PostAsync("/hangfire/stats",
            new FormUrlEncodedContent([new("metrics[]", "servers:count")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stats = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(stats.TryGetProperty("servers:count", out _), stats.ToString());
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response, long limit)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString());
    }

    /// <summary>A prefix then <c>length</c> filler bytes, with no length to offer, so HttpClient sends it chunked.</summary>
    private sealed class UnseekableStream(byte[] prefix, long length, byte filler) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var total = prefix.Length + length;
            var n = (int)Math.Min(count, total - _position);
            for (var i = 0; i < n; i++, _position++) buffer[offset + i] = _position < prefix.Length ? prefix[_position] : filler;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
