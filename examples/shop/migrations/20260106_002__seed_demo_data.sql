-- ratchet:revises 20260106_001
-- ratchet:message Seed demo customers, products and orders

-- ratchet:up
INSERT INTO customers (id, email, name) VALUES
    (1, 'ada@example.com', 'Ada Lovelace'),
    (2, 'grace@example.com', 'Grace Hopper'),
    (3, 'edsger@example.com', 'Edsger Dijkstra');
INSERT INTO products (id, sku, name, price_cents) VALUES
    (1, 'KB-01', 'Keyboard', 4900),
    (2, 'MS-01', 'Mouse', 1900),
    (3, 'MN-27', 'Monitor; 27 inch', 24900);
INSERT INTO orders (id, customer_id, status, total_cents) VALUES
    (1, 1, 'N', 4900),
    (2, 1, 'S', 1900),
    (3, 2, 'D', 24900),
    (4, 3, 'N', 6800);

-- ratchet:down
DELETE FROM orders WHERE id IN (1, 2, 3, 4);
DELETE FROM products WHERE id IN (1, 2, 3);
DELETE FROM customers WHERE id IN (1, 2, 3);
