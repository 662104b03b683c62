using TrainingService.Web.Clients.Hub;

namespace TrainingService.Web.Tests.Clients;

public sealed class HubMembershipsTests
{
    [Fact]
    public void Only_the_first_join_and_the_last_leave_reach_the_server()
    {
        var memberships = new HubMemberships();
        var job = Guid.NewGuid();

        Assert.True(memberships.AddJob(job));
        Assert.False(memberships.AddJob(job));
        Assert.False(memberships.RemoveJob(job));
        Assert.True(memberships.RemoveJob(job));
        Assert.Empty(memberships.Jobs);
    }

    [Fact]
    public void All_jobs_subscription_is_counted_too()
    {
        var memberships = new HubMemberships();

        Assert.True(memberships.AddAllJobs());
        Assert.False(memberships.AddAllJobs());
        Assert.False(memberships.RemoveAllJobs());
        Assert.True(memberships.RemoveAllJobs());
        Assert.False(memberships.RemoveAllJobs());
        Assert.False(memberships.AllJobs);
    }
}
