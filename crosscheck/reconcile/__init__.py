"""crosscheck.reconcile."""
