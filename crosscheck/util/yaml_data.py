"""YAML data files (rules, date words) parsed as `yaml.safe_load` parses them.

libyaml's parser when PyYAML was built with it: the same data (the same resolver and
constructor; every rule file compared), in about a seventh of the time - every command pays it
once for its rules (~0.3 CPU-s on the 2-core benchmark machine)."""

from __future__ import annotations

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text) -> object:
    """yaml.safe_load, with libyaml's parser when available (`SAFE_LOADER`); the data of a text
    parsed before is read back from the cache directory (crosscheck.util.yaml_cache)."""
    from crosscheck.util import yaml_cache

    return yaml_cache.parsed(text, _parse, SAFE_LOADER.__name__)


def _parse(text) -> object:
    return yaml.load(text, Loader=SAFE_LOADER)
