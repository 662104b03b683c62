using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TrainingService.Web.Tests.TestSupport;

/// <summary>Stands in for the Api over HTTP: canned answers per method and path, 404 otherwise, and a record of what was asked.</summary>
public sealed class StubApiHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<(HttpMethod Method, string Path), (HttpStatusCode Status, string Json)> routes = new();
    private readonly ConcurrentQueue<(HttpMethod Method, string Path)> requests = new();

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

    public int CountOf(string pathAndQuery) => requests.Count(r => r.Path == pathAndQuery);

    public int CountOf(HttpMethod method, string pathAndQuery) => requests.Count(r => r.Method == method && r.Path == pathAndQuery);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        requests.Enqueue((request.Method, path));
        if (Unreachable)
        {
            throw new HttpRequestException("Connection refused (api.internal:5080)");
        }

        var response = routes.TryGetValue((request.Method, path), out var answer)
            ? new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Json, Encoding.UTF8, ContentType(answer.Status)) }
            : new HttpResponseMessage(HttpStatusCode.NotFound);
        return Task.FromResult(response);
    }

    // As ASP.NET Core sends them: problem details for refusals, plain JSON otherwise.
    private static string ContentType(HttpStatusCode status) =>
        (int)status >= 400 ? "application/problem+json" : "application/json";
}
