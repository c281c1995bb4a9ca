-- ratchet:revises 20260107_001, 20260107_002
-- ratchet:message Merge order items and status names

-- ratchet:up

-- ratchet:down
