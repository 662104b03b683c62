using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrainingService.Web.Tests.TestSupport;

/// <summary>
/// The real dashboard (its whole pipeline: cookies, antiforgery, headers, Origin check, pages) in a test host,
/// calling a stand-in Api over real HTTP. Browsers are played by cookie-keeping clients that do not follow redirects.
/// </summary>
public sealed partial class DashboardFactory(Uri apiAddress, string? keyRing = null) : WebApplicationFactory<Program>
{
    public static readonly Uri Origin = new("http://localhost");

    /// <summary>Where this host keeps its Data Protection keys; a second host given the same folder reads the same sessions.</summary>
    public string KeyRing { get; } = keyRing ?? Directory.CreateTempSubdirectory("web-keyring-").FullName;

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = Origin });

    /// <summary>Reads the sign-in form as a browser would and posts <paramref name="key"/> with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string key, string? returnUrl = null)
    {
        var page = returnUrl is null ? "/signin" : $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var token = await AntiforgeryTokenAsync(browser, page);
        return await browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.Key"] = key,
        }));
    }

    /// <summary>The token of the first form on <paramref name="page"/>, as its hidden field carries it.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string page)
    {
        using var response = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    /// <summary>Signs in on a client without a cookie jar and returns the session cookie as a <c>Cookie</c> header value.</summary>
    public async Task<string> SessionCookieAsync(string key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var page = await client.GetAsync("/signin");
        var antiforgery = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = WebUtility.HtmlDecode(TokenField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "signin",
                ["__RequestVerificationToken"] = token,
                ["Input.Key"] = key,
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await client.SendAsync(request);
        return response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("TrainingService.Session=", StringComparison.Ordinal)).Split(';')[0];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ApiOptions:BaseUrl", apiAddress.AbsoluteUri);
        builder.UseSetting("WebSecurity:KeyRing", KeyRing);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
