-- A termination keeps the reason its caller gave: on the licence's history row and on the tenant (its current state).
ALTER TABLE identity_licence_change ADD COLUMN note VARCHAR(500);
ALTER TABLE identity_tenant ADD COLUMN termination_reason VARCHAR(500);
