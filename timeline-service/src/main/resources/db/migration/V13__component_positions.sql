-- Where a component is listed within its group, from its events: a group at the lowest position among its components,
-- then by position (nulls, as in events written before components had an order, last), then by name.
ALTER TABLE components ADD COLUMN position integer;
