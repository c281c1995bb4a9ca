using Ratchet.Operations;

namespace Ratchet.Specification.Tests.Migrations;

[Migration("20260201_001", Revises = "base", Message = "Create users")]
public sealed class CreateUsers : Migration
{
    public override void Up(MigrationBuilder op)
    {
        op.CreateTable("users", t =>
        {
            t.Column("id", SqlType.Int).PrimaryKey();
            t.Column("name", SqlType.String(100)).NotNull();
            t.Column("is_active", SqlType.Boolean).NotNull().Default(true);
        });
    }
}
