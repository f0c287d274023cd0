-- The audit chain starts from a fixed genesis hash; the head row serialises appends.
INSERT INTO "audit_head" ("id", "seq", "hash") VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000') ON CONFLICT ("id") DO NOTHING;
