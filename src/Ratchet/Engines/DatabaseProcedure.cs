namespace Ratchet.Engines;

/// <summary>
/// A step that is not one SQL statement: the engine that generated it runs it, reading the live schema as it goes
/// (SQLite's table rebuild). The core only shows its description.
/// </summary>
public abstract class DatabaseProcedure
{
    /// <summary>What it will do, for plans and offline scripts.</summary>
    public abstract string Describe();

    /// <inheritdoc />
    public override string ToString() => Describe();
}
