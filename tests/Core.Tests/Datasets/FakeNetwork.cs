using System.Net;

namespace TrainingService.Core.Tests.Datasets;

/// <summary>
/// A local stand-in for the mirrors: answers from a table of URL to bytes, 404 for anything else,
/// and records every request so tests can assert what was (not) fetched. Nothing leaves the machine.
/// </summary>
internal sealed class FakeNetwork : HttpMessageHandler
{
    private readonly Dictionary<string, byte[]> responses = [];
    private readonly List<string> requested = [];

    public IReadOnlyList<string> Requested => requested;

    public FakeNetwork Serve(string url, byte[] body)
    {
        responses[url] = body;
        return this;
    }

    public HttpClient Client() => new(this, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.ToString();
        requested.Add(url);
        var response = responses.TryGetValue(url, out var body)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) }
            : new HttpResponseMessage(HttpStatusCode.NotFound) { ReasonPhrase = "Not Found" };
        return Task.FromResult(response);
    }
}
