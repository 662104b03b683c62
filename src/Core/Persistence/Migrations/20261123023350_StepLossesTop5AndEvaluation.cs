using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingService.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StepLossesTop5AndEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Evaluation",
                table: "training_jobs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StoppedEarlyAfterEpoch",
                table: "training_jobs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PeakMemoryBytes",
                table: "epoch_metrics",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "ValidationTop5Accuracy",
                table: "epoch_metrics",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "step_losses",
                columns: table => new
                {
                    JobId = table.Column<Guid>(type: "uuid", nullable: false),
                    Epoch = table.Column<int>(type: "integer", nullable: false),
                    FirstStep = table.Column<long>(type: "bigint", nullable: false),
                    Losses = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_step_losses", x => new { x.JobId, x.Epoch });
                    table.ForeignKey(
                        name: "FK_step_losses_training_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "training_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "step_losses");

            migrationBuilder.DropColumn(
                name: "Evaluation",
                table: "training_jobs");

            migrationBuilder.DropColumn(
                name: "StoppedEarlyAfterEpoch",
                table: "training_jobs");

            migrationBuilder.DropColumn(
                name: "PeakMemoryBytes",
                table: "epoch_metrics");

            migrationBuilder.DropColumn(
                name: "ValidationTop5Accuracy",
                table: "epoch_metrics");
        }
    }
}
