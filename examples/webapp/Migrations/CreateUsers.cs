using Ratchet.Operations;

namespace WebApp.Migrations;

[Migration("20260301_001", Revises = "base", Message = "Create users")]
public sealed class CreateUsers : Migration
{
    public override void Up(MigrationBuilder op)
    {
        op.CreateTable("users", t =>
        {
            t.Column("id", SqlType.Int).PrimaryKey();
            t.Column("email", SqlType.String(200)).NotNull().Unique();
            t.Column("created_at", SqlType.DateTime).NotNull().Default(Sql.Now);
        });
    }
}
