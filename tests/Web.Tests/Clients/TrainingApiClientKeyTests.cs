using TrainingService.Contracts.Jobs;
using System.Net;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Clients;

public sealed class TrainingApiClientKeyTests
{
    private readonly StubApiHandler api = new();
    private readonly TrainingApiClient client;

    public TrainingApiClientKeyTests() =>
        client = new TrainingApiClient(new HttpClient(api) { BaseAddress = new("http://api.internal:5080/") }, TestSession.SignedIn());

    [Fact]
    public async Task Every_call_carries_the_signed_in_users_key_as_bearer()
    {
        await client.GetJobsAsync(new JobListQuery());
        await client.GetWorkersAsync();
        await Assert.ThrowsAsync<ApiRefusedException>(() => client.CancelAsync(Guid.NewGuid()));

        Assert.Equal(["Bearer " + TestSession.MemberKey, "Bearer " + TestSession.MemberKey, "Bearer " + TestSession.MemberKey], api.Authorizations);
    }

    [Fact]
    public async Task The_sign_in_check_sends_the_key_being_checked_not_the_sessions()
    {
        api.Json("/api/me", """{ "id": "00000000-0000-0000-0000-0000000000a9", "name": "carol", "role": "member", "key": { "id": "00000000-0000-0000-0000-0000000000c9", "name": "first", "prefix": "tsk_carolcar" } }""");

        var me = await client.GetMeAsync("tsk_candidate");

        Assert.Equal("carol", me.Name);
        Assert.Equal("tsk_carolcar", me.Key.Prefix);
        Assert.Equal(["Bearer tsk_candidate"], api.Authorizations);
    }

    [Fact]
    public async Task A_401_from_the_api_is_a_rejected_key_not_an_outage()
    {
        api.Answer(HttpMethod.Get, "/api/jobs?page=1&pageSize=20&sort=active&order=asc", HttpStatusCode.Unauthorized, """{ "title": "A valid API key is required" }""");

        await Assert.ThrowsAsync<ApiKeyRejectedException>(() => client.GetJobsAsync(new JobListQuery()));
    }

    [Fact]
    public async Task Readiness_is_asked_without_a_key()
    {
        api.Json(Samples.ReadinessPath, """{ "status": "Healthy", "checks": [] }""");

        await client.GetReadinessAsync();

        Assert.Equal([null], api.Authorizations);
    }
}
