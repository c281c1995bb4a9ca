namespace Ratchet.Operations;

/// <summary>
/// One typed schema change. The hierarchy is closed (a private protected constructor): each dialect's generator ends
/// its switch over these types with an error, never with empty SQL.
/// </summary>
public abstract record MigrationOperation
{
    private protected MigrationOperation()
    {
    }

    /// <summary>A canonical one-line description; stable, so it is what C# migrations are checksummed on.</summary>
    public abstract string Describe();

    /// <summary>The operation that undoes this one, or null when it cannot be derived (see <see cref="WhyNoInverse"/>).</summary>
    public virtual MigrationOperation? Invert() => null;

    /// <summary>Why <see cref="Invert"/> returns null, and what to add so it does not.</summary>
    public virtual string WhyNoInverse => "it has no inverse";

    /// <inheritdoc />
    public override string ToString() => Describe();
}
