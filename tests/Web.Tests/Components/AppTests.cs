using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using TrainingService.Web.Components;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Components;

public sealed class AppTests : IDisposable
{
    private readonly DashboardContext context = new();

    [Fact]
    public void Every_page_links_a_favicon_and_the_ico_browsers_ask_for_regardless_exists()
    {
        // The head's own links are under test; the router, import map and preloader need the server's endpoint services.
        context.ComponentFactories.AddStub<ResourcePreloader>();
        context.ComponentFactories.AddStub<ImportMap>();
        context.ComponentFactories.AddStub<Routes>();
        var app = context.Render<App>();

        var icons = app.FindAll("head link[rel=icon]").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains(icons, href => href!.EndsWith("favicon.svg", StringComparison.Ordinal));
        Assert.Contains("favicon.ico", icons);
        foreach (var file in new[] { "favicon.svg", "favicon.ico" })
        {
            Assert.True(File.Exists(Path.Combine(WebRoot, file)), $"{file} is missing from wwwroot.");
        }
    }

    public void Dispose() => context.Dispose();

    private static string WebRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "src", "Web", "wwwroot")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("No src/Web/wwwroot above the test output."), "src", "Web", "wwwroot");
        }
    }
}
