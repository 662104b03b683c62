using TrainingService.Api.Identity;
using TrainingService.Core.Identity;

namespace TrainingService.Api.Apis.Accounts;

internal static class AccountMapping
{
    public static KeyResource ToResource(this ApiKeyRecord key) => new(key.Id, key.Name, key.Prefix, key.CreatedAt, key.LastUsedAt, key.RevokedAt);

    public static CreatedKeyResource ToResource(this CreatedKey created) =>
        new(created.Key.Id, created.Key.Name, created.Key.Prefix, created.Key.CreatedAt, created.Secret);

    public static UserResource ToResource(this UserRecord user) => new(user.Id, user.Name, CallerClaims.RoleName(user.Role), user.CreatedAt);
}
