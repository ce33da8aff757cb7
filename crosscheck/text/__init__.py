"""crosscheck.text."""
