"""Helpers shared by the extraction tests: claims whose offsets are checked, and their
(kind, value) pairs."""

from crosscheck.extract.extractor import extract_text


def checked_claims(text):
    """The claims of `text`, each asserted to point at its own surface in the original text."""
    out = extract_text(text)
    for c in out:
        assert text[c.start:c.end] == c.surface
    return out


def kinds_values(text):
    return {(c.kind, c.value) for c in checked_claims(text)}


def killed_values(text):
    """The sorted values of the killed claims of `text` (offsets checked)."""
    return sorted(c.value for c in checked_claims(text) if c.kind == "killed")
