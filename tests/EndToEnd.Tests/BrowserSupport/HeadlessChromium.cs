using Microsoft.Playwright;

namespace TrainingService.EndToEnd.Tests.BrowserSupport;

/// <summary>
/// Debian's Chromium under Playwright, launched as the browser tests launch it; tests skip where it is not installed.
/// </summary>
public static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
}
