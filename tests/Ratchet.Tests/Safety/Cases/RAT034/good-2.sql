-- case: RENAME COLUMN is done in place.
-- expect-not: RAT034
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
ALTER TABLE "users" RENAME COLUMN "nickname" TO "display_name";
