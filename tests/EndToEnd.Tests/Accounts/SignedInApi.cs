using System.Net.Http.Headers;

namespace TrainingService.EndToEnd.Tests.Accounts;

/// <summary>Clients of a running Api that send a given key, or none.</summary>
public static class SignedInApi
{
    public static HttpClient Client(Uri api, string? key)
    {
        var http = new HttpClient { BaseAddress = api };
        if (key is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }
}
