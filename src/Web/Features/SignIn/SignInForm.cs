namespace TrainingService.Web.Features.SignIn;

/// <summary>The sign-in form's one field, posted by hand or by <c>wwwroot/signin.js</c> from a one-click link.</summary>
public sealed class SignInForm
{
    public string? Key { get; set; }
}
