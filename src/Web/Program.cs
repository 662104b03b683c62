using TrainingService.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddWebServices();

var app = builder.Build();

app.UseWebPipeline();

app.Run();

// WebApplicationFactory<Program> in tests/Web.Tests needs the entry point public.
public partial class Program;
