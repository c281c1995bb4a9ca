using Ratchet.Operations;

namespace Ratchet.Specification.Tests.Migrations;

/// <summary>The first migration of the C# issue, almost line for line.</summary>
[Migration("20260203_001", Revises = "20260201_001", Message = "Add user_roles table")]
public sealed class AddUserRoles : Migration
{
    public override void Up(MigrationBuilder op)
    {
        op.CreateTable("user_roles", t =>
        {
            t.Column("id", SqlType.Int).PrimaryKey();
            t.Column("user_id", SqlType.Int).NotNull().References("users", "id", onDelete: ReferentialAction.Cascade);
            t.Column("role", SqlType.String(50)).NotNull();
            t.Column("created_at", SqlType.DateTime).NotNull().Default(Sql.Now);
            t.Column("updated_at", SqlType.DateTime).NotNull().Default(Sql.Now);
        });
        op.CreateIndex("idx_user_roles_user_id", "user_roles", "user_id");
        op.CreateIndex("idx_user_roles_role", "user_roles", "role");
        op.CreateUniqueConstraint("uq_user_role", "user_roles", "user_id", "role");
    }

    public override void Down(MigrationBuilder op)
    {
        op.DropConstraint("uq_user_role", "user_roles");
        op.DropIndex("idx_user_roles_role", "user_roles");
        op.DropIndex("idx_user_roles_user_id", "user_roles");
        op.DropTable("user_roles");
    }
}
