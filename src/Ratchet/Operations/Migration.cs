namespace Ratchet.Operations;

/// <summary>
/// A migration written in C#: <see cref="Up"/> describes the change with typed operations; <see cref="Down"/> may be
/// omitted when every operation of <see cref="Up"/> can be undone, and Ratchet derives it. Mark the class with
/// <see cref="MigrationAttribute"/>.
/// </summary>
public abstract class Migration
{
    /// <summary>The upgrade.</summary>
    public abstract void Up(MigrationBuilder op);

    /// <summary>The downgrade; by default derived from <see cref="Up"/> (each operation's inverse, in reverse order).</summary>
    public virtual void Down(MigrationBuilder op)
    {
        ArgumentNullException.ThrowIfNull(op);
        op.DeriveFromUp();
    }
}
