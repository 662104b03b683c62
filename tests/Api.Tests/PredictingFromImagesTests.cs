using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TrainingService.Api.Tests;

/// <summary>
/// <c>POST /api/jobs/{id}/predict</c> with files and pixel arrays: images in any PNG colour type or JPEG are
/// converted to the job's channels, and every input it cannot take is a 400 naming the field, changing nothing.
/// </summary>
public sealed class PredictingFromImagesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const long HundredMegabytes = 100L << 20;

    private readonly HttpClient _client = api.CreateClient();

    [Theory]
    [InlineData("rgb")]
    [InlineData("rgba")]
    [InlineData("palette")]
    [InlineData("grey+alpha")]
    public async Task A_colour_png_of_a_digit_is_predicted_for_an_mnist_job_exactly_as_its_grey_png(string colourType)
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        var grey = await PredictAsync(id, Files(("images", "grey.png", PredictionImages.DigitPng("grey"))));
        var colour = await PredictAsync(id, Files(("images", "colour.png", PredictionImages.DigitPng(colourType))));

        Assert.Equal(HttpStatusCode.OK, colour.StatusCode);
        var expected = (await grey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0].GetProperty("top");
        var actual = (await colour.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0];
        Assert.Equal("colour.png", actual.GetProperty("name").GetString());
        Assert.Equal(expected.GetArrayLength(), actual.GetProperty("top").GetArrayLength());
        for (var rank = 0; rank < expected.GetArrayLength(); rank++)
        {
            Assert.Equal(expected[rank].GetProperty("classIndex").GetInt32(), actual.GetProperty("top")[rank].GetProperty("classIndex").GetInt32());
            Assert.Equal(expected[rank].GetProperty("probability").GetDouble(), actual.GetProperty("top")[rank].GetProperty("probability").GetDouble(), 12);
        }
    }

    [Fact]
    public async Task An_rgb_jpeg_of_a_digit_is_predicted_for_an_mnist_job()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        var response = await PredictAsync(id, Files(("images", "digit.jpg", PredictionImages.DigitJpeg())), topK: 10);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var top = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0].GetProperty("top");
        Assert.Equal(10, top.GetArrayLength());
        Assert.Equal(1.0, top.EnumerateArray().Sum(c => c.GetProperty("probability").GetDouble()), 5);
    }

    [Theory]
    [InlineData("images[]")]
    [InlineData("file")]
    public async Task Files_may_also_be_sent_under_the_array_and_single_file_names(string field)
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        var response = await PredictAsync(id, Files((field, "a.png", PredictionImages.DigitPng("grey")), (field, "b.png", PredictionImages.DigitPng("rgb"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions").GetArrayLength());
    }

    [Fact]
    public async Task A_png_declaring_30000_by_30000_pixels_is_refused_before_decoding()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var bomb = PredictionImages.BlackBomb(30_000, 30_000);
        var peakBefore = PeakResidentBytes();

        var reason = await RefusedAsync(id, Files(("images", "bomb.png", bomb)), "images[0]");

        var growth = PeakResidentBytes() - peakBefore;
        Assert.True(bomb.Length < 1 << 20, $"the bomb is {bomb.Length} bytes");
        Assert.Equal("bomb.png: is 30000x30000 pixels; images may be at most 4096 pixels wide and high.", reason);
        Assert.True(growth < HundredMegabytes, $"peak memory grew by {growth} bytes");
    }

    [Fact]
    public async Task Two_hundred_fifty_seven_files_are_refused_naming_images_rather_than_predicting_two_hundred_fifty_six()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var png = PredictionImages.DigitPng("grey");

        var reason = await RefusedAsync(id, Files([.. Enumerable.Range(0, 257).Select(i => ("images", $"{i}.png", png))]), "images");

        Assert.Equal("holds 257 images; send at most 256 per request.", reason);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_naming_its_index()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        var reason = await RefusedAsync(id, Files(("images", "ok.png", PredictionImages.DigitPng("grey")), ("images", "huge.png", new byte[(16 << 20) + 1])), "images[1]");

        Assert.Equal($"huge.png is {(16 << 20) + 1} bytes; an image file may be at most {16 << 20} bytes.", reason);
    }

    [Fact]
    public async Task Unknown_form_fields_are_refused_naming_them()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var form = Files(("images", "a.png", PredictionImages.DigitPng("grey")), ("picture", "b.png", PredictionImages.DigitPng("grey")));
        form.Add(new StringContent("3"), "topK");

        var picture = await RefusedAsync(id, form, "picture");
        var problem = await SubmittingJobsTests.ProblemAsync(await PredictAsync(id, TextForm()));

        Assert.Contains("is not a field of a prediction request", picture);
        Assert.True(problem.GetProperty("errors").TryGetProperty("label", out _), $"{problem}");
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_naming_its_index_and_file()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        var reason = await RefusedAsync(id, Files(("images", "notes.png", "hello"u8.ToArray())), "images[0]");

        Assert.Equal("notes.png: is not a PNG or JPEG image, or it is corrupt.", reason);
    }

    [Theory]
    [InlineData("""{"images": null}""", "images")]
    [InlineData("""{"images": "x"}""", "images")]
    [InlineData("""{"images": []}""", "images")]
    [InlineData("""{}""", "images")]
    [InlineData("""{"images": [null]}""", "images[0]")]
    [InlineData("""{"images": [[[1, [2]]]]}""", "images[0]")]
    [InlineData("""{"images": [], "other": 1}""", "other")]
    [InlineData("""[1, 2]""", "$")]
    [InlineData("\"images\"", "$")]
    [InlineData("""{"images": [""", "$")]
    [InlineData("", "$")]
    public async Task A_json_body_that_is_not_an_object_of_1_to_256_pixel_arrays_is_refused_naming_the_field(string body, string field)
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        var reason = await RefusedAsync(id, new StringContent(body, Encoding.UTF8, "application/json"), field);

        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public async Task Malformed_json_is_refused_at_dollar_with_its_line_and_byte()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);

        var reason = await RefusedAsync(id, new StringContent("{\"images\":\n [1,", Encoding.UTF8, "application/json"), "$");

        Assert.StartsWith("is not valid JSON (line 2", reason);
    }

    [Fact]
    public async Task Two_hundred_fifty_seven_json_pixel_arrays_are_refused_naming_images()
    {
        var id = await PredictionTestBed.JobWithCheckpointAsync(api);
        var rows = Enumerable.Range(0, 28).Select(_ => new int[28]).ToArray();

        var reason = await RefusedAsync(id, JsonContent.Create(new { images = Enumerable.Repeat(rows, 257) }), "images");

        Assert.Equal("holds 257 images; send at most 256 per request.", reason);
    }

    private static MultipartFormDataContent Files(params (string Field, string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, name, bytes) in files) form.Add(new ByteArrayContent(bytes), field, name);
        return form;
    }

    private static MultipartFormDataContent TextForm() => new() { { new StringContent("7"), "label" } };

    private Task<HttpResponseMessage> PredictAsync(Guid id, HttpContent content, int topK = 3) =>
        _client.PostAsync($"/api/jobs/{id}/predict?topK={topK}", content);

    /// <returns>The one reason given for the field, after checking that the request changed nothing.</returns>
    private async Task<string> RefusedAsync(Guid id, HttpContent content, string field)
    {
        var before = await PredictionTestBed.StateAsync(api, id);
        var response = await PredictAsync(id, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var reasons), $"{field} not among {errors}");
        Assert.Equal(before, await PredictionTestBed.StateAsync(api, id));
        return reasons[0].GetString()!;
    }

    /// <summary>VmHWM of /proc/self/status: the most resident memory this process (the Api and the test) has held so far.</summary>
    private static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
