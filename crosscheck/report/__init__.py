"""crosscheck.report."""
