using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TrainingService.EndToEnd.Tests.Accounts;
using TrainingService.EndToEnd.Tests.BrowserSupport;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests.Browser;

/// <summary>
/// The job page's Try-it panel on the real service (Api, Worker and dashboard processes, PostgreSQL, TorchSharp) in
/// Chromium: a member trains a small LeNet-5, draws a digit with the mouse and gets the top classes as bars, then uploads
/// an MNIST digit as a PNG and sees the bars and the padded, normalised 32 x 32 input the network read.
/// </summary>
public sealed class TryItInBrowserTests : IAsyncLifetime
{
    private static readonly float Patience = (float)TimeSpan.FromSeconds(30).TotalMilliseconds;
    private static readonly TimeSpan TrainingPatience = TimeSpan.FromMinutes(5);

    private DashboardStack? _stack;

    public async Task InitializeAsync()
    {
        if (!HeadlessChromium.IsInstalled) return;
        _stack = await DashboardStack.StartAsync("e2e-try-it-");
    }

    [SkippableFact]
    public async Task A_member_draws_a_digit_and_uploads_a_png_and_sees_the_top_classes_and_the_input_the_network_read()
    {
        Skip.IfNot(HeadlessChromium.IsInstalled, $"{HeadlessChromium.ExecutablePath} is not installed");
        var ada = await TestAccounts.CreateUserAsync(_stack!.Database.ConnectionString, "ada");
        var job = await TrainedLeNetAsync(ada.Key.Secret);
        var page = await _stack!.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var cspViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspViolations.Add(message.Text);
        };
        await page.GotoAsync(new Uri(_stack!.WebAddress, $"signin#key={ada.Key.Secret}").AbsoluteUri);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal), new() { Timeout = Patience });
        await page.GotoAsync(new Uri(_stack!.WebAddress, $"jobs/{job}").AbsoluteUri);

        var panel = page.Locator("[data-try-it]");
        await Assertions.Expect(panel).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(panel.Locator("[data-action=try-predict-drawing]")).ToBeEnabledAsync(new() { Timeout = Patience });
        await DrawASevenAsync(page, panel.Locator("[data-try-canvas]"));
        await panel.Locator("[data-action=try-predict-drawing]").ClickAsync();

        await Assertions.Expect(panel.Locator("[data-try-result]")).ToHaveAttributeAsync("data-try-source", "drawing", new() { Timeout = Patience });
        await Assertions.Expect(panel.Locator("[data-try-bars] li")).ToHaveCountAsync(5);
        await Assertions.Expect(panel.Locator("[data-try-input]")).ToHaveAttributeAsync("data-blank", "false");
        await ScreenshotAsync(panel, "try-it-drawing");

        await panel.Locator("[data-try-upload]").SetInputFilesAsync(new FilePayload { Name = "digit.png", MimeType = "image/png", Buffer = FirstTestDigitPng() });

        await Assertions.Expect(panel.Locator("[data-try-result]")).ToHaveAttributeAsync("data-try-source", "upload", new() { Timeout = Patience });
        var bars = panel.Locator("[data-try-bars] li");
        await Assertions.Expect(bars).ToHaveCountAsync(5);
        var probabilities = new List<double>();
        for (var i = 0; i < 5; i++) probabilities.Add(double.Parse((await bars.Nth(i).GetAttributeAsync("data-probability"))!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(probabilities.OrderByDescending(p => p), probabilities);
        Assert.Equal(await ApiTopClassAsync(ada.Key.Secret, job), await bars.First.GetAttributeAsync("data-class"));
        var input = panel.Locator("[data-try-input] img");
        await Assertions.Expect(input).ToBeVisibleAsync();
        Assert.Equal(32, await input.EvaluateAsync<int>("img => img.naturalWidth"));
        await Assertions.Expect(panel.Locator("[data-try-input] figcaption")).ToContainTextAsync("1 × 32 × 32");
        await ScreenshotAsync(panel, "try-it-upload");
        Assert.Empty(cspViolations);
    }

    /// <summary>A LeNet-5 trained for one epoch on 512 MNIST digits by the real worker, so the panel has a best checkpoint.</summary>
    private async Task<Guid> TrainedLeNetAsync(string key)
    {
        using var api = SignedInApi.Client(_stack!.ApiAddress, key);
        var spec = new
        {
            name = "lenet5 to try", model = new { name = "lenet5" },
            dataset = new { name = "mnist", trainLimit = 512, validationLimit = 128, testLimit = 128 },
            hyperparameters = new { epochs = 1, batchSize = 64, learningRate = 0.05, optimizer = "sgd", momentum = 0.9 },
        };
        using var submitted = await api.PostAsJsonAsync("/api/jobs", spec);
        submitted.EnsureSuccessStatusCode();
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var deadline = DateTimeOffset.UtcNow + TrainingPatience;
        while (true)
        {
            var status = (await api.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}")).GetProperty("status").GetString();
            if (status == "Succeeded") return id;
            Assert.True(status is "Queued" or "Running", $"the job ended {status}");
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the job is still {status} after {TrainingPatience}");
            await Task.Delay(500);
        }
    }

    private async Task<string?> ApiTopClassAsync(string key, Guid job)
    {
        using var api = SignedInApi.Client(_stack!.ApiAddress, key);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(FirstTestDigitPng()), "images", "digit.png" } };
        using var response = await api.PostAsync($"/api/jobs/{job}/predict?topK=1", form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0].GetProperty("top")[0].GetProperty("className").GetString();
    }

    /// <summary>A 7 as a person draws it: the top bar, then the diagonal, with the mouse button held.</summary>
    private static async Task DrawASevenAsync(IPage page, ILocator canvas)
    {
        // Mouse coordinates are the viewport's: the pad must be on screen, not below the charts.
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        (float X, float Y) At(float x, float y) => (box.X + (x * box.Width), box.Y + (y * box.Height));
        var strokes = new[] { new[] { At(0.25f, 0.25f), At(0.75f, 0.25f), At(0.45f, 0.8f) } };
        foreach (var stroke in strokes)
        {
            await page.Mouse.MoveAsync(stroke[0].X, stroke[0].Y);
            await page.Mouse.DownAsync();
            foreach (var (x, y) in stroke.Skip(1)) await page.Mouse.MoveAsync(x, y, new() { Steps = 12 });
            await page.Mouse.UpAsync();
        }
    }

    private static byte[] FirstTestDigitPng()
    {
        using var file = File.OpenRead(Path.Combine(RepositoryPaths.DatasetRoot, "mnist", "t10k-images-idx3-ubyte"));
        var grey = Core.Datasets.IdxFile.ReadImages(file, "t10k-images-idx3-ubyte").Pixels.AsSpan(0, 28 * 28).ToArray();
        using var image = SkiaSharp.SKImage.FromPixelCopy(new SkiaSharp.SKImageInfo(28, 28, SkiaSharp.SKColorType.Gray8, SkiaSharp.SKAlphaType.Opaque), grey);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static async Task ScreenshotAsync(ILocator panel, string name)
    {
        if (Environment.GetEnvironmentVariable("TEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await panel.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png") });
        }
    }

    public async Task DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }
}
