using TrainingService.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddWebServices();

var app = builder.Build();

app.UseWebPipeline();

app.Run();
