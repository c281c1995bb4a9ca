using Ratchet.Operations;

namespace WebApp.Migrations;

[Migration("20260301_002", Revises = "20260301_001", Message = "Add user roles")]
public sealed class AddUserRoles : Migration
{
    public override void Up(MigrationBuilder op)
    {
        op.CreateTable("user_roles", t =>
        {
            t.Column("id", SqlType.Int).PrimaryKey();
            t.Column("user_id", SqlType.Int).NotNull().References("users", "id", onDelete: ReferentialAction.Cascade);
            t.Column("role", SqlType.String(50)).NotNull();
        });
        op.CreateIndex("idx_user_roles_user_id", "user_roles", "user_id");
        op.CreateUniqueConstraint("uq_user_role", "user_roles", "user_id", "role");
    }
}
