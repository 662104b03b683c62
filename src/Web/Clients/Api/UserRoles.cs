namespace TrainingService.Web.Clients.Api;

/// <summary>The Api's role names, as they travel in JSON and in the session's role claim.</summary>
public static class UserRoles
{
    public const string Admin = "admin";

    public const string Member = "member";
}
