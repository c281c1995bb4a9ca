-- case: SQLite: the table rebuild ratchet diff writes drops the old table after copying its rows into the new one.
-- expect-not: RAT018
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
-- up:
PRAGMA foreign_keys = OFF;
CREATE TABLE "ratchet_new_users" ("id" INTEGER PRIMARY KEY, "email" TEXT NOT NULL);
INSERT INTO "ratchet_new_users" ("id", "email") SELECT "id", "email" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "ratchet_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
