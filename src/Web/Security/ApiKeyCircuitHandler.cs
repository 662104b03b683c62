using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace TrainingService.Web.Security;

/// <summary>
/// Hands a circuit's user to its <see cref="ApiKeyAccessor"/>. Message handlers of the HTTP client factory live in
/// scopes of their own, so the user reaches the typed client through this scoped accessor instead.
/// </summary>
public sealed class ApiKeyCircuitHandler(AuthenticationStateProvider authenticationState, ApiKeyAccessor accessor) : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationState.AuthenticationStateChanged += OnChanged;
        return UpdateAsync(authenticationState.GetAuthenticationStateAsync());
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) =>
        UpdateAsync(authenticationState.GetAuthenticationStateAsync());

    public void Dispose() => authenticationState.AuthenticationStateChanged -= OnChanged;

    private void OnChanged(Task<AuthenticationState> state) => _ = UpdateAsync(state);

    private async Task UpdateAsync(Task<AuthenticationState> state) => accessor.UseCircuitUser((await state).User);
}
