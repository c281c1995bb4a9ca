using Ratchet.Engines;
using Ratchet.Revisions;

namespace Ratchet.Hosting;

/// <summary>How an app migrates its database: which engine, which revisions, to where, and whether at startup.</summary>
public sealed class RatchetOptions
{
    /// <summary>Creates the engine (for example <c>_ => new SqliteEngine("app.db")</c>). Required.</summary>
    public Func<IServiceProvider, IDatabaseEngine>? Engine { get; set; }

    /// <summary>Supplies the revisions (for example <c>() => AssemblySource.Load(typeof(Program).Assembly)</c>). Required.</summary>
    public Func<IReadOnlyList<Revision>>? Revisions { get; set; }

    /// <summary>Where to migrate at startup (default <c>head</c>).</summary>
    public string Target { get; set; } = "head";

    /// <summary>Apply pending revisions when the host starts; the host does not start if one fails (default true).</summary>
    public bool MigrateAtStartup { get; set; } = true;

    /// <summary>How long to wait for another instance's runner lock (default 60 s): several replicas starting at once take turns.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
