using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingService.Api.Tests.Owners;

/// <summary><c>POST /api/jobs/validate</c> follows the submission's owner rules: another user's upload is an unknown id.</summary>
public sealed class ValidatingOnUploadsTests(OwnersFixture owners) : IClassFixture<OwnersFixture>
{
    [Fact]
    public async Task Validating_on_another_users_upload_is_refused_as_an_unknown_id_and_on_ones_own_describes_it()
    {
        var alice = owners.Client(owners.Alice.Key.Secret);
        var dataset = await owners.UploadAsync(alice);

        var own = await ValidateOnAsync(alice, dataset);
        var others = await ValidateOnAsync(owners.Client(owners.Bob.Key.Secret), dataset);
        var unknown = await ValidateOnAsync(owners.Client(owners.Bob.Key.Secret), Guid.Empty);

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal("imagefolder", own.Body.GetProperty("input").GetProperty("dataset").GetString());
        Assert.Equal(2, own.Body.GetProperty("input").GetProperty("classCount").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, others.Status);
        var reason = others.Body.GetProperty("errors").GetProperty("dataset.id")[0].GetString();
        Assert.Equal(unknown.Body.GetProperty("errors").GetProperty("dataset.id")[0].GetString()!.Replace(Guid.Empty.ToString(), dataset.ToString(), StringComparison.Ordinal), reason);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ValidateOnAsync(HttpClient client, Guid dataset)
    {
        var spec = JobSpecs.Valid();
        spec["dataset"] = new JsonObject { ["name"] = "imagefolder", ["id"] = dataset.ToString() };
        spec["model"] = new JsonObject { ["custom"] = JsonNode.Parse("""[{"type": "Flatten"}, {"type": "Linear", "out": 2}]""") };
        var response = await client.PostAsJsonAsync("/api/jobs/validate", spec);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
