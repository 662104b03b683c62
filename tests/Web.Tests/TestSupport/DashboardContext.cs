using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Radzen;
using Radzen.Blazor.Rendering;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Configuration;

namespace TrainingService.Web.Tests.TestSupport;

/// <summary>A bUnit context wired like the app, with the Api and the hub replaced by in-memory stand-ins.</summary>
public sealed class DashboardContext : BunitContext
{
    public const string PublicUrl = "https://training.example.com/";

    public DashboardContext()
    {
        Services.AddSingleton(Options.Create(ApiOptions));
        Services.AddSingleton<ApiEndpoints>();
        Services.AddSingleton(new TrainingApiClient(new HttpClient(Api) { BaseAddress = new("http://api.internal:5080/") }));
        Services.AddSingleton<ITrainingHub>(Hub);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddRadzenComponents();

        // Services first: bUnit freezes the container once the renderer is touched.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Radzen sizes charts through JS; without a size it renders no SVG at all.
        JSInterop.Setup<Rect>("Radzen.createChart", _ => true).SetResult(new Rect { Width = 600, Height = 280 });
    }

    /// <summary>Read when a component first asks, so a test may change it before rendering.</summary>
    public ApiOptions ApiOptions { get; } = new() { BaseUrl = new("http://api.internal:5080"), PublicUrl = new(PublicUrl) };

    public StubApiHandler Api { get; } = new();

    public FakeTrainingHub Hub { get; } = new();

    public TestClock Clock { get; } = new();
}
