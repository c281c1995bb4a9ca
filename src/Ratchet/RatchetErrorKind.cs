namespace Ratchet;

/// <summary>What kind of failure a <see cref="RatchetException"/> reports. The values are the tool's exit codes.</summary>
public enum RatchetErrorKind
{
    /// <summary>A migration failed while running (exit code 1).</summary>
    MigrationFailed = 1,

    /// <summary>Bad input: configuration, a migration file, the revision graph or a target (exit code 2).</summary>
    BadInput = 2,

    /// <summary>A check failed: a pre-condition, a post-condition, or a validation mismatch (exit code 3).</summary>
    CheckFailed = 3,

    /// <summary>The runner lock was not acquired in time (exit code 4).</summary>
    LockNotAcquired = 4,
}
