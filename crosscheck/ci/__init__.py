"""crosscheck.ci."""
