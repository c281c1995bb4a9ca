-- ratchet:revises 20260106_002
-- ratchet:message Add order items
-- ratchet:branch items

-- ratchet:up
CREATE TABLE order_items (
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    price_cents INTEGER NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX idx_order_items_product_id ON order_items (product_id);

-- ratchet:down
DROP INDEX idx_order_items_product_id;
DROP TABLE order_items;
