-- case: The rebuild exactly as ratchet diff writes it: foreign_keys OFF (Ratchet then runs foreign_key_check itself before the commit).
-- expect-not: RAT034
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
CREATE INDEX users_email_idx ON users (email);
-- up:
PRAGMA foreign_keys = OFF;
CREATE TABLE "ratchet_new_users" ("id" INTEGER PRIMARY KEY, "email" TEXT NOT NULL);
INSERT INTO "ratchet_new_users" ("id", "email") SELECT "id", "email" FROM "users";
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "ratchet_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "users_email_idx" ON "users" ("email");
