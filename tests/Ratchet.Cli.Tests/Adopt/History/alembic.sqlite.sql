-- Alembic version table on SQLite, as Alembic creates it.
-- DDL: sqlalchemy/alembic, alembic/runtime/migration.py (MigrationContext.__init__): Table(version_table,
--      Column("version_num", String(32), nullable=False)) plus PrimaryKeyConstraint("version_num",
--      name="%s_pkc" % version_table). The text below is what SQLAlchemy renders for it; it was produced by
--      `alembic upgrade heads --sql` (Alembic 1.8.1, SQLAlchemy 1.4.46) for this dialect, trailing space included.
-- Rows: one row per current head, not one per applied revision. Layouts/alembic fully applied has a single head, the
--   merge e5f6a1b2c3d4 (applying it DELETEs one parent's row and UPDATEs the other's to the merge id). Checked by
--   running `alembic upgrade heads` on Layouts/alembic against SQLite.

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

INSERT INTO alembic_version (version_num) VALUES ('e5f6a1b2c3d4');
