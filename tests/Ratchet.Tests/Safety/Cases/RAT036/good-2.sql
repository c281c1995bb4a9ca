-- case: A plpgsql function with a dollar-quoted body and a trigger using it.
-- expect-not: RAT036
-- target: postgres@15
-- given:
CREATE TABLE documents (id bigint PRIMARY KEY, body text NOT NULL, updated_at timestamptz);
-- up:
CREATE FUNCTION documents_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now(); -- a comment; with a semicolon
    RETURN NEW;
END;
$$;
CREATE TRIGGER documents_touch BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_touch();
