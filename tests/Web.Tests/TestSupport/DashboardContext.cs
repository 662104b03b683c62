using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Radzen;
using Radzen.Blazor.Rendering;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Configuration;
using TrainingService.Web.Features.Shared;
using TrainingService.Web.Security;

namespace TrainingService.Web.Tests.TestSupport;

/// <summary>A bUnit context wired like the app, with the Api and the hub replaced by in-memory stand-ins.</summary>
public sealed class DashboardContext : BunitContext
{
    public const string PublicUrl = "https://training.example.com/";

    /// <param name="interactive">False for a prerender.</param>
    /// <param name="snapshots">The process's prerender snapshots, to share between a prerender's context and a circuit's.</param>
    public DashboardContext(bool interactive = true, PrerenderSnapshots? snapshots = null)
    {
        PrerenderState = AddBunitPersistentComponentState();
        Services.AddSingleton(snapshots ?? new PrerenderSnapshots());
        Services.AddScoped<PrerenderHandoff>();
        Services.AddSingleton(Options.Create(ApiOptions));
        Services.AddSingleton<ApiEndpoints>();
        Services.AddSingleton(Session);
        Services.AddSingleton(new TrainingApiClient(new HttpClient(Api) { BaseAddress = new("http://api.internal:5080/") }, Session));
        Services.AddSingleton<ITrainingHub>(Hub);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(Notices);
        Services.AddRadzenComponents();

        Authorization = this.AddAuthorization();
        Authorization.SetAuthorized(TestSession.MemberName);
        Authorization.SetRoles(UserRoles.Member);

        // Services first: bUnit freezes the container once the renderer is touched.
        SetRendererInfo(interactive ? new RendererInfo("Server", isInteractive: true) : new RendererInfo("Static", isInteractive: false));
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Radzen sizes charts through JS; without a size it renders no SVG at all.
        JSInterop.Setup<Rect>("Radzen.createChart", _ => true).SetResult(new Rect { Width = 600, Height = 280 });
    }

    /// <summary>Read when a component first asks, so a test may change it before rendering.</summary>
    public ApiOptions ApiOptions { get; } = new() { BaseUrl = new("http://api.internal:5080"), PublicUrl = new(PublicUrl) };

    public StubApiHandler Api { get; } = new();

    /// <summary>The signed-in member whose key the Api client sends; <see cref="SignInAsAdmin"/> changes both views of the user.</summary>
    public ApiKeyAccessor Session { get; } = TestSession.SignedIn();

    public BunitAuthorizationContext Authorization { get; }

    public void SignInAsAdmin()
    {
        Session.UseCircuitUser(TestSession.Principal(TestSession.AdminName, UserRoles.Admin));
        Authorization.SetAuthorized(TestSession.AdminName);
        Authorization.SetRoles(UserRoles.Admin);
    }

    public FakeTrainingHub Hub { get; } = new();

    /// <summary>What a prerender persists for its circuit, as Blazor keeps it in the page.</summary>
    public BunitPersistentComponentState PrerenderState { get; }

    public TestClock Clock { get; } = new();

    /// <summary>The message one page leaves for the jobs list, shared by every page of the test as by a circuit.</summary>
    public JobListNotice Notices { get; } = new();
}
