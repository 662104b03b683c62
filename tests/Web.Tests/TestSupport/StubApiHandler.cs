using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TrainingService.Web.Tests.TestSupport;

/// <summary>Stands in for the Api over HTTP: canned answers per method and path, 404 otherwise, and a record of what was asked.</summary>
public sealed class StubApiHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<(HttpMethod Method, string Path), (HttpStatusCode Status, string Json)> routes = new();
    private readonly ConcurrentQueue<(HttpMethod Method, string Path)> requests = new();
    private readonly ConcurrentQueue<string?> authorizations = new();
    private readonly ConcurrentQueue<string> bodies = new();

    /// <summary>Simulates a stopped Api: every call fails the way a refused connection does.</summary>
    public bool Unreachable { get; set; }

    /// <summary>The paths asked for, whatever the method.</summary>
    public IReadOnlyCollection<string> Requests => [.. requests.Select(r => r.Path)];

    /// <summary>Answers GETs of <paramref name="pathAndQuery"/> with 200 and <paramref name="json"/>.</summary>
    public void Json(string pathAndQuery, string json) => Answer(HttpMethod.Get, pathAndQuery, HttpStatusCode.OK, json);

    /// <summary>Answers POSTs of <paramref name="path"/>, as the Api's commands are sent.</summary>
    public void Post(string path, HttpStatusCode status, string json) => Answer(HttpMethod.Post, path, status, json);

    public void Answer(HttpMethod method, string pathAndQuery, HttpStatusCode status, string json) =>
        routes[(method, pathAndQuery)] = (status, json);

    /// <summary>The <c>Authorization</c> header of each request, in order (<see langword="null"/> where none was sent).</summary>
    public IReadOnlyCollection<string?> Authorizations => [.. authorizations];

    /// <summary>The bodies of the requests that had one, in order.</summary>
    public IReadOnlyCollection<string> Bodies => [.. bodies];

    public int CountOf(string pathAndQuery) => requests.Count(r => r.Path == pathAndQuery);

    public int CountOf(HttpMethod method, string pathAndQuery) => requests.Count(r => r.Method == method && r.Path == pathAndQuery);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        requests.Enqueue((request.Method, path));
        authorizations.Enqueue(request.Headers.Authorization?.ToString());
        if (request.Content is not null)
        {
            bodies.Enqueue(await request.Content.ReadAsStringAsync(cancellationToken));
        }

        if (Unreachable)
        {
            throw new HttpRequestException("Connection refused (api.internal:5080)");
        }

        var response = routes.TryGetValue((request.Method, path), out var answer)
            ? new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Json, Encoding.UTF8, ContentType(answer.Status)) }
            : new HttpResponseMessage(HttpStatusCode.NotFound);
        return response;
    }

    // As ASP.NET Core sends them: problem details for refusals, plain JSON otherwise.
    private static string ContentType(HttpStatusCode status) =>
        (int)status >= 400 ? "application/problem+json" : "application/json";
}
