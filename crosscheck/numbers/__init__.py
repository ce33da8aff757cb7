"""crosscheck.numbers."""
