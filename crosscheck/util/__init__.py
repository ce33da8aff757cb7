"""crosscheck.util."""
