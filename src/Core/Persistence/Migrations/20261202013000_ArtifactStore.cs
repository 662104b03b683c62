using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingService.Core.Persistence.Migrations
{
    /// <summary>
    /// The tables of the <c>postgres</c> artifact store. They are no EF entities (the store reads them with plain
    /// Npgsql, streaming), so the model snapshot does not change. Chunks are stored uncompressed: weights do not compress.
    /// </summary>
    [DbContext(typeof(TrainingDbContext))]
    [Migration("20261202013000_ArtifactStore")]
    public partial class ArtifactStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE artifacts (
                    key text NOT NULL PRIMARY KEY,
                    blob_id uuid NOT NULL UNIQUE,
                    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
                    sha256 character(64) NOT NULL,
                    created_at timestamp with time zone NOT NULL
                );
                CREATE TABLE artifact_chunks (
                    blob_id uuid NOT NULL,
                    index integer NOT NULL CHECK (index >= 0),
                    data bytea NOT NULL,
                    PRIMARY KEY (blob_id, index)
                );
                ALTER TABLE artifact_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE artifact_chunks; DROP TABLE artifacts;");
        }
    }
}
