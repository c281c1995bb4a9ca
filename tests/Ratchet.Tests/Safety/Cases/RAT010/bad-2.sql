-- case: Quoted identifiers, schema-qualified tables and ON DELETE CASCADE, without NOT VALID.
-- expect: RAT010
-- target: postgres@15
-- given:
CREATE TABLE public."Orders" ("Id" bigint PRIMARY KEY);
CREATE TABLE public."LineItems" ("Id" bigint PRIMARY KEY, "OrderId" bigint NOT NULL);
CREATE INDEX "LineItems_OrderId_idx" ON public."LineItems" ("OrderId");
-- up:
ALTER TABLE public."LineItems"
    ADD CONSTRAINT "LineItems_OrderId_fkey" FOREIGN KEY ("OrderId")
    REFERENCES public."Orders" ("Id") ON DELETE CASCADE;
