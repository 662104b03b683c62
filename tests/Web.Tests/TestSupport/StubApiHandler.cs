using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TrainingService.Web.Tests.TestSupport;

/// <summary>Stands in for the Api over HTTP: canned JSON per path, 404 otherwise, and a record of what was asked.</summary>
public sealed class StubApiHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, string> routes = new();
    private readonly ConcurrentQueue<string> requests = new();

    /// <summary>Simulates a stopped Api: every call fails the way a refused connection does.</summary>
    public bool Unreachable { get; set; }

    public IReadOnlyCollection<string> Requests => requests;

    public void Json(string pathAndQuery, string json) => routes[pathAndQuery] = json;

    public int CountOf(string pathAndQuery) => requests.Count(r => r == pathAndQuery);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        requests.Enqueue(path);
        if (Unreachable)
        {
            throw new HttpRequestException("Connection refused (api.internal:5080)");
        }

        var response = routes.TryGetValue(path, out var json)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.NotFound);
        return Task.FromResult(response);
    }
}
