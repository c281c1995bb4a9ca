using Ratchet.Operations;

namespace Ratchet.Specification.Tests.Migrations;

/// <summary>The second migration of the C# issue: a boolean becomes an enum, and back.</summary>
[Migration("20260204_001", Revises = "20260203_001", Message = "Migrate user status from boolean to enum")]
public sealed class MigrateUserStatusToEnumType : Migration
{
    public override void Up(MigrationBuilder op)
    {
        op.CreateEnum("user_status", "active", "inactive", "suspended");
        op.AddColumn("users", "status", SqlType.Enum("user_status"), c => c.Nullable());
        op.Update("users", "status", "CASE WHEN is_active THEN 'active' ELSE 'inactive' END");
        op.AlterColumn("users", "status", c => c.NotNull());
        op.DropColumn("users", "is_active");
    }

    public override void Down(MigrationBuilder op)
    {
        op.AddColumn("users", "is_active", SqlType.Boolean, c => c.Default(true));
        op.Update("users", "is_active", "status = 'active'");
        op.AlterColumn("users", "is_active", c => c.NotNull());
        op.DropColumn("users", "status");
        op.DropEnum("user_status");
    }
}
