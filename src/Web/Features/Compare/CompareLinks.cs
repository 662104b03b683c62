namespace TrainingService.Web.Features.Compare;

/// <summary>The comparison page's shareable address: <c>compare?jobs=&lt;id&gt;,&lt;id&gt;</c>, in the order given.</summary>
public static class CompareLinks
{
    public const string JobsParameter = "jobs";

    public static string For(IEnumerable<Guid> jobs) => $"compare?{JobsParameter}={string.Join(',', jobs.Distinct())}";
}
