using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using TrainingService.Api.Identity;
using TrainingService.Core.Identity;
using TrainingService.Core.Jobs;

namespace TrainingService.Api.Apis.Accounts;

/// <summary>
/// <c>/api/me</c>, the caller's own keys (<c>/api/keys</c>) and, for admins, users and their keys
/// (<c>/api/users</c>). A secret appears once, in the answer that created it, and never again.
/// </summary>
public static class AccountsApi
{
    private const string KeyExample = "{\"name\": \"laptop\"}";
    private const string UserExample = "{\"name\": \"alice\", \"role\": \"member\"}";
    private const string DefaultKeyName = "default";

    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Accounts");
        api.MapGet("/me", MeAsync).WithName("GetCaller").WithSummary("Who the key stands for: user, role and the key itself");
        api.MapGet("/keys", ListOwnKeysAsync).WithName("ListKeys")
            .WithSummary("The caller's keys, newest first, revoked ones included (prefix and name; the secret is never shown again)");
        api.MapPost("/keys", CreateOwnKeyAsync).WithName("CreateKey").Accepts<KeyCreation>("application/json")
            .WithSummary("Create a key for the caller; the answer is the only one that shows its secret")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapDelete("/keys/{id:guid}", RevokeKeyAsync).WithName("RevokeKey")
            .WithSummary("Revoke a key at once: the caller's own, or any for an admin").ProducesProblem(StatusCodes.Status404NotFound);

        var users = api.MapGroup("/users").RequireAuthorization(ApiKeyAuthentication.AdminPolicy);
        users.MapGet("/", ListUsersAsync).WithName("ListUsers").WithSummary("Every user, by name (admins only)");
        users.MapPost("/", CreateUserAsync).WithName("CreateUser").Accepts<UserCreation>("application/json")
            .WithSummary("Create a user with a first key, whose secret only this answer shows (admins only)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        users.MapGet("/{id:guid}/keys", ListUserKeysAsync).WithName("ListUserKeys")
            .WithSummary("A user's keys, newest first (admins only)").ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{id:guid}/keys", CreateUserKeyAsync).WithName("CreateUserKey").Accepts<KeyCreation>("application/json")
            .WithSummary("Create a key for a user, for example to hand a new one over (admins only)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    public static async Task<Ok<CallerResource>> MeAsync(ClaimsPrincipal user, AccountStore accounts, CancellationToken cancellationToken)
    {
        var caller = user.GetCaller();
        var key = await accounts.FindKeyAsync(caller.KeyId, null, cancellationToken);
        return TypedResults.Ok(new CallerResource(caller.UserId, caller.UserName, CallerClaims.RoleName(caller.Role),
            new CallerKeyResource(caller.KeyId, key?.Name ?? "", caller.KeyPrefix)));
    }

    public static async Task<Ok<IReadOnlyList<KeyResource>>> ListOwnKeysAsync(ClaimsPrincipal user, AccountStore accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ListKeysAsync(user.GetCaller().UserId, accounts, cancellationToken));

    public static Task<Results<Created<CreatedKeyResource>, ValidationProblem, ProblemHttpResult>> CreateOwnKeyAsync(
        HttpContext context, AccountStore accounts, CancellationToken cancellationToken) =>
        CreateKeyAsync(context, context.User.GetCaller().UserId, accounts, cancellationToken);

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(
        Guid id, ClaimsPrincipal user, AccountStore accounts, AuthenticatedKeyCache keys, CancellationToken cancellationToken)
    {
        if (await accounts.RevokeKeyAsync(id, user.GetCaller().OwnerFilter, cancellationToken) is null) return KeyNotFound(id);
        // The notification empties this instance's cache too, but a client's next request may come before it does.
        keys.Forget();
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<UserResource>>> ListUsersAsync(AccountStore accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<UserResource>>([.. (await accounts.ListUsersAsync(cancellationToken)).Select(u => u.ToResource())]);

    public static async Task<Results<Created<CreatedUserResource>, ValidationProblem, ProblemHttpResult>> CreateUserAsync(
        HttpContext context, AccountStore accounts, CancellationToken cancellationToken)
    {
        var body = await AccountRequestBody<UserCreation>.ReadAsync(context.Request, UserExample, () => new UserCreation(null, null), cancellationToken);
        if (body.Invalid is not null) return body.Invalid;
        if (body.Unsupported is not null) return body.Unsupported;
        var errors = new ValidationErrors();
        var name = UserNameRules.Check(body.Value!.Name, "name", errors);
        var role = body.Value.Role switch
        {
            null or "member" => UserRole.Member,
            "admin" => UserRole.Admin,
            _ => (UserRole?)null,
        };
        if (role is null) errors.Add("role", "must be \"member\" or \"admin\".");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        try
        {
            var created = await accounts.CreateUserAsync(name!, role!.Value, DefaultKeyName, cancellationToken);
            NotStored(context);
            return TypedResults.Created((string?)null, new CreatedUserResource(created.User.ToResource(), created.Key.ToResource()));
        }
        catch (DuplicateUserException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The user exists already",
                detail: $"A user named '{exception.Name}' exists already; give them a new key with POST /api/users/{{id}}/keys.");
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<KeyResource>>, ProblemHttpResult>> ListUserKeysAsync(
        Guid id, AccountStore accounts, CancellationToken cancellationToken) =>
        await accounts.FindUserAsync(id, cancellationToken) is null
            ? UserNotFound(id)
            : TypedResults.Ok(await ListKeysAsync(id, accounts, cancellationToken));

    public static Task<Results<Created<CreatedKeyResource>, ValidationProblem, ProblemHttpResult>> CreateUserKeyAsync(
        Guid id, HttpContext context, AccountStore accounts, CancellationToken cancellationToken) =>
        CreateKeyAsync(context, id, accounts, cancellationToken);

    private static async Task<Results<Created<CreatedKeyResource>, ValidationProblem, ProblemHttpResult>> CreateKeyAsync(
        HttpContext context, Guid userId, AccountStore accounts, CancellationToken cancellationToken)
    {
        var body = await AccountRequestBody<KeyCreation>.ReadAsync(context.Request, KeyExample, () => new KeyCreation(null), cancellationToken);
        if (body.Invalid is not null) return body.Invalid;
        if (body.Unsupported is not null) return body.Unsupported;
        var errors = new ValidationErrors();
        var name = UserNameRules.CheckKeyName(body.Value!.Name, "name", errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var created = await accounts.CreateKeyAsync(userId, name, cancellationToken);
        if (created is null) return UserNotFound(userId);
        NotStored(context);
        return TypedResults.Created((string?)null, created.ToResource());
    }

    private static async Task<IReadOnlyList<KeyResource>> ListKeysAsync(Guid userId, AccountStore accounts, CancellationToken cancellationToken) =>
        [.. (await accounts.ListKeysAsync(userId, cancellationToken)).Select(k => k.ToResource())];

    /// <summary>An answer that carries a secret must not stay in any cache.</summary>
    private static void NotStored(HttpContext context) => context.Response.Headers[HeaderNames.CacheControl] = "no-store";

    private static ProblemHttpResult KeyNotFound(Guid id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Key not found", detail: $"No key {id} is yours to revoke.");

    private static ProblemHttpResult UserNotFound(Guid id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "User not found", detail: $"No user has the id {id}.");
}
