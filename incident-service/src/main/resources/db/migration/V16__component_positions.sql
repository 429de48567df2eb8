-- Where a component is listed within its group, lowest first; a group is listed at the lowest position among its
-- components. Null when unordered (listed after the ordered ones, by name), as every component was before.
ALTER TABLE components ADD COLUMN position integer CHECK (position BETWEEN 0 AND 10000);
