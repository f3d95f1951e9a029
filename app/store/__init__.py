"""The database file: atomic writes, backups, schema upgrades and the lock between instances."""
