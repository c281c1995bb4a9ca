-- ratchet:revises 20260106_002
-- ratchet:message Spell out order statuses (N/S/D to new/shipped/delivered)
-- ratchet:branch statuses

-- ratchet:check
-- Every row must hold a known code, or the conversion would write NULL into a NOT NULL column.
SELECT count(*) = 0 FROM orders WHERE status NOT IN ('N', 'S', 'D');

-- ratchet:up
UPDATE orders SET status = CASE status
    WHEN 'N' THEN 'new'
    WHEN 'S' THEN 'shipped'
    WHEN 'D' THEN 'delivered'
END;

-- ratchet:verify
SELECT count(*) = 0 FROM orders WHERE status NOT IN ('new', 'shipped', 'delivered');

-- ratchet:down
UPDATE orders SET status = CASE status
    WHEN 'new' THEN 'N'
    WHEN 'shipped' THEN 'S'
    WHEN 'delivered' THEN 'D'
END;
