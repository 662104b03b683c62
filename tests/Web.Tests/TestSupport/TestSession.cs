using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Security;

namespace TrainingService.Web.Tests.TestSupport;

/// <summary>Signed-in users as a cookie session holds them, for components and the Api client.</summary>
public static class TestSession
{
    public const string MemberName = "alice";
    public const string AdminName = "root";
    public const string MemberKey = "tsk_alicealicealicealicealicealicealicealice0";
    public const string AdminKey = "tsk_rootrootrootrootrootrootrootrootrootroot0";
    public static readonly Guid MemberKeyId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    public static ApiKeyAccessor SignedIn()
    {
        var accessor = new ApiKeyAccessor(new HttpContextAccessor());
        accessor.UseCircuitUser(Principal(MemberName, UserRoles.Member));
        return accessor;
    }

    public static ClaimsPrincipal Principal(string name, string role) =>
        SessionClaims.For(
            new MeDto(Guid.NewGuid(), name, role, new MeKeyDto(name == MemberName ? MemberKeyId : Guid.NewGuid(), "laptop", "tsk_abcdefgh")),
            name == MemberName ? MemberKey : AdminKey);
}
