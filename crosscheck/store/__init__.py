"""crosscheck.store.sqlite_store."""
