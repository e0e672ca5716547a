-- Brings a warehouse built by an earlier version up to schema.sql, before each load.
ALTER TABLE tolak ADD COLUMN IF NOT EXISTS isi VARCHAR;
ALTER TABLE tolak ADD COLUMN IF NOT EXISTS diselesaikan INTEGER;
