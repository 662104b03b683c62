using System.Net.Http.Json;
using System.Text.Json;
using TrainingService.Core.Identity;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests.Hostile;

/// <summary>
/// The real Api on Kestrel with the keys a hostile authentication run needs: an admin's, a member's, another
/// member's (whose key id the first tries to revoke) and a revoked one, and the OpenAPI document's operations.
/// </summary>
public sealed class HostileAuthenticationFixture : IAsyncLifetime
{
    public KestrelApiFactory Api { get; } = new();

    public string MemberKey { get; private set; } = "";
    public CreatedUser OtherMember { get; private set; } = null!;
    public string RevokedKey { get; private set; } = "";
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Method and path template of every operation the document lists.</summary>
    public IReadOnlyList<(HttpMethod Method, string Template)> Operations { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        var admin = Api.CreateClient();
        BaseAddress = admin.BaseAddress!;
        MemberKey = (await Api.CreateUserAsync("hostile-member")).Key.Secret;
        OtherMember = await Api.CreateUserAsync("hostile-other");
        var revoked = await Api.CreateUserAsync("hostile-revoked");
        await TestAccounts.Store(Api.ConnectionString).RevokeKeyAsync(revoked.Key.Key.Id, null, CancellationToken.None);
        RevokedKey = revoked.Key.Secret;
        var document = await admin.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        Operations = [.. document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (new HttpMethod(operation.Name.ToUpperInvariant()), path.Name)))];
    }

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)Api).DisposeAsync();
}
