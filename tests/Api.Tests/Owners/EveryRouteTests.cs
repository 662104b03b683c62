using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingService.Core.Persistence;
using TrainingService.Tests.Shared;
using Xunit.Abstractions;

namespace TrainingService.Api.Tests.Owners;

/// <summary>
/// Walks every operation of the Api's OpenAPI document: without a key, with a revoked key, with another member's
/// key and with the owner's key. An operation the table below has no expectation for fails the walk, so a new
/// route cannot be forgotten; an expectation without an operation fails too, except for the accounts routes of
/// the issue-11 contract, which may not be in this build yet.
/// </summary>
public sealed class EveryRouteTests(OwnersFixture owners, ITestOutputHelper output) : IClassFixture<OwnersFixture>
{
    /// <summary>Who gets what, beyond 401 for no key and for a revoked key, which holds for every kind.</summary>
    private enum Access
    {
        /// <summary>Someone's resource by id: another member 404 (as a missing id), the owner 2xx.</summary>
        Owned,
        /// <summary>The caller's own collection or a creation: 2xx for anyone, and another member's answer names none of the owner's ids.</summary>
        Own,
        /// <summary>Built-in datasets, the model zoo, the fleet: 2xx for anyone signed in.</summary>
        Shared,
        /// <summary>User management: a member 403, an admin 2xx.</summary>
        Admin,
    }

    private sealed record Expectation(Access Access, Func<Task<Func<HttpRequestMessage>>> Prepare);

    private readonly HttpClient _alice = owners.Client(owners.Alice.Key.Secret);

    [Fact]
    public async Task Every_operation_answers_401_without_a_key_and_with_a_revoked_one_404_to_another_member_and_success_to_its_owner()
    {
        var document = await owners.Admin().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var expectations = Expectations();
        var failures = new List<string>();
        var walked = new HashSet<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var route = $"{operation.Name.ToUpperInvariant()} {Normalise(path.Name)}";
            walked.Add(route);
            if (!expectations.TryGetValue(route, out var expectation))
            {
                failures.Add($"{route}: no expectation; add it to {nameof(EveryRouteTests)}");
                continue;
            }
            var request = await expectation.Prepare();
            failures.AddRange(await WalkAsync(route, expectation.Access, request));
        }
        foreach (var route in expectations.Keys.Where(r => !walked.Contains(r)))
        {
            failures.Add($"{route}: expected, but the document has no such operation");
        }

        output.WriteLine($"walked {walked.Count} operations: {string.Join(", ", walked.Order(StringComparer.Ordinal))}");
        Assert.True(walked.Count >= 30, $"the document lists {walked.Count} operations");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/swagger/index.html")]
    public async Task Health_and_swagger_answer_without_a_key(string path)
    {
        var response = await owners.Client(null).GetAsync(path);

        // Readiness is 503 while no worker runs; what matters is that it is not refused for want of a key.
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{path}: {(int)response.StatusCode}");
    }

    private async Task<List<string>> WalkAsync(string route, Access access, Func<HttpRequestMessage> request)
    {
        var failures = new List<string>();
        async Task<(HttpStatusCode Status, string Body)> As(string? key)
        {
            using var message = request();
            using var response = await owners.Client(key).SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Unauthorized && !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
            {
                failures.Add($"{route}: a 401 without 'WWW-Authenticate: Bearer'");
            }
            return (response.StatusCode, body);
        }
        void Expect(string who, (HttpStatusCode Status, string Body) got, Func<HttpStatusCode, bool> ok, string wanted)
        {
            if (!ok(got.Status)) failures.Add($"{route} {who}: {(int)got.Status} where {wanted} was expected; {got.Body[..Math.Min(300, got.Body.Length)]}");
        }
        static bool Success(HttpStatusCode s) => (int)s is >= 200 and < 300;

        Expect("without a key", await As(null), s => s == HttpStatusCode.Unauthorized, "401");
        Expect("with a revoked key", await As(owners.RevokedKey), s => s == HttpStatusCode.Unauthorized, "401");
        var other = await As(owners.Bob.Key.Secret);
        switch (access)
        {
            case Access.Owned:
                Expect("with another member's key", other, s => s == HttpStatusCode.NotFound, "404");
                Expect("with the owner's key", await As(owners.Alice.Key.Secret), Success, "2xx");
                break;
            case Access.Own:
                Expect("with another member's key", other, Success, "2xx");
                foreach (var id in _aliceIds.Where(id => other.Body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)))
                {
                    failures.Add($"{route} with another member's key: the answer names the owner's {id}");
                }
                Expect("with the owner's key", await As(owners.Alice.Key.Secret), Success, "2xx");
                break;
            case Access.Shared:
                Expect("with a member's key", other, Success, "2xx");
                Expect("with another member's key", await As(owners.Alice.Key.Secret), Success, "2xx");
                break;
            case Access.Admin:
                Expect("with a member's key", other, s => s == HttpStatusCode.Forbidden, "403");
                Expect("with an admin's key", await As(owners.Root.Key.Secret), Success, "2xx");
                break;
        }
        return failures;
    }

    /// <summary>Ids of everything Alice owns in this walk, none of which Bob may ever read.</summary>
    private readonly List<Guid> _aliceIds = [];

    private Dictionary<string, Expectation> Expectations()
    {
        Func<HttpRequestMessage> Get(string path) => () => new HttpRequestMessage(HttpMethod.Get, path);
        Func<HttpRequestMessage> Send(HttpMethod method, string path, Func<HttpContent?>? content = null) =>
            () => new HttpRequestMessage(method, path) { Content = content?.Invoke() };
        Func<HttpContent> Json(JsonNode body) => () => JsonContent.Create(body);

        Expectation OnJob(Func<Guid, Func<HttpRequestMessage>> request, Func<Guid, Task>? prepare = null, bool checkpoint = false) =>
            new(Access.Owned, async () =>
            {
                var job = checkpoint ? await PredictionTestBed.JobWithCheckpointAsync(owners.Api, _alice) : await owners.SubmitAsync(_alice);
                _aliceIds.Add(job);
                if (prepare is not null) await prepare(job);
                return request(job);
            });
        Expectation OnSweep(Func<Guid, Func<HttpRequestMessage>> request) => new(Access.Owned, async () =>
        {
            var sweep = await SubmitSweepAsync();
            _aliceIds.Add(sweep);
            return request(sweep);
        });
        Expectation Plain(Access access, Func<HttpRequestMessage> request) => new(access, () => Task.FromResult(request));
        Expectation OnDataset(Func<Guid, Func<HttpRequestMessage>> request) => new(Access.Owned, async () =>
        {
            var dataset = await owners.UploadAsync(_alice);
            _aliceIds.Add(dataset);
            return request(dataset);
        });

        return new Dictionary<string, Expectation>
        {
            ["POST /api/jobs"] = Plain(Access.Own, Send(HttpMethod.Post, "/api/jobs", Json(JobSpecs.Valid()))),
            ["POST /api/jobs/validate"] = Plain(Access.Own, Send(HttpMethod.Post, "/api/jobs/validate", Json(JobSpecs.Valid()))),
            ["GET /api/jobs"] = new(Access.Own, async () => { _aliceIds.Add(await owners.SubmitAsync(_alice)); return Get("/api/jobs?pageSize=100"); }),
            ["GET /api/jobs/{id}"] = OnJob(id => Get($"/api/jobs/{id}")),
            ["GET /api/jobs/{id}/metrics"] = OnJob(id => Get($"/api/jobs/{id}/metrics")),
            ["GET /api/jobs/{id}/steps"] = OnJob(id => Get($"/api/jobs/{id}/steps")),
            ["GET /api/jobs/{id}/evaluation"] = OnJob(id => Get($"/api/jobs/{id}/evaluation"), owners.GiveEvaluationAsync),
            ["POST /api/jobs/{id}/predict"] = OnJob(id => Send(HttpMethod.Post, $"/api/jobs/{id}/predict", Digit), checkpoint: true),
            ["GET /api/jobs/{id}/pytorch"] = OnJob(id => Get($"/api/jobs/{id}/pytorch")),
            ["GET /api/jobs/{id}/onnx"] = OnJob(id => Get($"/api/jobs/{id}/onnx"), checkpoint: true),
            ["POST /api/jobs/{id}/cancel"] = OnJob(id => Send(HttpMethod.Post, $"/api/jobs/{id}/cancel")),
            ["POST /api/jobs/{id}/pause"] = OnJob(id => Send(HttpMethod.Post, $"/api/jobs/{id}/pause")),
            ["POST /api/jobs/{id}/resume"] = OnJob(id => Send(HttpMethod.Post, $"/api/jobs/{id}/resume"),
                async id => Assert.Equal(HttpStatusCode.OK, (await _alice.PostAsync($"/api/jobs/{id}/pause", null)).StatusCode)),
            ["GET /api/jobs/{id}/attempts"] = OnJob(id => Get($"/api/jobs/{id}/attempts")),
            ["GET /api/jobs/{id}/checkpoints"] = OnJob(id => Get($"/api/jobs/{id}/checkpoints"), checkpoint: true),
            ["GET /api/jobs/{id}/checkpoints/{name}"] = OnJob(id => Get($"/api/jobs/{id}/checkpoints/best"), checkpoint: true),
            ["GET /api/jobs/{id}/bundle"] = OnJob(id => Get($"/api/jobs/{id}/bundle"), checkpoint: true),
            ["PATCH /api/jobs/{id}"] = OnJob(id => Send(HttpMethod.Patch, $"/api/jobs/{id}", Json(new JsonObject { ["tags"] = new JsonArray("walked") }))),
            ["DELETE /api/jobs/{id}"] = OnJob(id => Send(HttpMethod.Delete, $"/api/jobs/{id}"), checkpoint: true,
                prepare: async id => Assert.Equal(HttpStatusCode.OK, (await _alice.PostAsync($"/api/jobs/{id}/cancel", null)).StatusCode)),
            ["GET /api/storage"] = Plain(Access.Own, Get("/api/storage")),

            ["POST /api/sweeps"] = Plain(Access.Own, Send(HttpMethod.Post, "/api/sweeps", Json(Sweeps.SweepSpecs.Valid(values: 1, maxConcurrent: 1)))),
            ["GET /api/sweeps"] = new(Access.Own, async () => { _aliceIds.Add(await SubmitSweepAsync()); return Get("/api/sweeps?pageSize=100"); }),
            ["GET /api/sweeps/{id}"] = OnSweep(id => Get($"/api/sweeps/{id}")),
            ["GET /api/sweeps/{id}/trials"] = OnSweep(id => Get($"/api/sweeps/{id}/trials")),
            ["GET /api/sweeps/{id}/rungs"] = OnSweep(id => Get($"/api/sweeps/{id}/rungs")),
            ["POST /api/sweeps/{id}/cancel"] = OnSweep(id => Send(HttpMethod.Post, $"/api/sweeps/{id}/cancel")),

            ["GET /api/models"] = Plain(Access.Shared, Get("/api/models")),
            ["GET /api/models/{name}/summary"] = Plain(Access.Shared, Get("/api/models/lenet5/summary")),
            ["GET /api/models/{name}/pytorch"] = Plain(Access.Shared, Get("/api/models/lenet5/pytorch")),
            ["POST /api/models/summary"] = Plain(Access.Shared, Send(HttpMethod.Post, "/api/models/summary", Json(JsonNode.Parse("""
                {"layers": [{"type": "Conv2d", "out": 6, "kernel": 5}, {"type": "Flatten"}, {"type": "Linear", "out": 10}], "inputShape": "1x32x32"}
                """)!))),

            ["POST /api/datasets"] = Plain(Access.Own, Send(HttpMethod.Post, "/api/datasets", () => OwnersFixture.DatasetForm(DatasetZips.Pets(), "walk"))),
            ["GET /api/datasets"] = new(Access.Own, async () => { _aliceIds.Add(await owners.UploadAsync(_alice)); return Get("/api/datasets"); }),
            ["GET /api/datasets/{id}"] = OnDataset(id => Get($"/api/datasets/{id}")),
            ["DELETE /api/datasets/{id}"] = OnDataset(id => Send(HttpMethod.Delete, $"/api/datasets/{id}")),

            ["GET /api/workers"] = Plain(Access.Shared, Get("/api/workers")),
            ["GET /api/workers/{name}"] = new(Access.Shared, async () => Get($"/api/workers/{await AddWorkerAsync()}")),

            ["GET /api/me"] = Plain(Access.Own, Get("/api/me")),
            ["GET /api/keys"] = Plain(Access.Own, Get("/api/keys")),
            ["POST /api/keys"] = Plain(Access.Own, Send(HttpMethod.Post, "/api/keys", Json(new JsonObject { ["name"] = "laptop" }))),
            ["DELETE /api/keys/{id}"] = new(Access.Owned, async () =>
            {
                var spare = await TestAccounts.Store(owners.ConnectionString).CreateKeyAsync(owners.Alice.User.Id, "spare", CancellationToken.None);
                return Send(HttpMethod.Delete, $"/api/keys/{spare!.Key.Id}");
            }),
            ["GET /api/users"] = Plain(Access.Admin, Get("/api/users")),
            ["POST /api/users"] = Plain(Access.Admin, Send(HttpMethod.Post, "/api/users", Json(new JsonObject { ["name"] = "walked", ["role"] = "member" }))),
            ["GET /api/users/{id}/keys"] = Plain(Access.Admin, Get($"/api/users/{owners.Alice.User.Id}/keys")),
            ["POST /api/users/{id}/keys"] = Plain(Access.Admin,
                Send(HttpMethod.Post, $"/api/users/{owners.Alice.User.Id}/keys", Json(new JsonObject { ["name"] = "from the admin" }))),
        };
    }

    /// <summary>Route templates as the table writes them: no trailing slash, any parameter constraint dropped.</summary>
    private static string Normalise(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.Length > 1 ? path.TrimEnd('/') : path, @"\{([^}:]+)(:[^}]*)?\}", "{$1}");

    private static HttpContent Digit()
    {
        var image = new ByteArrayContent(PredictionImages.DigitPng("grey"));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { image, "images", "digit.png" } };
    }


    private async Task<Guid> SubmitSweepAsync()
    {
        var response = await _alice.PostAsJsonAsync("/api/sweeps", Sweeps.SweepSpecs.Valid(values: 1, maxConcurrent: 1));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<string> AddWorkerAsync()
    {
        var name = $"walk-{Guid.NewGuid():N}";
        await using var db = await owners.Api.Services.GetRequiredService<IDbContextFactory<TrainingDbContext>>().CreateDbContextAsync();
        db.Workers.Add(new WorkerRecord
        {
            Name = name, Host = "host", DeviceKind = "cpu", Version = "test", CpuThreads = 2, State = WorkerState.Idle,
            StartedAt = DateTimeOffset.UtcNow, LastHeartbeat = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return name;
    }
}
