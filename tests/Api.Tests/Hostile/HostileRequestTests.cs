using System.Net.Http.Json;
using System.Text.Json;

namespace TrainingService.Api.Tests.Hostile;

/// <summary>
/// Each hostile request gets the answer its row names (never a 5xx), as RFC 7807 problem details naming the field
/// where a field is at fault, and leaves no row and no file behind.
/// </summary>
public sealed class HostileRequestTests(HostileApiFixture fixture) : IClassFixture<HostileApiFixture>
{
    private static readonly Dictionary<string, HostileCase> Cases = HostileCases.All().ToDictionary(c => c.Name);

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Fact]
    public void The_table_covers_at_least_150_cases() => Assert.True(Cases.Count >= 150, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_hostile_request_is_refused_as_its_row_says_and_stores_nothing(string name)
    {
        var hostile = Cases[name];
        var before = await fixture.FootprintAsync();
        using var request = HostileRequests.Create(hostile.Method, hostile.Path.Replace("{job}", fixture.JobId.ToString(), StringComparison.Ordinal), hostile.Body());

        using var response = await fixture.Api.CreateClient().SendAsync(request);

        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (hostile.Status == HostileCase.AnyClientError) Assert.True(status is >= 400 and < 500, $"{name}: {status} {body}");
        else Assert.True(hostile.Status == status, $"{name}: expected {hostile.Status}, got {status} {body}");
        if (status >= 400 && hostile.Path.StartsWith("/api/", StringComparison.Ordinal) && !hostile.RefusedByKestrel)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{name}: {response.Content.Headers.ContentType} {body}");
            var problem = JsonSerializer.Deserialize<JsonElement>(body);
            Assert.Equal(status, problem.GetProperty("status").GetInt32());
            if (hostile.Field is { } field)
            {
                Assert.True(problem.TryGetProperty("errors", out var errors), $"{name}: no errors in {body}");
                var named = errors.EnumerateObject().Select(e => e.Name).ToList();
                Assert.True(named.Any(key => key == field || key.StartsWith(field + ".", StringComparison.Ordinal) || key.StartsWith(field + "[", StringComparison.Ordinal)),
                    $"{name}: expected a reason for {field}, got {body}");
            }
        }
        Assert.Equal(before, await fixture.FootprintAsync());
    }

    [Fact]
    public async Task Every_endpoint_still_answers_after_the_hostile_table()
    {
        var response = await fixture.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/jobs/{fixture.JobId}");
        Assert.Equal("Queued", response.GetProperty("status").GetString());
    }
}
