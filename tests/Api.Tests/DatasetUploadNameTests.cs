using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrainingService.Api.Tests;

/// <summary>A dataset's name follows the job-name rule: no control characters (PostgreSQL text refuses NUL), at most 200 characters.</summary>
public sealed class DatasetUploadNameTests(UploadingApiFactory factory) : IClassFixture<UploadingApiFactory>
{
    private readonly HttpClient _client = factory.Api.CreateClient();

    [Theory]
    [InlineData("pe\0ts", "must not contain control characters (such as NUL, tabs or line breaks).")]
    [InlineData("pets\nand more", "must not contain control characters (such as NUL, tabs or line breaks).")]
    [InlineData("pets\u001b[31m", "must not contain control characters (such as NUL, tabs or line breaks).")]
    public async Task A_name_with_control_characters_is_refused_naming_name_and_nothing_is_stored(string name, string reason)
    {
        var entriesBefore = factory.UploadFolderEntries();
        var listedBefore = await UploadedCountAsync();

        var response = await _client.PostAsync("/api/datasets", Form(name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("errors");
        Assert.Equal(reason, errors.GetProperty("name")[0].GetString());
        Assert.Equal(entriesBefore, factory.UploadFolderEntries());
        Assert.Equal(listedBefore, await UploadedCountAsync());
    }

    [Fact]
    public async Task A_name_of_200_characters_is_accepted_and_one_of_201_refused()
    {
        var accepted = await _client.PostAsync("/api/datasets", Form(new string('a', 200)));
        var refused = await _client.PostAsync("/api/datasets", Form(new string('a', 201)));

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("must be at most 200 characters.",
            (await SubmittingJobsTests.ProblemAsync(refused)).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    private async Task<int> UploadedCountAsync() =>
        (await _client.GetFromJsonAsync<JsonElement>("/api/datasets")).GetProperty("uploaded").GetArrayLength();

    private static MultipartFormDataContent Form(string name)
    {
        var file = new ByteArrayContent(DatasetZips.Pets());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { file, "file", "pets.zip" }, { new StringContent(name), "name" } };
    }
}
