"""crosscheck.ruleset."""
