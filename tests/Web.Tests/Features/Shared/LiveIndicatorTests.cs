using System.Net;
using AngleSharp.Dom;
using Bunit;
using TrainingService.Web.Features.Shared;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Shared;

public sealed class LiveIndicatorTests : IDisposable
{
    private readonly DashboardContext context = new();

    [Fact]
    public void A_connected_hub_and_a_healthy_api_show_green_live()
    {
        context.Api.Json(Samples.ReadinessPath, Samples.Readiness("Healthy"));

        var indicator = Indicator();

        indicator.WaitForAssertion(() => Assert.Equal("Live", State(indicator)));
        Assert.Contains("live-live", Element(indicator).ClassName, StringComparison.Ordinal);
        Assert.Contains("● Live", Element(indicator).TextContent, StringComparison.Ordinal);
        Assert.Contains("2 worker(s) online.", Element(indicator).GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_worker_online_is_amber_and_explains_itself_in_the_title()
    {
        context.Api.Json(Samples.ReadinessPath, Samples.Readiness("Degraded", workers: "Degraded"));

        var indicator = Indicator();

        indicator.WaitForAssertion(() => Assert.Equal("Degraded", State(indicator)));
        Assert.Contains("No worker online", Element(indicator).TextContent, StringComparison.Ordinal);
        Assert.Contains("live-degraded", Element(indicator).ClassName, StringComparison.Ordinal);
        Assert.Equal(Samples.NoWorkerDescription, Element(indicator).GetAttribute("title"));
    }

    [Fact]
    public void A_503_with_the_database_down_shows_database_unavailable_in_red()
    {
        context.Api.Answer(HttpMethod.Get, Samples.ReadinessPath, HttpStatusCode.ServiceUnavailable,
            Samples.Readiness("Unhealthy", database: "Unhealthy", workers: "Degraded"));

        var indicator = Indicator();

        indicator.WaitForAssertion(() => Assert.Equal("Unavailable", State(indicator)));
        Assert.Contains("Database unavailable", Element(indicator).TextContent, StringComparison.Ordinal);
        Assert.Contains("live-unavailable", Element(indicator).ClassName, StringComparison.Ordinal);
        Assert.StartsWith(Samples.DatabaseDownDescription, Element(indicator).GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_503_without_a_readable_body_is_still_unavailable()
    {
        context.Api.Answer(HttpMethod.Get, Samples.ReadinessPath, HttpStatusCode.ServiceUnavailable, "<html>Service Unavailable</html>");

        var indicator = Indicator();

        indicator.WaitForAssertion(() => Assert.Equal("Unavailable", State(indicator)));
        Assert.Contains("Api unavailable", Element(indicator).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_healthy_api_behind_a_hub_that_dropped_is_offline_not_live()
    {
        context.Api.Json(Samples.ReadinessPath, Samples.Readiness("Healthy"));

        var indicator = Indicator();
        indicator.WaitForAssertion(() => Assert.Equal("Live", State(indicator)));
        await indicator.InvokeAsync(context.Hub.RaiseDisconnectedAsync);

        indicator.WaitForAssertion(() => Assert.Equal("Offline", State(indicator)));
        Assert.Contains("Offline — reconnecting", Element(indicator).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_hub_first_connects_a_healthy_api_is_connecting_not_offline_or_live()
    {
        context.Api.Json(Samples.ReadinessPath, Samples.Readiness("Healthy"));
        context.Hub.IsConnected = false;

        var indicator = Indicator();

        indicator.WaitForAssertion(() => Assert.Equal(1, context.Api.CountOf(Samples.ReadinessPath)));
        indicator.WaitForAssertion(() => Assert.Equal("Connecting", State(indicator)));
        Assert.Contains("Connecting…", Element(indicator).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_api_is_offline_and_the_title_says_why()
    {
        context.Api.Unreachable = true;

        var indicator = Indicator();

        indicator.WaitForAssertion(() => Assert.Equal("Offline", State(indicator)));
        Assert.Contains("unreachable", Element(indicator).GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_disconnect_turns_live_into_offline_at_once()
    {
        context.Api.Json(Samples.ReadinessPath, Samples.Readiness("Healthy"));
        var indicator = Indicator();
        indicator.WaitForAssertion(() => Assert.Equal("Live", State(indicator)));

        await context.Hub.RaiseDisconnectedAsync();

        indicator.WaitForAssertion(() => Assert.Equal("Offline", State(indicator)));
        Assert.Equal(1, context.Api.CountOf(Samples.ReadinessPath));
    }

    [Fact]
    public async Task A_hub_reconnect_asks_for_readiness_at_once()
    {
        context.Api.Json(Samples.ReadinessPath, Samples.Readiness("Degraded", workers: "Degraded"));
        var indicator = Indicator();
        indicator.WaitForAssertion(() => Assert.Equal("Degraded", State(indicator)));

        context.Api.Json(Samples.ReadinessPath, Samples.Readiness("Healthy"));
        await context.Hub.RaiseConnectedAsync();

        indicator.WaitForAssertion(() => Assert.Equal("Live", State(indicator)));
        Assert.Equal(2, context.Api.CountOf(Samples.ReadinessPath));
    }

    [Fact]
    public async Task Readiness_is_polled_while_the_page_is_open_and_no_longer_once_it_closes()
    {
        context.ApiOptions.ReadinessPollInterval = TimeSpan.FromMilliseconds(50);
        context.Api.Json(Samples.ReadinessPath, Samples.Readiness("Healthy"));
        var indicator = Indicator();

        // Three polls at 50 ms; the wait allows for a loaded 2-core machine, the assertion stays the same.
        indicator.WaitForAssertion(() => Assert.True(context.Api.CountOf(Samples.ReadinessPath) >= 3), TimeSpan.FromSeconds(10));
        await context.DisposeComponentsAsync();
        await Task.Delay(100);
        var pollsAtClose = context.Api.CountOf(Samples.ReadinessPath);
        await Task.Delay(300);

        Assert.Equal(pollsAtClose, context.Api.CountOf(Samples.ReadinessPath));
    }

    [Fact]
    public void The_prerendered_indicator_claims_nothing_and_asks_nothing()
    {
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

        var indicator = Indicator();

        Assert.Equal("Connecting", State(indicator));
        Assert.Equal(0, context.Api.CountOf(Samples.ReadinessPath));
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<LiveIndicator> Indicator() => context.Render<LiveIndicator>();

    private static IElement Element(IRenderedComponent<LiveIndicator> indicator) => indicator.Find("[data-live-state]");

    private static string? State(IRenderedComponent<LiveIndicator> indicator) => Element(indicator).GetAttribute("data-live-state");
}
