namespace TrainingService.Api.Tests.Hostile;

internal static class HostileRequests
{
    /// <summary>Bodies this large are sent after <c>Expect: 100-continue</c>, as curl does, so the refusal can arrive before the upload.</summary>
    private const long ExpectContinueFrom = 1 << 20;

    public static HttpRequestMessage Create(HttpMethod method, string url, HttpContent? body)
    {
        var request = new HttpRequestMessage(method, url) { Content = body };
        if (body?.Headers.ContentLength > ExpectContinueFrom) request.Headers.ExpectContinue = true;
        return request;
    }
}
