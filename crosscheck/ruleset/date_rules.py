"""rules/dates.yaml of a rules directory, with a bad or missing file a RuleError naming it.

Read by crosscheck.extract.vote_events (a later vote's month, "last year") and by
crosscheck.reconcile.dating (documents' and figures' days).  The parsed file is cached per path
by crosscheck.text.dates.load_date_rules.
"""

from __future__ import annotations

from typing import Optional

from crosscheck.errors import RuleError
from crosscheck.ruleset.resources import rules_dir
from crosscheck.text.dates import DateRules, load_date_rules

DATES_FILE = "dates.yaml"


def date_rules(rules: Optional[str] = None) -> DateRules:
    """rules/dates.yaml of the rules directory in force (`rules`: a directory, or the bundled)."""
    from pydantic import ValidationError

    path = rules_dir(rules).resolve() / DATES_FILE
    try:
        return load_date_rules(path)
    except FileNotFoundError:
        raise RuleError(f"{path}: date rules missing") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(x) for x in err["loc"]) or "(top level)"
        raise RuleError(f"{path}: {loc}: {err['msg']}") from None
