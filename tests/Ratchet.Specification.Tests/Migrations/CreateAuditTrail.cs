using Ratchet.Operations;

namespace Ratchet.Specification.Tests.Migrations;

/// <summary>No Down: every operation can be undone, so Ratchet derives it.</summary>
[Migration("20260205_001", Revises = "20260204_001", Message = "Create audit trail")]
public sealed class CreateAuditTrail : Migration
{
    public override void Up(MigrationBuilder op)
    {
        op.CreateTable("audit_events", t =>
        {
            t.Column("id", SqlType.BigInt).PrimaryKey();
            t.Column("user_id", SqlType.Int).References("users", "id", onDelete: ReferentialAction.SetNull);
            t.Column("what", SqlType.Text).NotNull();
            t.Column("at", SqlType.DateTime).NotNull().Default(Sql.Now);
        });
        op.CreateIndex("idx_audit_events_user_id", "audit_events", "user_id");
        op.AddColumn("users", "email", SqlType.String(200), c => c.Nullable());
        op.CreateUniqueIndex("idx_users_email", "users", "email");
    }
}
