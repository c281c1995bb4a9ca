namespace Ratchet.Cli.Tests.Diff;

/// <summary>
/// Two schemas of one engine for the round-trip property: the revision <c>ratchet diff</c> writes turns
/// <see cref="From"/> into <see cref="To"/>, and its down turns it back. <see cref="Seed"/> rows are put in before the
/// change; the tables both schemas share must hold as many rows after up and after down.
/// </summary>
public sealed record SchemaPair(string Name, string From, string To, string? Seed = null, params string[] Renames)
{
    public override string ToString() => Name;
}
