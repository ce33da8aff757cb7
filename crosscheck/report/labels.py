"""The reader's names for things, in Arabic or English: rules/labels.yaml, validated.

    labels = load_labels()            # the rules directory in force
    labels.kind("killed", "ar")       # 'القتلى'
    labels.scope_value("location", "rafah", "en")   # 'Rafah'
    labels.note("cumulative total: later reports may be higher", "ar")

Places come from the gazetteer (first name, Arabic; id in words, English) unless labels.yaml
names them.  A value without a label is shown as it is: a new vocabulary entry never breaks a
report, and `tests/test_labels.py` checks every entry of the vocabularies has one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from crosscheck.errors import RuleError
from crosscheck.models import CLAIM_KINDS
from crosscheck.ruleset.loader import _validate, load_rules, read_yaml
from crosscheck.ruleset.resources import rules_dir

Lang = Literal["ar", "en"]
LANGS = ("ar", "en")
_PLACEHOLDER = re.compile(r"\{(\w*)(?:\|(\w+))?\}")
_FILTERS = {"cause", "note", "key", "kind", "position", "period", "group", "place"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Label(_Strict):
    ar: str = Field(min_length=1)
    en: str = Field(min_length=1)


class PlaceLabel(_Strict):
    """A gazetteer place's label where the derived one will not do (either language)."""

    ar: Optional[str] = None
    en: Optional[str] = None


class NoteExample(_Strict):
    text: str
    ar: str
    en: Optional[str] = None


class NotePattern(_Strict):
    match: str
    ar: str
    en: Optional[str] = None  # default: the note as written
    examples: list[NoteExample] = Field(min_length=1)

    @field_validator("match")
    @classmethod
    def _compiles(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression ({exc})") from None
        return v

    @model_validator(mode="after")
    def _placeholders_exist(self) -> "NotePattern":
        groups = set(re.compile(self.match).groupindex)
        for template in (self.ar, self.en or ""):
            for name, filt in _PLACEHOLDER.findall(template):
                if name not in groups:
                    raise ValueError(f"template uses {{{name}}} but the pattern has no group of that name")
                if filt and filt not in _FILTERS:
                    raise ValueError(f"unknown filter |{filt}; known: {', '.join(sorted(_FILTERS))}")
        return self


class LabelRules(_Strict):
    what: str
    why: str
    kinds: dict[str, Label]
    statuses: dict[str, Label]
    strengths: dict[str, Label]
    causes: dict[str, Label]
    qualifiers: dict[str, Label]
    keys: dict[str, Label]
    periods: dict[str, Label]
    prefixed_periods: dict[str, Label] = Field(default_factory=dict)
    groups: dict[str, Label]
    prefixed_groups: dict[str, Label] = Field(default_factory=dict)
    events: dict[str, Label]
    prefixed_events: dict[str, Label] = Field(default_factory=dict)
    incidents: dict[str, Label] = Field(default_factory=dict)
    positions: dict[str, Label]
    bases: dict[str, Label]
    dated_from: dict[str, Label]
    inconsistency_types: dict[str, Label]
    places: dict[str, PlaceLabel] = Field(default_factory=dict)
    notes: list[NotePattern] = Field(default_factory=list)
    ui: dict[str, Label]

    @model_validator(mode="after")
    def _complete(self) -> "LabelRules":
        missing = [k for k in CLAIM_KINDS if k not in self.kinds]
        if missing:
            raise ValueError(f"kinds: no label for {', '.join(missing)}")
        for name in ("conflict", "consistent", "single"):
            if name not in self.statuses:
                raise ValueError(f"statuses: no label for {name}")
        return self


def _words(identifier: str) -> str:
    """'khan_younis' -> 'Khan Younis'."""
    return " ".join(w[:1].upper() + w[1:] for w in identifier.split("_") if w)


class Labels:
    """Look-ups over one LabelRules plus the gazetteer's places."""

    def __init__(self, rules: LabelRules, place_names: dict[str, str]) -> None:
        self.rules = rules
        self.place_names = place_names  # place id -> its first gazetteer name
        self._notes = [(re.compile(p.match), p) for p in rules.notes]

    # ------------------------------------------------------------------ simple vocabularies

    @staticmethod
    def _pick(table: dict[str, Label], key: Optional[str], lang: str) -> Optional[str]:
        label = table.get(key or "")
        return getattr(label, lang) if label is not None else None

    def ui(self, key: str, lang: str) -> str:
        return self._pick(self.rules.ui, key, lang) or key

    def kind(self, kind: str, lang: str) -> str:
        return self._pick(self.rules.kinds, kind, lang) or kind

    def status(self, status: str, lang: str) -> str:
        return self._pick(self.rules.statuses, status, lang) or status

    def strength(self, strength: Optional[str], lang: str) -> str:
        return self._pick(self.rules.strengths, strength, lang) or (strength or "")

    def cause(self, cause: Optional[str], lang: str) -> str:
        return self._pick(self.rules.causes, cause, lang) or (cause or "")

    def qualifier(self, qualifier: str, lang: str) -> str:
        return self._pick(self.rules.qualifiers, qualifier, lang) or qualifier

    def key(self, key: str, lang: str) -> str:
        return self._pick(self.rules.keys, key, lang) or key

    def position(self, value: str, lang: str) -> str:
        return self._pick(self.rules.positions, value, lang) or value

    def inconsistency_type(self, kind: str, lang: str) -> str:
        return self._pick(self.rules.inconsistency_types, kind, lang) or kind

    def place(self, place: str, lang: str) -> str:
        override = self.rules.places.get(place)
        if override is not None and getattr(override, lang):
            return getattr(override, lang)
        if lang == "ar" and place in self.place_names:
            return self.place_names[place]
        return _words(place) if place in self.place_names else place

    def _prefixed(self, table: dict[str, Label], value: str, lang: str) -> Optional[str]:
        head, sep, rest = value.partition(":")
        label = table.get(head) if sep else None
        if label is None:
            return None
        template = getattr(label, lang)
        if "{place}" in template:
            return template.replace("{place}", self.place(rest, lang))
        return template.replace("{}", rest)

    def scope_value(self, key: str, value: Optional[str], lang: str) -> str:
        """A scope attribute's value for the reader ('' for None)."""
        if value is None:
            return ""
        r = self.rules
        if key in ("location", "actor"):
            return self.place(value, lang)
        if key == "group":
            return self._pick(r.groups, value, lang) or self._prefixed(r.prefixed_groups, value, lang) or value
        if key == "period":
            return self._pick(r.periods, value, lang) or self._prefixed(r.prefixed_periods, value, lang) or value
        if key == "event":
            return self._pick(r.events, value, lang) or self._prefixed(r.prefixed_events, value, lang) or value
        if key == "basis":
            return self._pick(r.bases, value, lang) or value
        if key == "incident":
            return self._pick(r.incidents, value, lang) or value
        return value

    # ------------------------------------------------------------------ notes

    def note_parts(self, note: str, lang: str) -> Optional[list[tuple[str, bool]]]:
        """The note as (text, is_verbatim) pieces in `lang`, or None when no pattern matches.

        Verbatim pieces are values copied from the note (numbers, ids, intervals): the HTML
        isolates them so bidi cannot reorder them.
        """
        for rx, pattern in self._notes:
            m = rx.fullmatch(note)
            if m is None:
                continue
            template = pattern.ar if lang == "ar" else pattern.en
            if template is None:
                return [(note, False)]
            out: list[tuple[str, bool]] = []
            pos = 0
            for ph in _PLACEHOLDER.finditer(template):
                if ph.start() > pos:
                    out.append((template[pos : ph.start()], False))
                name, filt = ph.group(1), ph.group(2)
                value = m.group(name) or ""
                out.extend(self._filtered(value, filt, lang))
                pos = ph.end()
            if pos < len(template):
                out.append((template[pos:], False))
            return out
        return None

    def _filtered(self, value: str, filt: Optional[str], lang: str) -> list[tuple[str, bool]]:
        if not filt:
            return [(value, True)]
        if filt == "note":
            return self.note_parts(value, lang) or [(value, True)]
        table = {
            "cause": self.cause,
            "key": self.key,
            "kind": self.kind,
            "position": self.position,
        }.get(filt)
        if table is not None:
            return [(table(value, lang), False)]
        return [(self.scope_value({"period": "period", "group": "group", "place": "location"}[filt], value, lang), False)]

    def note(self, note: str, lang: str) -> str:
        """The note translated into `lang` (as written when no pattern knows it)."""
        parts = self.note_parts(note, lang)
        return note if parts is None else "".join(text for text, _ in parts)


def load_label_rules(directory: str | Path | None = None) -> LabelRules:
    path = rules_dir(directory) / "labels.yaml"
    if not path.is_file():
        raise RuleError(f"{path}: labels file not found (the rules directory needs labels.yaml)")
    return _validate(LabelRules, read_yaml(path, "labels file"), path)  # type: ignore[return-value]


def load_labels(directory: str | Path | None = None) -> Labels:
    """The labels of the rules directory in force (cached per directory)."""
    return _load(str(rules_dir(directory).resolve()))


@lru_cache(maxsize=8)
def _load(directory: str) -> Labels:
    rules = load_label_rules(directory)
    gazetteer = load_rules(directory).gazetteer
    names = {p.id: p.names[0] for p in gazetteer.places if p.names}
    unknown = sorted(set(rules.places) - set(names))
    if unknown:
        path = Path(directory) / "labels.yaml"
        raise RuleError(f"{path}: places: {', '.join(unknown)} not in gazetteer.yaml")
    return Labels(rules, names)
