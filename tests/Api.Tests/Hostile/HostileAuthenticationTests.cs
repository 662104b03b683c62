using System.Net.Http.Headers;
using System.Text;
using Xunit.Abstractions;

namespace TrainingService.Api.Tests.Hostile;

/// <summary>
/// A hostile authentication run, generated from the OpenAPI document (so a new route cannot be forgotten) plus the
/// hub and the dashboard: malformed, unknown and revoked keys, wrong schemes, repeated and oversized headers, NUL,
/// control and non-ASCII bytes, forged cookies, keys in the query, other users' ids. Each request gets the answer
/// its case names, and none a 5xx.
/// </summary>
public sealed class HostileAuthenticationTests(HostileAuthenticationFixture fixture, ITestOutputHelper output) : IClassFixture<HostileAuthenticationFixture>
{
    /// <summary><c>OthersKey</c>: a route whose id is another member's (their key), which the member must get 404 for.</summary>
    private enum Route { Api, Admin, OthersKey, Hub, Dashboard }

    /// <summary>Stands for "the key was taken": anything below 500 but 401 and 403 (the route's own answer to an empty request).</summary>
    private const int Accepted = 0;

    private const int Unauthorized = 401, Forbidden = 403, NotFound = 404, BadRequest = 400, HeadersTooLarge = 431;

    private sealed record Case(string Name, Func<Route, int> Expected, Func<HttpRequestMessage, IEnumerable<byte[]>?> Prepare);

    [Fact]
    public async Task Every_route_answers_hostile_credentials_as_the_case_says_and_never_with_a_5xx()
    {
        var routes = fixture.Operations.Select(o => (o.Method, Path: Fill(o.Template), Kind: Kind(o.Template), o.Template))
            .Append((Method: HttpMethod.Get, Path: "/hangfire", Kind: Route.Dashboard, Template: "/hangfire"))
            .Append((Method: HttpMethod.Post, Path: "/hubs/training/negotiate?negotiateVersion=1", Kind: Route.Hub, Template: "/hubs/training/negotiate"))
            .ToList();
        var counts = new SortedDictionary<int, int>();
        var failures = new List<string>();
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        foreach (var route in routes)
        foreach (var hostile in Cases())
        {
            using var request = new HttpRequestMessage(route.Method, route.Path);
            var raw = hostile.Prepare(request);
            int status;
            if (raw is null)
            {
                using var response = await client.SendAsync(request);
                status = (int)response.StatusCode;
            }
            else
            {
                status = await RawHttp.SendAsync(fixture.BaseAddress, route.Method, request.RequestUri!.OriginalString, raw);
            }
            counts[status] = counts.GetValueOrDefault(status) + 1;
            var expected = hostile.Expected(route.Kind);
            var ok = expected == Accepted ? status is < 500 and not Unauthorized and not Forbidden : status == expected;
            if (!ok) failures.Add($"{route.Method} {route.Template} [{hostile.Name}]: expected {(expected == Accepted ? "the key taken" : expected)}, got {status}");
        }

        var total = counts.Values.Sum();
        output.WriteLine($"{total} requests on {routes.Count} routes x {Cases().Count()} cases");
        foreach (var (status, count) in counts) output.WriteLine($"{status}: {count}");
        Assert.True(total >= 300, $"{total} requests");
        Assert.DoesNotContain(counts.Keys, status => status >= 500);
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} answered otherwise:\n{string.Join('\n', failures.Take(40))}");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await fixture.Api.CreateClientWithKey(fixture.OtherMember.Key.Secret).GetAsync("/api/me")).StatusCode);
    }

    private IEnumerable<Case> Cases()
    {
        var member = fixture.MemberKey;
        var unknown = "tsk_" + new string('A', 43);
        Func<Route, int> refused = _ => Unauthorized;
        Func<Route, int> taken = route => route switch { Route.Admin or Route.Dashboard => Forbidden, Route.OthersKey => NotFound, _ => Accepted };

        yield return new("no Authorization", refused, _ => null);
        yield return new("Bearer without a key", refused, r => Authorization(r, "Bearer"));
        yield return new("Bearer and spaces", refused, r => Authorization(r, "Bearer    "));
        yield return new("Bearer garbage", refused, r => Authorization(r, "Bearer garbage"));
        yield return new("Bearer unknown well-formed key", refused, r => Authorization(r, "Bearer " + unknown));
        yield return new("Bearer revoked key", refused, r => Authorization(r, "Bearer " + fixture.RevokedKey));
        yield return new("Bearer key with a character more", refused, r => Authorization(r, "Bearer " + member + "A"));
        yield return new("Bearer key cut short", refused, r => Authorization(r, "Bearer " + member[..^1]));
        yield return new("Bearer key in quotes", refused, r => Authorization(r, $"Bearer \"{member}\""));
        yield return new("Basic with the key as password", route => route == Route.Dashboard ? Forbidden : Unauthorized,
            r => Authorization(r, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x:" + member))));
        yield return new("Basic that is not base64", refused, r => Authorization(r, "Basic %%%"));
        yield return new("Token scheme", refused, r => Authorization(r, "Token " + member));
        yield return new("lower-case bearer, unknown key", refused, r => Authorization(r, "bearer " + unknown));
        yield return new("upper-case BEARER, the member's key", taken, r => Authorization(r, "BEARER " + member));
        yield return new("8 KiB Authorization", refused, r => Authorization(r, "Bearer " + new string('k', 8 * 1024)));
        yield return new("64 KiB Authorization", _ => HeadersTooLarge, r => Authorization(r, "Bearer " + new string('k', 64 * 1024)));
        yield return new("forged .AspNetCore cookies", refused, r => Cookies(r));
        yield return new("forged cookies and the member's key", taken, r => { Cookies(r); return Authorization(r, "Bearer " + member); });
        yield return new("the member's key in access_token", route => route == Route.Hub ? Accepted : Unauthorized, r =>
        {
            var uri = r.RequestUri!.OriginalString;
            r.RequestUri = new Uri(uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "access_token=" + member, UriKind.Relative);
            return null;
        });
        yield return new("two Authorization lines with the member's key", refused, _ =>
            [RawHttp.Header("Authorization", Encoding.ASCII.GetBytes("Bearer " + member)), RawHttp.Header("Authorization", Encoding.ASCII.GetBytes("Bearer " + member))]);
        // Kestrel refuses a NUL in a header itself; other control and non-ASCII bytes reach the Api, which refuses them as no key.
        yield return new("NUL in Authorization", _ => BadRequest, _ => [RawHttp.Header("Authorization", [.. "Bearer tsk_"u8, 0, .. "x"u8])]);
        yield return new("control byte in Authorization", refused, _ => [RawHttp.Header("Authorization", [.. "Bearer tsk_"u8, 0x01, .. "x"u8])]);
        yield return new("non-ASCII bytes in Authorization", refused, _ => [RawHttp.Header("Authorization", [.. "Bearer "u8, .. Encoding.UTF8.GetBytes("tsk_é" + member[5..])])]);
    }

    private static IEnumerable<byte[]>? Authorization(HttpRequestMessage request, string value)
    {
        request.Headers.TryAddWithoutValidation("Authorization", value);
        return null;
    }

    private static IEnumerable<byte[]>? Cookies(HttpRequestMessage request)
    {
        var forged = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        request.Headers.TryAddWithoutValidation("Cookie", $".AspNetCore.Cookies={forged}; .AspNetCore.Antiforgery.x1={forged}; .AspNetCore.Session={forged}");
        return null;
    }

    private string Fill(string template)
    {
        var other = fixture.OtherMember;
        return template
            .Replace("/api/keys/{id}", $"/api/keys/{other.Key.Key.Id}", StringComparison.Ordinal)
            .Replace("/api/users/{id}", $"/api/users/{other.User.Id}", StringComparison.Ordinal)
            .Replace("/models/{name}", "/models/lenet5", StringComparison.Ordinal)
            .Replace("/checkpoints/{name}", "/checkpoints/best", StringComparison.Ordinal)
            .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{name}", "nobody", StringComparison.Ordinal);
    }

    private static Route Kind(string template) =>
        template.StartsWith("/api/users", StringComparison.Ordinal) ? Route.Admin
        : template == "/api/keys/{id}" ? Route.OthersKey
        : Route.Api;
}
