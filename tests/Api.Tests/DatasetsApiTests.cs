using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace TrainingService.Api.Tests;

public sealed class DatasetsApiTests(UploadingApiFactory factory) : IClassFixture<UploadingApiFactory>
{
    private readonly HttpClient _client = factory.Api.CreateClient();

    [Fact]
    public async Task Uploading_a_zip_of_class_folders_returns_201_with_location_and_the_dataset_which_is_then_listed_and_readable_by_id()
    {
        var response = await _client.PostAsync("/api/datasets", Form(DatasetZips.Pets(), name: "  pets  "));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dataset = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = dataset.GetProperty("id").GetGuid();
        Assert.Equal($"/api/datasets/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("pets", dataset.GetProperty("name").GetString());
        Assert.Equal(["cat", "dog"], dataset.GetProperty("classNames").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((3, 32, 32), (Int(dataset, "channels"), Int(dataset, "height"), Int(dataset, "width")));
        Assert.Equal((6, 2), (Int(dataset, "trainCount"), Int(dataset, "testCount")));
        Assert.False(dataset.GetProperty("testHeldOut").GetBoolean());
        Assert.Equal(3, dataset.GetProperty("mean").GetArrayLength());
        Assert.Equal(3, dataset.GetProperty("std").GetArrayLength());
        Assert.True(dataset.TryGetProperty("createdAt", out _));
        Assert.True(Directory.Exists(Path.Combine(factory.UploadFolder, id.ToString())), "the dataset lies under the configured dataset root");

        var listed = (await ListAsync()).GetProperty("uploaded").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal("pets", listed.GetProperty("name").GetString());
        var byId = await _client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}");
        Assert.Equal(dataset.ToString(), byId.ToString());
    }

    [Fact]
    public async Task An_upload_with_resize_stores_every_image_at_that_size()
    {
        var dataset = await UploadAsync(DatasetZips.Pets(side: 8), resize: "16x12");

        Assert.Equal((16, 12), (Int(dataset, "height"), Int(dataset, "width")));
    }

    [Fact]
    public async Task The_list_shows_the_built_in_datasets_by_name_without_the_imagefolder_placeholder()
    {
        var builtIn = (await ListAsync()).GetProperty("builtIn").EnumerateArray().ToArray();

        var names = builtIn.Select(d => d.GetProperty("name").GetString()).ToArray();
        Assert.Contains("mnist", names);
        Assert.Contains("cifar10", names);
        Assert.DoesNotContain("imagefolder", names);
        var mnist = builtIn.Single(d => d.GetProperty("name").GetString() == "mnist");
        Assert.Equal((1, 28, 28, 10), (Int(mnist, "channels"), Int(mnist, "height"), Int(mnist, "width"), mnist.GetProperty("classNames").GetArrayLength()));
        Assert.Equal((60000, 10000), (Int(mnist, "trainCount"), Int(mnist, "testCount")));
        Assert.False(string.IsNullOrWhiteSpace(mnist.GetProperty("displayName").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(mnist.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task A_job_naming_an_uploaded_dataset_by_id_validates_and_is_queued_with_the_id_in_its_spec()
    {
        var id = (await UploadAsync(DatasetZips.Pets())).GetProperty("id").GetGuid();

        var response = await _client.PostAsJsonAsync("/api/jobs", ImageFolderJob(id));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        var dataset = job.GetProperty("spec").GetProperty("dataset");
        Assert.Equal(("imagefolder", id), (dataset.GetProperty("name").GetString(), dataset.GetProperty("id").GetGuid()));
        Assert.Equal(2, Int(job.GetProperty("spec").GetProperty("model"), "numClasses"));
    }

    [Fact]
    public async Task An_imagefolder_job_without_an_id_is_refused_naming_dataset_id()
    {
        var spec = ImageFolderJob(Guid.NewGuid());
        spec["dataset"]!.AsObject().Remove("id");

        var reasons = await RefusedJobFieldAsync(spec, "dataset.id");

        Assert.Contains("is required for imagefolder; upload one with POST /api/datasets", reasons);
    }

    [Fact]
    public async Task An_imagefolder_job_with_an_id_no_upload_has_is_refused_naming_dataset_id()
    {
        var unknown = Guid.NewGuid();

        var reasons = await RefusedJobFieldAsync(ImageFolderJob(unknown), "dataset.id");

        Assert.Contains($"no uploaded dataset has the id {unknown}", reasons);
    }

    [Fact]
    public async Task A_built_in_dataset_given_an_id_is_refused_naming_dataset_id()
    {
        var spec = JobSpecs.With("dataset", "id", Guid.NewGuid().ToString());

        var reasons = await RefusedJobFieldAsync(spec, "dataset.id");

        Assert.Contains("only imagefolder datasets take an id", reasons);
    }

    [Fact]
    public async Task An_upload_with_a_path_that_escapes_its_folder_is_refused_naming_the_entry_and_leaves_nothing_behind()
    {
        var before = (await ListAsync()).GetProperty("uploaded").GetArrayLength();
        var entriesBefore = factory.UploadFolderEntries();
        var zip = DatasetZips.Zip(
            ("train/cat/0.png", DatasetZips.Png(32, 32, 1)),
            ("train/dog/0.png", DatasetZips.Png(32, 32, 2)),
            ("train/cat/../../x.png", DatasetZips.Png(32, 32, 3)));

        var reasons = await RefusedUploadAsync(Form(zip), "file");

        Assert.StartsWith("train/cat/../../x.png: ", reasons);
        Assert.Contains("escapes", reasons);
        Assert.Equal(before, (await ListAsync()).GetProperty("uploaded").GetArrayLength());
        Assert.Equal(entriesBefore, factory.UploadFolderEntries());
        Assert.False(File.Exists(Path.Combine(factory.DatasetRoot, "x.png")));
    }

    [Fact]
    public async Task An_upload_with_a_corrupt_image_is_refused_naming_the_image()
    {
        var zip = DatasetZips.Zip(
            ("train/cat/0.png", DatasetZips.Png(32, 32, 1)),
            ("train/dog/0.png", "not a png at all"u8.ToArray()));

        var reasons = await RefusedUploadAsync(Form(zip), "file");

        Assert.StartsWith("train/dog/0.png: ", reasons);
    }

    [Fact]
    public async Task An_upload_that_is_not_a_zip_is_refused_naming_file()
    {
        var reasons = await RefusedUploadAsync(Form("PK but not really"u8.ToArray()), "file");

        Assert.Contains("not a valid zip", reasons);
    }

    [Fact]
    public async Task A_form_without_a_file_part_is_refused_naming_file()
    {
        var reasons = await RefusedUploadAsync(Form(zip: null), "file");

        Assert.Contains("is required", reasons);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_form_data_is_refused_with_415_problem_as_a_job_that_is_not_json_is()
    {
        var response = await _client.PostAsync("/api/datasets", JsonContent.Create(new { name = "pets" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(415, (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_multipart_body_without_a_boundary_is_refused_naming_file()
    {
        var content = new ByteArrayContent("--x\r\n"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");

        var reasons = await RefusedUploadAsync(content, "file");

        Assert.Contains("multipart/form-data", reasons);
    }

    [Theory]
    [InlineData(null, null, "name")]
    [InlineData("   ", null, "name")]
    [InlineData("pets", "32", "resize")]
    [InlineData("pets", "0x32", "resize")]
    [InlineData("pets", "32x-1", "resize")]
    [InlineData("pets", "axb", "resize")]
    public async Task An_upload_without_a_name_or_with_a_resize_that_is_not_HxW_is_refused_naming_the_field(string? name, string? resize, string field)
    {
        var entriesBefore = factory.UploadFolderEntries();

        await RefusedUploadAsync(Form(DatasetZips.Pets(), name, resize), field);

        Assert.Equal(entriesBefore, factory.UploadFolderEntries());
    }

    [Fact]
    public async Task A_form_with_an_unknown_field_is_refused_naming_it()
    {
        var form = Form(DatasetZips.Pets());
        form.Add(new StringContent("42"), "epochs");

        await RefusedUploadAsync(form, "epochs");
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_with_413_and_leaves_nothing_behind()
    {
        var entriesBefore = factory.UploadFolderEntries();
        var tooLarge = new byte[UploadingApiFactory.MaxUploadBytes + 1];
        new Random(7).NextBytes(tooLarge);

        var response = await _client.PostAsync("/api/datasets", Form(tooLarge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.Contains(UploadingApiFactory.MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString());
        Assert.Equal(entriesBefore, factory.UploadFolderEntries());
    }

    [Fact]
    public async Task Getting_a_dataset_no_upload_has_returns_404_problem()
    {
        var response = await _client.GetAsync($"/api/datasets/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await SubmittingJobsTests.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Deleting_an_uploaded_dataset_returns_204_and_afterwards_it_is_gone_from_the_api_and_the_disk()
    {
        var id = (await UploadAsync(DatasetZips.Pets())).GetProperty("id").GetGuid();

        var deleted = await _client.DeleteAsync($"/api/datasets/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/datasets/{id}")).StatusCode);
        var again = await _client.DeleteAsync($"/api/datasets/{id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(404, (await SubmittingJobsTests.ProblemAsync(again)).GetProperty("status").GetInt32());
        Assert.DoesNotContain((await ListAsync()).GetProperty("uploaded").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(factory.UploadFolderEntries(), entry => entry.Contains(id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dataset_that_a_queued_job_trains_on_cannot_be_deleted_until_no_queued_or_running_job_uses_it()
    {
        var id = (await UploadAsync(DatasetZips.Pets())).GetProperty("id").GetGuid();
        var job = await (await _client.PostAsJsonAsync("/api/jobs", ImageFolderJob(id))).Content.ReadFromJsonAsync<JsonElement>();
        var jobId = job.GetProperty("id").GetGuid();

        var refused = await _client.DeleteAsync($"/api/datasets/{id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(refused);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Contains(jobId.ToString(), problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/datasets/{id}")).StatusCode);

        await SetStatusAsync(jobId, "Running");
        Assert.Equal(HttpStatusCode.Conflict, (await _client.DeleteAsync($"/api/datasets/{id}")).StatusCode);

        await SetStatusAsync(jobId, "Failed");
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/datasets/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_upload_form_with_its_file_name_and_resize_fields()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/datasets/{id}", out var byId) && byId.TryGetProperty("delete", out _), $"{paths}");
        var form = paths.GetProperty("/api/datasets").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var schemaName = form.GetProperty("$ref").GetString()!.Split('/')[^1];
        var fields = document.GetProperty("components").GetProperty("schemas").GetProperty(schemaName).GetProperty("properties");
        Assert.Equal("binary", fields.GetProperty("file").GetProperty("format").GetString());
        Assert.True(fields.TryGetProperty("name", out _) && fields.TryGetProperty("resize", out _), $"{fields}");
    }

    private static MultipartFormDataContent Form(byte[]? zip, string? name = "pets", string? resize = null)
    {
        var form = new MultipartFormDataContent();
        if (zip is not null)
        {
            var file = new ByteArrayContent(zip);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            form.Add(file, "file", "pets.zip");
        }
        if (name is not null) form.Add(new StringContent(name), "name");
        if (resize is not null) form.Add(new StringContent(resize), "resize");
        return form;
    }

    private static JsonObject ImageFolderJob(Guid id)
    {
        var spec = JobSpecs.Valid();
        spec["model"] = new JsonObject { ["name"] = "simplecnn" };
        spec["dataset"] = new JsonObject { ["name"] = "imagefolder", ["id"] = id.ToString(), ["validationFraction"] = 0.2 };
        return spec;
    }

    private async Task<JsonElement> UploadAsync(byte[] zip, string? resize = null)
    {
        var response = await _client.PostAsync("/api/datasets", Form(zip, resize: resize));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<JsonElement> ListAsync() => _client.GetFromJsonAsync<JsonElement>("/api/datasets");

    /// <returns>The first reason the validation problem gives for the field.</returns>
    private async Task<string> RefusedUploadAsync(HttpContent content, string field)
    {
        var response = await _client.PostAsync("/api/datasets", content);
        return await ReasonAsync(response, field);
    }

    private async Task<string> RefusedJobFieldAsync(JsonObject spec, string field) =>
        await ReasonAsync(await _client.PostAsJsonAsync("/api/jobs", spec), field);

    private static async Task<string> ReasonAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SubmittingJobsTests.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var reasons), $"errors name {field}: {problem}");
        return reasons[0].GetString()!;
    }

    private async Task SetStatusAsync(Guid jobId, string status)
    {
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""UPDATE training_jobs SET "Status" = @status WHERE "Id" = @id""", connection);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("id", jobId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static int Int(JsonElement element, string property) => element.GetProperty(property).GetInt32();
}
