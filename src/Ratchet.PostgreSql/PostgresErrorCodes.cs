namespace Ratchet.PostgreSql;

/// <summary>The SQLSTATE codes Ratchet acts on.</summary>
internal static class PostgresErrorCodes
{
    /// <summary>lock_not_available: <c>lock_timeout</c> expired.</summary>
    public const string LockNotAvailable = "55P03";

    /// <summary>deadlock_detected: one of two transactions was rolled back by the server.</summary>
    public const string DeadlockDetected = "40P01";

    /// <summary>insufficient_privilege (CREATE DATABASE without CREATEDB, for one).</summary>
    public const string InsufficientPrivilege = "42501";

    /// <summary>invalid_catalog_name: the database does not exist.</summary>
    public const string InvalidCatalogName = "3D000";

    /// <summary>invalid_password.</summary>
    public const string InvalidPassword = "28P01";

    /// <summary>invalid_authorization_specification (no such role, pg_hba rejects).</summary>
    public const string InvalidAuthorization = "28000";
}
