using Ratchet.Specification.Tests;

namespace Ratchet.Sqlite.Tests;

public sealed class UpDownOnSqlite(SqliteFixture fixture) : UpDownSpecification<SqliteFixture>(fixture);

public sealed class BranchesOnSqlite(SqliteFixture fixture) : BranchSpecification<SqliteFixture>(fixture);

public sealed class FailuresOnSqlite(SqliteFixture fixture) : FailureSpecification<SqliteFixture>(fixture);

public sealed class ConcurrencyOnSqlite(SqliteFixture fixture) : ConcurrencySpecification<SqliteFixture>(fixture);

public sealed class JournalOnSqlite(SqliteFixture fixture) : JournalSpecification<SqliteFixture>(fixture);

public sealed class CSharpMigrationsOnSqlite(SqliteFixture fixture) : CSharpMigrationSpecification<SqliteFixture>(fixture);
