"""CLI command modules; each registers its commands on crosscheck.cli_app.app."""
