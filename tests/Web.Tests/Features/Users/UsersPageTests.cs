using System.Net;
using Bunit;
using TrainingService.Web.Features.Users;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Users;

public sealed class UsersPageTests : IDisposable
{
    private const string UsersPath = "/api/users";
    private static readonly Guid Alice = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Root = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private readonly DashboardContext context = new();

    public UsersPageTests() => context.SignInAsAdmin();

    [Fact]
    public void Lists_every_user_with_their_role_using_the_admins_key()
    {
        var page = RenderPage();

        Assert.Contains("alice", page.Find($"[data-user-id='{Alice}']").TextContent, StringComparison.Ordinal);
        Assert.Equal("member", page.Find($"[data-user-id='{Alice}'] .badge").TextContent);
        Assert.Equal("admin", page.Find($"[data-user-id='{Root}'] .badge").TextContent);
        Assert.Equal(["Bearer " + TestSession.AdminKey], context.Api.Authorizations.Distinct());
    }

    [Fact]
    public void A_new_user_is_created_with_the_chosen_role_and_their_first_key_is_shown_once()
    {
        var page = RenderPage();
        context.Api.Post(UsersPath, HttpStatusCode.Created, """
            { "user": { "id": "00000000-0000-0000-0000-0000000000a3", "name": "bob", "role": "admin", "createdAt": "2026-12-01T10:00:00Z" },
              "key": { "id": "00000000-0000-0000-0000-0000000000c4", "name": "first", "prefix": "tsk_bobbobbo", "createdAt": "2026-12-01T10:00:00Z", "secret": "tsk_bobbobbobbobbobbobbobbobbobbobbobbobbobbob" } }
            """);

        page.Find("#user-name").Change("bob");
        page.Find("#user-role").Change("admin");
        page.Find("form[data-create-user]").Submit();

        page.WaitForAssertion(() => Assert.Equal("tsk_bobbobbobbobbobbobbobbobbobbobbobbobbobbob", page.Find("[data-secret]").TextContent));
        Assert.Contains("bob's first key", page.Find("[data-new-secret]").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("signin#key=tsk_bobbobbobbobbobbobbobbobbobbobbobbobbobbob", page.Find("[data-sign-in-link]").TextContent, StringComparison.Ordinal);
        Assert.Contains("""{"name":"bob","role":"admin"}""", context.Api.Bodies);
        Assert.Equal(2, context.Api.CountOf(HttpMethod.Get, UsersPath));
    }

    [Fact]
    public void A_duplicate_name_shows_the_apis_refusal_and_no_key()
    {
        var page = RenderPage();
        context.Api.Post(UsersPath, HttpStatusCode.Conflict, """{ "title": "User exists", "status": 409, "detail": "A user named alice exists already." }""");

        page.Find("#user-name").Change("alice");
        page.Find("form[data-create-user]").Submit();

        page.WaitForAssertion(() => Assert.Equal("A user named alice exists already.", page.Find("[data-refusal]").TextContent));
        Assert.Empty(page.FindAll("[data-secret]"));
    }

    [Fact]
    public void An_admin_issues_another_key_for_a_user_and_sees_it_once()
    {
        var page = RenderPage();
        context.Api.Post($"{UsersPath}/{Alice}/keys", HttpStatusCode.Created,
            """{ "id": "00000000-0000-0000-0000-0000000000c5", "name": "desktop", "prefix": "tsk_desktopd", "createdAt": "2026-12-01T10:00:00Z", "secret": "tsk_desktopdesktopdesktopdesktopdesktopdeskto" }""");

        page.Find($"[data-user-id='{Alice}'] [data-action=new-key]").Click();
        page.Find($"[data-user-id='{Alice}'] input").Change("desktop");
        page.Find("form[data-create-user-key]").Submit();

        page.WaitForAssertion(() => Assert.Equal("tsk_desktopdesktopdesktopdesktopdesktopdeskto", page.Find("[data-secret]").TextContent));
        Assert.Contains("New key for alice", page.Find("[data-new-secret]").TextContent, StringComparison.Ordinal);
        Assert.Contains("""{"name":"desktop"}""", context.Api.Bodies);
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<UsersPage> RenderPage()
    {
        context.Api.Json(UsersPath, $$"""
            [ { "id": "{{Root}}", "name": "root", "role": "admin", "createdAt": "2026-11-20T10:00:00Z" },
              { "id": "{{Alice}}", "name": "alice", "role": "member", "createdAt": "2026-11-21T10:00:00Z" } ]
            """);
        var page = context.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-user-id]").Count));
        return page;
    }
}
