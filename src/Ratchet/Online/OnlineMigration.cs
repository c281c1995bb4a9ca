namespace Ratchet.Online;

/// <summary>
/// A C# online (zero-downtime) migration, marked with <see cref="Operations.MigrationAttribute"/> like any other:
/// <see cref="Up"/> lists online operations; Ratchet plans start, complete, abort and down from them on PostgreSQL.
/// </summary>
/// <example>
/// <code>
/// [Migration("20261201_002", Revises = "20261201_001", Message = "widen orders.id")]
/// public sealed class WidenOrderIds : OnlineMigration
/// {
///     public override void Up(OnlineBuilder online) => online.ChangeColumnType("orders", "id", SqlType.BigInt);
/// }
/// </code>
/// </example>
public abstract class OnlineMigration
{
    /// <summary>The online operations, in order.</summary>
    public abstract void Up(OnlineBuilder online);
}
