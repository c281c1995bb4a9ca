-- case: A 68-byte constraint name.
-- expect: RAT035
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, shipping_address text);
-- up:
ALTER TABLE orders ADD CONSTRAINT orders_shipping_address_must_be_present_when_status_is_shipped_check
    CHECK (status <> 'shipped' OR shipping_address IS NOT NULL) NOT VALID;
