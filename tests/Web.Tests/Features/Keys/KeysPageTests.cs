using System.Net;
using Bunit;
using TrainingService.Web.Features.Keys;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Keys;

public sealed class KeysPageTests : IDisposable
{
    private const string KeysPath = "/api/keys";
    private static readonly Guid Revoked = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private readonly DashboardContext context = new();

    [Fact]
    public void Lists_the_users_keys_by_name_and_prefix_and_marks_the_one_this_session_uses()
    {
        var page = RenderPage();

        var own = page.Find($"[data-key-id='{TestSession.MemberKeyId}']");
        Assert.Contains("laptop", own.TextContent, StringComparison.Ordinal);
        Assert.Contains("tsk_abcdefgh", own.TextContent, StringComparison.Ordinal);
        Assert.NotNull(own.QuerySelector("[data-this-session]"));
        Assert.Equal("active", own.QuerySelector("[data-key-state]")!.TextContent);
        var old = page.Find($"[data-key-id='{Revoked}']");
        Assert.StartsWith("revoked 2026-11-24", old.QuerySelector("[data-key-state]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(old.QuerySelector("[data-action=revoke]"));
        Assert.Equal(["Bearer " + TestSession.MemberKey], context.Api.Authorizations.Distinct());
    }

    [Fact]
    public void A_new_key_is_shown_once_with_its_secret_and_a_sign_in_link_that_keeps_it_in_the_fragment()
    {
        var page = RenderPage();
        context.Api.Post(KeysPath, HttpStatusCode.Created,
            """{ "id": "00000000-0000-0000-0000-0000000000c3", "name": "ci", "prefix": "tsk_cicicici", "createdAt": "2026-12-01T10:00:00Z", "secret": "tsk_cicicicicicicicicicicicicicicicicicicicicic" }""");

        page.Find("#key-name").Change("ci");
        page.Find("form[data-create-key]").Submit();

        page.WaitForAssertion(() => Assert.Equal("tsk_cicicicicicicicicicicicicicicicicicicicicic", page.Find("[data-secret]").TextContent));
        Assert.Equal("http://localhost/signin#key=tsk_cicicicicicicicicicicicicicicicicicicicicic", page.Find("[data-sign-in-link]").TextContent);
        Assert.Contains("""{"name":"ci"}""", context.Api.Bodies);
        Assert.Equal(2, context.Api.CountOf(HttpMethod.Get, KeysPath));

        page.Find("[data-action=dismiss-secret]").Click();

        Assert.Empty(page.FindAll("[data-secret]"));
    }

    [Fact]
    public void A_name_the_api_refuses_shows_its_reason()
    {
        var page = RenderPage();
        context.Api.Post(KeysPath, HttpStatusCode.BadRequest,
            """{ "title": "One or more validation errors occurred.", "status": 400, "errors": { "name": ["must be 1 to 64 printable characters."] } }""");

        page.Find("form[data-create-key]").Submit();

        page.WaitForAssertion(() => Assert.Equal("name: must be 1 to 64 printable characters.", page.Find("[data-refusal]").TextContent));
        Assert.Empty(page.FindAll("[data-secret]"));
    }

    [Fact]
    public void Revoking_asks_first_and_names_the_consequence_for_this_session()
    {
        var page = RenderPage();
        context.Api.Answer(HttpMethod.Delete, $"{KeysPath}/{TestSession.MemberKeyId}", HttpStatusCode.NoContent, "");

        page.Find($"[data-key-id='{TestSession.MemberKeyId}'] [data-action=revoke]").Click();

        Assert.Contains("You will have to sign in again", page.Find($"[data-key-id='{TestSession.MemberKeyId}'] .confirm").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, context.Api.CountOf(HttpMethod.Delete, $"{KeysPath}/{TestSession.MemberKeyId}"));

        page.Find("[data-action=confirm-revoke]").Click();

        page.WaitForAssertion(() => Assert.Equal(1, context.Api.CountOf(HttpMethod.Delete, $"{KeysPath}/{TestSession.MemberKeyId}")));
        page.WaitForAssertion(() => Assert.Equal(2, context.Api.CountOf(HttpMethod.Get, KeysPath)));
    }

    [Fact]
    public void Keeping_a_key_sends_nothing()
    {
        var page = RenderPage();

        page.Find($"[data-key-id='{TestSession.MemberKeyId}'] [data-action=revoke]").Click();
        page.Find("[data-action=keep]").Click();

        Assert.Empty(page.FindAll(".confirm"));
        Assert.Equal(0, context.Api.CountOf(HttpMethod.Delete, $"{KeysPath}/{TestSession.MemberKeyId}"));
    }

    [Fact]
    public void A_session_whose_key_was_revoked_is_offered_sign_in_again_instead_of_retries()
    {
        context.Api.Answer(HttpMethod.Get, KeysPath, HttpStatusCode.Unauthorized, """{ "title": "A valid API key is required" }""");

        var page = context.Render<KeysPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-key-rejected]")));
        Assert.Equal("signin?reason=expired&returnUrl=%2F", page.Find("[data-sign-in-again]").GetAttribute("href"));
        Assert.DoesNotContain("Retrying automatically", page.Markup, StringComparison.Ordinal);
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<KeysPage> RenderPage()
    {
        context.Api.Json(KeysPath, $$"""
            [ { "id": "{{TestSession.MemberKeyId}}", "name": "laptop", "prefix": "tsk_abcdefgh", "createdAt": "2026-11-20T10:00:00Z", "lastUsedAt": "2026-12-01T09:00:00Z", "revokedAt": null },
              { "id": "{{Revoked}}", "name": "old", "prefix": "tsk_oldoldol", "createdAt": "2026-11-01T10:00:00Z", "lastUsedAt": null, "revokedAt": "2026-11-24T08:00:00Z" } ]
            """);
        var page = context.Render<KeysPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-key-id]").Count));
        return page;
    }
}
