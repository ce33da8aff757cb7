"""crosscheck.extract."""
