using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingService.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "training_jobs",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StopReason",
                table: "training_jobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SweepId",
                table: "training_jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Tags",
                table: "training_jobs",
                type: "text[]",
                nullable: false,
                defaultValueSql: "ARRAY[]::text[]");

            migrationBuilder.AddColumn<int>(
                name: "TrialNumber",
                table: "training_jobs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DatasetName",
                table: "training_jobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                computedColumnSql: "(\"Spec\" -> 'dataset' ->> 'name')",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "ModelName",
                table: "training_jobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                computedColumnSql: "(\"Spec\" -> 'model' ->> 'name')",
                stored: true);

            migrationBuilder.CreateTable(
                name: "sweeps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApiKeyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Spec = table.Column<string>(type: "jsonb", nullable: false),
                    TrialsCreated = table.Column<int>(type: "integer", nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sweeps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sweeps_users_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sweep_rungs",
                columns: table => new
                {
                    SweepId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rung = table.Column<int>(type: "integer", nullable: false),
                    JobId = table.Column<Guid>(type: "uuid", nullable: false),
                    Epoch = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Stopped = table.Column<bool>(type: "boolean", nullable: false),
                    Cutoff = table.Column<double>(type: "double precision", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sweep_rungs", x => new { x.SweepId, x.Rung, x.JobId });
                    table.ForeignKey(
                        name: "FK_sweep_rungs_sweeps_SweepId",
                        column: x => x.SweepId,
                        principalTable: "sweeps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_sweep_rungs_training_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "training_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_training_jobs_DatasetName",
                table: "training_jobs",
                column: "DatasetName");

            migrationBuilder.CreateIndex(
                name: "IX_training_jobs_ModelName",
                table: "training_jobs",
                column: "ModelName");

            migrationBuilder.CreateIndex(
                name: "IX_training_jobs_SweepId_TrialNumber",
                table: "training_jobs",
                columns: new[] { "SweepId", "TrialNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_training_jobs_Tags",
                table: "training_jobs",
                column: "Tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_sweep_rungs_JobId",
                table: "sweep_rungs",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_sweeps_OwnerId_CreatedAt",
                table: "sweeps",
                columns: new[] { "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sweeps_Status",
                table: "sweeps",
                column: "Status");

            migrationBuilder.AddForeignKey(
                name: "FK_training_jobs_sweeps_SweepId",
                table: "training_jobs",
                column: "SweepId",
                principalTable: "sweeps",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_training_jobs_sweeps_SweepId",
                table: "training_jobs");

            migrationBuilder.DropTable(
                name: "sweep_rungs");

            migrationBuilder.DropTable(
                name: "sweeps");

            migrationBuilder.DropIndex(
                name: "IX_training_jobs_DatasetName",
                table: "training_jobs");

            migrationBuilder.DropIndex(
                name: "IX_training_jobs_ModelName",
                table: "training_jobs");

            migrationBuilder.DropIndex(
                name: "IX_training_jobs_SweepId_TrialNumber",
                table: "training_jobs");

            migrationBuilder.DropIndex(
                name: "IX_training_jobs_Tags",
                table: "training_jobs");

            migrationBuilder.DropColumn(
                name: "DatasetName",
                table: "training_jobs");

            migrationBuilder.DropColumn(
                name: "ModelName",
                table: "training_jobs");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "training_jobs");

            migrationBuilder.DropColumn(
                name: "StopReason",
                table: "training_jobs");

            migrationBuilder.DropColumn(
                name: "SweepId",
                table: "training_jobs");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "training_jobs");

            migrationBuilder.DropColumn(
                name: "TrialNumber",
                table: "training_jobs");
        }
    }
}
