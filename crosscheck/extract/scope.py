"""Scope attributes of a claim: location, group, period, attribution, the vote it belongs to.

Words come from rules/gazetteer.yaml and rules/scope.yaml.  Places are found with ONE compiled
alternation over the normalised document (cheap), everything else is looked up in the tokens of
the claim's own sentence.  When the sentence says nothing, the caller may fall back to the
document's context and mark the attribute as inferred.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from typing import Optional, Sequence

from crosscheck.text import charclass
from crosscheck.util.memo import per_object
from crosscheck.util.plain import plain_of
from crosscheck.util import re_cache, regex_cache
from crosscheck.text.lexicon import Phrase, PhraseSet, longest_of
from crosscheck.text.normalize import normalize_word
from crosscheck.ruleset.loader import GazetteerRules, Place, ScopeRules
from crosscheck.text.tokens import Token, bare_forms


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # normalised offsets
    end: int
    place: Place
    adjective: bool  # "أمريكي" rather than "أمريكا"
    located: bool  # preceded by a locative word (في، داخل، بـ) — needed for countries


_VENUE_STOP = re.compile(r"[.،,؛;:!?؟\n]")
_DIGIT = re.compile(r"\d")


class Gazetteer:
    def __init__(self, rules: GazetteerRules) -> None:
        self.rules = rules
        self.by_id = {p.id: p for p in rules.places}
        self._ancestors: dict[str, frozenset[str]] = {}  # place id -> its parent_chain (is_within)
        self._dateline_date_re = re.compile(rules.dateline_date) if rules.dateline_date else None
        self._label_re = regex_cache.compile(rules.headline_label) if rules.headline_label else None
        self._dateline_outlet_re = re.compile(rules.dateline_outlet) if rules.dateline_outlet else None
        outlets = sorted({" ".join(normalize_word(w).split()) for w in rules.outlet_names}, key=len, reverse=True)
        oheads = sorted({normalize_word(w) for w in rules.outlet_heads}, key=len, reverse=True)
        alts = []
        if outlets:  # a known outlet's name, whole words, a conjunction or preposition on it
            alts.append(r"(?<!\w)[وفبل]?(?:ل)?((?:" + "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in outlets) + r"))(?!\w)")
        headed = sorted({" ".join(normalize_word(w).split()) for w in rules.outlet_headed_names}, key=len, reverse=True)
        if oheads:  # a quoted name right after a word naming an outlet, or a listed one
            head = r"(?<!\w)[وفبل]?(?:ال)?(?:" + "|".join(map(re.escape, oheads)) + r")"
            alts.append(head + r"\s*[«\"]([^»\"\n]{2,40})[»\"]")
            if headed:
                alts.append(head + r"\s+((?:" + "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in headed) + r"))(?!\w)")
        self._outlet_re = re.compile("|".join(f"(?:{a})" for a in alts)) if alts else None
        # "في إقليم التبت الصيني", "بمقاطعة سيتشوان الصينية": a locative, a word naming an area
        # (`area_heads`), one to `area_head_words` words, then the country's adjective
        heads = sorted({normalize_word(w) for w in rules.area_heads}, key=len, reverse=True)
        self._area_of_re = re.compile(
            r"(?<!\w)[وف]?(?:(?:في|داخل)\s+|ب)(?P<head>(?:ال)?(?:" + "|".join(map(re.escape, heads))
            + r"))(?:\s+" + (r"(?!(?:" + "|".join(map(re.escape, sorted({normalize_word(w) for w in rules.area_not_of}, key=len, reverse=True)))
                              + r")(?!\w))" if rules.area_not_of else "")
            + r"[^\W\d_]+){1," + str(max(1, rules.area_head_words)) + r"}\s+\Z"
        ) if heads else None
        lookup: dict[str, tuple[Place, bool]] = {}
        for p in rules.places:
            for n in p.names:
                lookup[normalize_word(n)] = (p, False)
            for a in p.adjectives:
                lookup.setdefault(normalize_word(a), (p, True))
        self.lookup = lookup
        # the counted nouns of a nationality ("سوريا", "سوريين", "سوريون" for "سوري") -> country
        self.nationality: dict[str, str] = {}
        for p in rules.places:
            if p.type != "country":
                continue
            for a in p.adjectives:
                base = normalize_word(a)
                base = base[2:] if base.startswith("ال") else base
                if not base.endswith("ي"):
                    continue  # the feminine ("سورية") names no person counted
                for form in (base, base + "ا", base + "ين", base + "ون"):
                    self.nationality.setdefault(form, p.id)
        names = sorted(lookup, key=len, reverse=True)
        # the longest name as a trie: the same matches as the longest-first alternation, faster
        alternation = longest_of(names, space=f"[{charclass.space()}]+")
        # A place name is a whole word, optionally carrying clitics (و ف ب ل ك and ال); the
        # look-arounds stop "رفح" matching inside a longer word.  Written for the standard
        # library's `re` with `regex`'s own classes (`[\p{L}\p{M}]`, `\s`): the same matches as
        # the `regex` pattern, about three times faster.
        # (the look-arounds read the letter class's astral ranges for astral characters only:
        # charclass.not_after, 1.4-2.5x faster on news and dense figures than one class)
        letter = r"[\p{L}\p{M}]"
        self.pattern = re_cache.compile(
            charclass.not_after(letter) + "(?P<pre>(?:[وف])?(?:[بلك])?(?:ال)?)?(?P<name>" + alternation + ")"
            + charclass.not_before(letter)
        )
        self.locatives = frozenset(normalize_word(w) for w in rules.locatives)
        # two-word locatives: a relative pronoun and a verb of striking ("الذي ضرب")
        self.struck = frozenset(" ".join(normalize_word(x) for x in w.split()) for w in rules.struck_locatives)
        # hosting, arrival and recording words around a country (claims' places only, no counts)
        self.host_one = frozenset(normalize_word(w) for w in rules.host_locatives if " " not in w.strip())
        self.host_two = frozenset(" ".join(normalize_word(x) for x in w.split())
                                  for w in rules.host_locatives if " " in w.strip())
        self.host_after = frozenset(normalize_word(w) for w in rules.host_verbs_after)
        self.host_particles = frozenset(normalize_word(w) for w in rules.host_verb_particles)
        self._host_item_re = regex_cache.compile(rules.host_item_after) if rules.host_item_after else None
        self._zone_res = [regex_cache.compile(p) for p in rules.time_zone_before]
        venue = sorted({normalize_word(w) for w in rules.venue_words}, key=len, reverse=True)
        self._venue_re = re.compile(r"(?<!\w)[وف]?(?:" + "|".join(re.escape(w) for w in venue) + r")(?!\w)") if venue else None
        source = sorted({normalize_word(w) for w in rules.source_words}, key=len, reverse=True)
        self._source_re = (re.compile(r"(?<!\w)[وف]?(?:" + "|".join(re.escape(w) for w in source) + r")(?!\w)")
                           if source else None)
        after = sorted({normalize_word(w) for w in rules.venue_words_after}, key=len, reverse=True)
        self._venue_after_re = (re.compile(r"(?<!\w)[وف]?(?:" + "|".join(re.escape(w) for w in after) + r")(?!\w)")
                                if after else None)
        # an adjective names the country of a figure after these words only: a side or an
        # authority ("الجانب التايلاندي", "وزارة الدفاع الكمبودية"), not an armed group's origin
        self.side_heads = frozenset(normalize_word(w) for w in rules.side_heads)
        # ... the ones of them that also outweigh an article's default place in another country
        self.default_side_heads = frozenset(normalize_word(w) for w in rules.default_side_heads)
        self._venue_site = frozenset(normalize_word(w) for w in rules.venue_site_words)
        burial = sorted({normalize_word(w) for w in rules.burial_words}, key=len, reverse=True)
        self._burial_re = (re.compile(r"(?<!\w)[وف]?(?:" + "|".join(re.escape(w) for w in burial) + r")(?!\w)")
                           if burial else None)
        # For whole-text counts: a whole word (no letter or digit on either side, so "هرات" is
        # not found in "مظاهرات"), after either a locative word ("في ", "داخل ") or clitics
        # (و ف ب ل ك ال); the longest name wins (a trie).  Names here are single-spaced.
        # (ties broken by the word: the same matches, and the same source in every process,
        # so that re_cache finds the compiled code again)
        locs = "|".join(re.escape(w) + " " for w in sorted(self.locatives | self.struck, key=lambda w: (-len(w), w)))
        self._count_pattern = re_cache.compile(
            r"(?<!\w)(?:[وف]?(" + locs + r")|([وف]?[بلك]?(?:ال)?))(" + longest_of(names) + r")(?!\w)"
        )

    def dateline(self, text: str) -> tuple[int, int] | None:
        """The dateline of a normalised article text: [start, end) from a place named at the
        start of one of its first `dateline_lines` lines to the separator after it (rules/
        gazetteer.yaml `dateline_separators`, within `dateline_reach` characters: "قانا (لبنان)
        (أ ف ب) -", "جاكرتا - 30 - 12 (كونا)").  None when there is none.  Reads the top only."""
        r = self.rules
        if not r.dateline_separators or r.dateline_lines <= 0:
            return None
        lines, pos = 0, 0
        while pos < len(text) and lines < r.dateline_lines:
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            lo, pos = pos, end + 1
            line = text[lo:end]
            if not line.strip():
                continue
            lines += 1
            lead = len(line) - len(line.lstrip(_DATELINE_LEAD))
            m = self.pattern.match(text, lo + lead, min(end, lo + lead + 64))
            if m is None or (hit := self.lookup.get(_SPACES.sub(" ", m.group("name")))) is None or hit[1]:
                continue
            if hit[0].type == "country" and self.label(text, m.start("name"), m.end()):
                continue  # a headline's label ("قرغيزستان: ارتفاع القتلى إلى 46"): no filing place
            stop = min(end, m.end() + r.dateline_reach)
            seps = [i for sep in r.dateline_separators if (i := text.find(sep, m.end(), stop)) >= 0]
            if seps:
                return lo, min(seps)
        return None

    def dateline_date(self, text: str) -> tuple[int, int] | None:
        """The numeric date right after the dateline's separator (rules `dateline_date`:
        "جاكرتا - 30 - 12 (كونا)": the span of "30 - 12"), or None.  One match at one place."""
        if self._dateline_date_re is None or (span := self.dateline(text)) is None:
            return None
        m = self._dateline_date_re.match(text, span[1] + 1, min(len(text), span[1] + 1 + 40))
        return m.span(1) if m else None

    def dateline_outlets(self, text: str) -> list[str]:
        """The outlets a normalised article names on its dateline lines (rules `dateline_outlet`:
        "بانكوك - «القدس العربي»:" names "القدس العربي"), in order.  Reads the first
        `dateline_lines` non-empty lines only."""
        if self._dateline_outlet_re is None:
            return []
        out: list[str] = []
        lines, pos = 0, 0
        while pos < len(text) and lines < self.rules.dateline_lines:
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line, pos = text[pos:end], end + 1
            if not line.strip():
                continue
            lines += 1
            if (m := self._dateline_outlet_re.search(line)) is not None:
                out.append(" ".join(m.group("name").split()))
        return out

    def named_outlets(self, text: str) -> list[tuple[int, int]]:
        """Spans of the outlets a normalised text names (rules `outlet_names` anywhere, a quoted
        name right after an `outlet_heads` word: "صحيفة «القدس العربي»"): one pass."""
        if self._outlet_re is None:
            return []
        return [m.span(m.lastindex) for m in self._outlet_re.finditer(text)]

    def venues(self, text: str) -> list[tuple[int, int]]:
        """Where a normalised text names a speaker's venue (rules `venue_words`): the spans of
        the places named after a locative within `venue_reach` words after a venue word
        ("قال دبلوماسي غربي في رانغون": Rangoon); and the places naming a clock time's zone
        (`time_zone_before`: "آخر تحديث: 14:20 (مكة المكرمة)").  One pass of the venue words' pattern; each
        hit looks at the few words after it only."""
        out: list[tuple[int, int]] = []
        for tz in self._zone_res:  # a clock time's zone: "14:20 (مكة المكرمة)", "بتوقيت القدس"
            for z in tz.finditer(text):
                got = [m for m in self.mentions(text, z.end(), min(len(text), z.end() + 40)) if m.start <= z.end() + 4]
                if got:
                    out.append((got[0].start, got[0].end))
        if self._venue_after_re is not None:
            # "تتواصل في تركيا التساؤلات": a located place right before a word of talk
            for v in self._venue_after_re.finditer(text):
                lo = max(0, v.start() - 48)
                got = [m for m in self.mentions(text, lo, v.start())
                       if m.located and not m.adjective and not text[m.end:v.start()].strip()]
                if got:
                    out.append((got[-1].start, got[-1].end))
        if self._burial_re is not None:
            # "وشيعت إسطنبول وأنقرة وإزمير جنازات": where the dead were mourned or buried, in a
            # clause that gives no figure, is no place of the toll
            reach = self.rules.burial_reach
            for v in self._burial_re.finditer(text):
                stop = min(len(text), v.end() + 24 * (reach + 1))
                brk = _VENUE_STOP.search(text, v.end(), stop)
                end = brk.start() if brk else stop
                words = list(_WORD_AT.finditer(text, v.end(), end))[:reach]
                if not words or _DIGIT.search(text, v.end(), end):
                    continue
                begin = text.rfind("\n", 0, v.start()) + 1
                before = max((text.rfind(c, begin, v.start()) for c in ".،,؛;!?؟"), default=-1)
                if _DIGIT.search(text, max(begin, before + 1), v.start()):
                    continue  # a figure in the clause before it: "شيعت ... جثامين 21 في غزة"
                out.extend((m.start, m.end) for m in self.mentions(text, v.end(), words[-1].end())
                           if not m.adjective)
        if self._venue_re is None:
            return sorted(set(out))
        for v in self._venue_re.finditer(text):
            if self._venue_site and self._site_before(text, v.start()):
                continue  # "حريق مستشفى ابن الخطيب في بغداد": the hospital is the event's site
            m = self._located_after(text, v.end())
            if m is not None:
                out.append((m.start, m.end))
        return sorted(set(out))

    def _located_after(self, text: str, end: int):
        """The place named right after a locative within `venue_reach` words after offset `end`
        (in the clause that starts there), or None: "دبلوماسي غربي في رانغون" -> Rangoon."""
        reach = self.rules.venue_reach
        stop = min(len(text), end + 24 * (reach + 2))
        brk = _VENUE_STOP.search(text, end, stop)  # the word's own clause only
        words = list(_WORD_AT.finditer(text, end, brk.start() if brk else stop))[: reach + 2]
        for k, w in enumerate(words[: reach + 1]):
            word = w.group()
            if not self._is_locative(word) or k + 1 >= len(words):
                continue
            after = words[k + 1]
            got = [m for m in self.mentions(text, after.start(), min(len(text), after.start() + 40))
                   if after.start() <= m.start < after.end()]  # the word after the locative
            if got:
                return got[0]
        return None

    def sources(self, text: str) -> list:
        """Where a normalised text names the place a source speaks from (rules `source_words`:
        "مصادر طبية في مصراتة", "ناشطون في دمشق"): the mentions of the places named after a
        locative within `venue_reach` words after a source word.  Whether such a place is the
        figures' too is the document's to say (crosscheck.extract.context: only a place the article
        names nowhere else, beside another place it does name, is set aside)."""
        if self._source_re is None:
            return []
        out = []
        for v in self._source_re.finditer(text):
            m = self._located_after(text, v.end())
            if m is not None and not m.adjective:
                out.append(m)
        return out

    def parent_chain(self, place_id: str) -> list[str]:
        chain = []
        p = self.by_id.get(place_id)
        while p is not None and p.parent:
            chain.append(p.parent)
            p = self.by_id.get(p.parent)
        return chain

    def is_within(self, child: str, parent: str) -> bool:
        # (a place's ancestors, found once per place: asked a few times for every claim)
        found = self._ancestors.get(child)
        if found is None:
            found = self._ancestors[child] = frozenset(self.parent_chain(child))
        return parent in found

    def nationals_of(self, noun: Token, place: Optional[str], homes: dict[str, list[str]]) -> Optional[str]:
        """The country whose nationals the counted noun names ("43 سوريا"), when `place` is not
        their home (the country, a place within it, or one of its `homes`); None otherwise,
        and when the figure has no place (home or abroad is then unknown)."""
        if place is None:
            return None
        country = self.nationality_of(noun)
        if country is None:
            return None
        if place == country or country in self.parent_chain(place) or place in homes.get(country, ()):
            return None
        if any(h == place or h in self.parent_chain(place) for h in homes.get(country, ())):
            return None
        return country

    def nationality_of(self, noun: Token) -> Optional[str]:
        """The country whose nationals the counted noun names ("سوريا", "بريطانيين"), or None."""
        return next((self.nationality[f] for f in sorted(noun.forms) if f in self.nationality), None)

    def country_in(self, tok: Token, adjective: bool) -> Optional[str]:
        """The country a token names by its adjective ("الطاجيكي") or, `adjective` False, by
        its one-word name ("طاجيكستان"); None otherwise."""
        for f in sorted(tok.forms):
            hit = self.lookup.get(f)
            if hit is not None and hit[1] == adjective and hit[0].type == "country":
                return hit[0].id
        return None

    def abroad(self, country: str, place: Optional[str], homes: dict[str, list[str]]) -> bool:
        """Is `place` known and outside `country` (the country, a place within it, its `homes`)?"""
        if place is None or place == country or country in self.parent_chain(place):
            return False
        return not any(h == place or h in self.parent_chain(place) for h in homes.get(country, ()))

    def mentions(self, text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
        """Place mentions in text[lo:hi] (a sentence: the alternation is too slow for whole corpora)."""
        out, moved = [], []
        for m in self.pattern.finditer(text, lo, len(text) if hi is None else hi):
            name = m.group("name")
            # (a name of letters only has no run of spaces to make single)
            hit = self.lookup.get(name if name.isalpha() else _SPACES.sub(" ", name))
            if hit is None:
                continue
            place, adjective = hit
            pre = m.group("pre") or ""
            located = ("ب" in pre or self._is_locative(self._previous_word(text, m.start()))
                       or (bool(self.struck) and self._previous_two(text, m.start()) in self.struck))
            if (not located and place.type == "country" and not adjective
                    and not set(pre[:-2] if pre.endswith("ال") else pre) & {"ل", "ك"}):
                located = self._hosted(text, m.start(), m.end())
            if (not located and place.type == "country" and not adjective and not pre
                    and self.label(text, m.start(), m.end())):
                located = True  # "العراق: مقتل 12 في تفجير": the headline's label places its figures
            if place.bare_is_word and not pre and not located and not adjective:
                continue  # "الطالبات عدن إلى منازلهن": the bare word is a verb, not Aden
            start = m.start("name")
            if adjective and place.type == "country" and self._area_of_re is not None and not pre.startswith(("ب", "ل", "ك")):
                # "20 في إقليم التبت الصيني": an area the gazetteer may not know, named by its
                # country's adjective - a place of that country, stated where the area is named
                area = self._area_of_re.search(text, max(lo, m.start() - 80), m.start())
                if area is not None:
                    start, adjective, located = area.start("head"), False, True
                    moved.append(len(out))
            out.append(Mention(start, m.end(), place, adjective, located))
        if moved:
            # an area the gazetteer knows ("بولاية أوتار براديش الهندية") is itself the place: the
            # adjective only names the country of an unknown one
            known = {k for k in moved if any(y is not out[k] and out[k].start <= y.start < out[k].end
                                             and not y.adjective for y in out)}
            out = [x for k, x in enumerate(out) if k not in known]
            out.sort(key=lambda x: x.start)
        return out

    def counts(self, text: str) -> Counter[str]:
        """How often each place is named in a whole text (one stdlib-re pass: fast).

        Countries count only after a locative ("في لبنان", "بلبنان"): bare, they are usually actors.
        """
        return self.counts_and_adjectives(text)[0]

    def counts_and_adjectives(self, text: str) -> tuple[Counter[str], set[str]]:
        """`counts`, and the places the text names by an adjective ("السلطات الباكستانية").
        The counts carry `spread` (PlaceCounts): in how many sentences each place is named, itself
        or by a place within it, so that one sentence listing a country's regions ("وفي بريطانيا
        ... في إنكلترا وويلز") counts once for the country (document_location)."""
        counts = PlaceCounts()
        adjectives: set[str] = set()
        ends = [b.start() for b in _SENTENCE_END.finditer(text)]
        named: dict[int, set[str]] = {}
        for m in self._count_pattern.finditer(text):
            place, adjective = self.lookup[m.group(3)]
            if adjective:
                adjectives.add(place.id)
                continue
            if place.type == "country" and not m.group(1) and "ب" not in m.group(2):
                continue
            if place.bare_is_word and not m.group(1) and not m.group(2):
                continue  # a bare name that is also a common word (Place.bare_is_word)
            counts[place.id] += 1
            named.setdefault(bisect_left(ends, m.start()), set()).add(place.id)
        for ids in named.values():
            within: set[str] = set(ids)
            for pid in ids:
                within.update(self.parent_chain(pid))
            counts.spread.update(within)
        return counts, adjectives

    def _hosted(self, text: str, start: int, end: int) -> bool:
        """Is the bare country at [start, end) where figures are hosted, arrive or are counted
        (rules `host_locatives` before it: "تستضيف كولومبيا", "لجأوا إلى أوزبكستان", "سلطات
        بنغلادش"; `host_verbs_after` right after it: "بولندا استقبلت", "الإكوادور تحصي")?"""
        if self.host_one or self.host_two:
            prev = self._previous_word(text, start)
            if prev in self.host_one or (len(prev) > 3 and prev[0] in "وف" and prev[1:] in self.host_one):
                return True
            if self.host_two and self._previous_two(text, start) in self.host_two:
                return True
        if self.host_after:
            m = _NEXT_WORD.match(text, end, min(len(text), end + 30))
            if m and m.group(1) in self.host_particles:
                # "وكانت أوغندا قد استقبلت 53 ألف لاجئ": the verb one particle further on
                m = _NEXT_WORD.match(text, m.end(), min(len(text), m.end() + 30))
            if m and (m.group(1) in self.host_after):
                return True
        # an item of a ranking of hosts: "تليها البرازيل بـ210 آلاف", "ثم الأرجنتين بنحو 90 ألفا"
        return self._host_item_re is not None and self._host_item_re.match(text, end, min(len(text), end + 30)) is not None

    def label(self, text: str, start: int, end: int) -> bool:
        """Is the name at text[start:end] a line's label: alone at the start of its line (quotes
        and dashes aside), a colon right after it, and a sentence of three words or more after
        the colon (rules/gazetteer.yaml `headline_label`: "قرغيزستان: ارتفاع قتلى الاشتباكات
        إلى 46")?  Outlets head a story with its country so; a dateline before an outlet's name
        or a date ("الجزائر: «الشرق الأوسط»", "الجزائر: 12 مارس") is none.  Reads the few
        characters around the name only."""
        if self._label_re is None:
            return False
        lo = text.rfind("\n", max(0, start - 8), start) + 1
        if (lo == 0 and start > 8) or text[lo:start].strip(_DATELINE_LEAD):
            return False
        return self._label_re.match(text, end) is not None

    def _is_locative(self, word: str) -> bool:
        """"في", and "وفي"/"ففي" (a locative carrying the conjunction: "وفي زيمبابوي، قتل …")."""
        return word in self.locatives or (len(word) > 2 and word[0] in "وف" and word[1:] in self.locatives)

    @staticmethod
    def _previous_word(text: str, pos: int) -> str:
        m = _PREV_WORD.search(text, max(0, pos - 30), pos)
        return m.group(1) if m else ""

    def _site_before(self, text: str, pos: int) -> bool:
        """Is the venue word at `pos` the site of an event (rules `venue_site_words` right before
        it, or before "على"/"في" right before it: "قصف مستشفى", "هجوم على مستشفى")?  Reads the two
        words before it only."""
        prev = self._previous_word(text, pos)
        if prev in _SITE_LINKS:
            prev = self._previous_two(text, pos).split(" ")[0]
        if len(prev) > 3 and prev[0] in "وف" and prev not in self._venue_site:
            prev = prev[1:]
        return prev in self._venue_site

    @staticmethod
    def _previous_two(text: str, pos: int) -> str:
        """The two words right before a position, single-spaced, a conjunction on the first
        dropped ("والتي ضربت" -> "التي ضربت"): a `struck_locatives` phrase."""
        m = _PREV_TWO.search(text, max(0, pos - 40), pos)
        if not m:
            return ""
        first = m.group(1)
        if len(first) > 3 and first[0] in "وف":
            first = first[1:]
        return first + " " + m.group(2)


# A word: letters (the venue check walks the few words after a venue word).
_WORD_AT = regex_cache.compile(r"[\p{L}\p{M}]+")

# What may stand before a dateline's place at the start of its line: spaces, dashes, quotes.
_DATELINE_LEAD = " \t-–—|»«\"'*"

# Any run of white space inside a multi-word place name reads as one space.
_SPACES = regex_cache.compile(r"\s+")
# where a sentence of a whole text ends, for PlaceCounts.spread (a line break ends a headline)
_SENTENCE_END = regex_cache.compile(r"[.!?\n\u061f]")


class PlaceCounts(Counter):
    """Place mentions of a text (Gazetteer.counts_and_adjectives), with `spread`: for each place,
    the number of sentences naming it or a place within it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.spread: Counter[str] = Counter()

# The word right before a position (for "في غزة"): letters, then only spaces up to `pos`.
# Searched backwards from `pos` ((?r)): the same match as the forward search, which tried every
# start in the 30 characters before a place (~8x slower per place named; a sentence of figures
# names a place every ~60 bytes).
_PREV_WORD = regex_cache.compile(r"(?r)([\p{L}]+)\s*$")
_NEXT_WORD = regex_cache.compile(r"[ \t]+([\p{L}]+)")
_SITE_LINKS = frozenset(normalize_word(w) for w in ("على", "في"))  # "هجوم على مستشفى"
_PREV_TWO = regex_cache.compile(r"(?r)([\p{L}]+)\s+([\p{L}]+)\s*$")


def _marker_regex(phrases: list[str]) -> str:
    """Marker phrases as one alternation of normalised words ("…": any one word)."""
    alts = []
    for p in sorted(phrases, key=len, reverse=True):
        words = [r"[^\W\d_]+" if w == "…" else re.escape(normalize_word(w)) for w in p.split()]
        alts.append(r"\s+".join(words))
    return "|".join(alts)


def _one_unit_pattern(rules: ScopeRules) -> re.Pattern | None:
    """A unit of time alone after a marker (group 1 the unit; rules/scope.yaml one_unit_*): not
    before a definite word or a number word's "واحد" (read as a number already), nor, right
    after a bare marker, before a digit (a year)."""
    if not rules.one_unit_nouns or not (rules.one_unit_after or rules.one_unit_after_event
                                        or (rules.one_unit_after_since and rules.one_unit_since_next)):
        return None
    units = "|".join(re.escape(normalize_word(u)) for u in sorted(rules.one_unit_nouns, key=len, reverse=True))
    ways = []
    if rules.one_unit_after_since and rules.one_unit_since_next:
        # "بعد أسبوع من الهجوم": the unit, then a word of its starting point
        after = "|".join(re.escape(normalize_word(u)) for u in sorted(
            rules.one_unit_after_nouns or rules.one_unit_nouns, key=len, reverse=True))
        ways.append(r"(?:" + _marker_regex(rules.one_unit_after_since) + r")\s+(" + after + r")(?![^\W\d_])(?=\s+(?:"
                    + _marker_regex(rules.one_unit_since_next) + r")(?![^\W\d_]))")
    if rules.one_unit_after:
        after = "|".join(re.escape(normalize_word(u)) for u in sorted(
            rules.one_unit_after_nouns or rules.one_unit_nouns, key=len, reverse=True))
        # not before a digit: "بعد عام 2010" names a year
        ways.append(r"(?:" + _marker_regex(rules.one_unit_after) + r")\s+(" + after + r")(?![^\W\d_])(?!\s+\d)")
    if rules.one_unit_after_event:
        # a digit after "قبل الهدنة بأسبوع" is the clause's own figure ("… بأسبوع 36 جنديا")
        ways.append(r"(?:" + _marker_regex(rules.one_unit_after_event) + r")\s+ب(" + units + r")(?![^\W\d_])")
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(ways) + r")(?!\s+(?:ال|واحد))")


def _one_length_pattern(rules: ScopeRules) -> re.Pattern | None:
    """A unit of time alone after a marker of length or a hedge (group 1 the unit: "لمدة أسبوع",
    "نحو شهر"), not before a definite word, "واحد" or a digit; or before "whole" (group 2:
    "أسبوعا كاملا"); or before a noun of what fills it (group 3: "يوم حداد"); rules/scope.yaml
    one_unit_length*, one_unit_of."""
    if not rules.one_unit_length_nouns or not (rules.one_unit_lengths or rules.one_unit_whole or rules.one_unit_of):
        return None
    units = "|".join(re.escape(normalize_word(u)) for u in sorted(rules.one_unit_length_nouns, key=len, reverse=True))
    ways = []
    if rules.one_unit_lengths:
        ways.append(r"(?:" + _marker_regex(rules.one_unit_lengths) + r")\s+(" + units
                    + r")(?![^\W\d_])(?!\s+(?:ال|واحد|\d))")
    if rules.one_unit_whole:
        ways.append(r"(" + units + r")(?=\s+(?:" + _marker_regex(rules.one_unit_whole) + r")(?![^\W\d_]))")
    if rules.one_unit_of:
        # "يوم حداد وطني": the unit right before the noun of what fills it (group 2 too)
        ways.append(r"(" + units + r")(?=\s+(?:" + _marker_regex(rules.one_unit_of) + r")(?![^\W\d_]))")
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(ways) + r")")


def _one_person_pattern(rules: ScopeRules) -> re.Pattern | None:
    """A singular person noun alone right after a noun of death (group 1 the noun; rules/scope.yaml
    one_person_*): not before "واحد"/"آخر" (read as a number, or another one) nor a definite word."""
    if not rules.one_person_after or not rules.one_person_nouns:
        return None
    nouns = "|".join(re.escape(normalize_word(u)) for u in sorted(rules.one_person_nouns, key=len, reverse=True))
    stops = ["ال", "واحد", "اخر"] + [normalize_word(w) for w in rules.one_person_not_before]
    # a death from wounds is told as the toll's step with the person's origin or age between
    # ("توفي رجل تركي متأثرا بجروحه"): the not_before words stop it one word later too
    later = [normalize_word(w) for w in rules.one_person_not_before]
    later_stop = (r"(?!\s+[^\W\d_]+\s+(?:" + "|".join(re.escape(w) for w in later) + r")(?![^\W\d_]))") if later else ""
    after = (r"(?:" + _marker_regex(rules.one_person_after) + r")\s+(" + nouns
             + r")(?![^\W\d_])(?!\s+(?:" + "|".join(re.escape(w) for w in stops) + r"))" + later_stop)
    if rules.one_person_subject_of and rules.one_person_subject_ends:
        # "لقي شخص مصرعه": the verb before the noun, the death its object right after it (the
        # noun is group 2; not a death from wounds: "لقي رجل مصرعه متأثرا بجروحه")
        wounds = (r"(?!\s+(?:" + "|".join(re.escape(w) for w in later) + r")(?![^\W\d_]))") if later else ""
        after += (r"|(?:" + _marker_regex(rules.one_person_subject_of) + r")\s+(" + nouns + r")(?=\s+(?:"
                  + _marker_regex(rules.one_person_subject_ends) + r")(?![^\W\d_])" + wounds + r")")
    after += _one_person_reported(rules, later)
    return re.compile(r"(?<![^\W\d_])[وب]?(?:" + after + r")")


def _one_person_reported(rules: ScopeRules, later: list[str]) -> str:
    """The way of a reported clause (group 3, its verb group 4): "إن مدنيا قتل", "أن جنديا من قوات الحفظ قتل" - a
    marker, an accusative person noun, a few words without punctuation, a verb of killing
    (rules/scope.yaml one_person_reported_*); "" when the rules give none."""
    if not (rules.one_person_reported_after and rules.one_person_reported_nouns and rules.one_person_reported_verbs):
        return ""
    nouns = "|".join(re.escape(normalize_word(u)) for u in sorted(rules.one_person_reported_nouns, key=len, reverse=True))
    wounds = (r"(?!\s+(?:" + "|".join(re.escape(w) for w in later) + r")(?![^\W\d_]))") if later else ""
    gap = r"(?:\s+[^\s،,.:؛;!?\"«»()]+){0," + str(max(0, rules.one_person_reported_gap)) + r"}?"
    return (r"|(?:" + _marker_regex(rules.one_person_reported_after) + r")\s+(" + nouns + r")(?![^\W\d_])(?="
            + gap + r"\s+(" + _marker_regex(rules.one_person_reported_verbs) + r")(?![^\W\d_])" + wounds + r")")


class ScopeLexicon:
    def __init__(self, rules: ScopeRules) -> None:
        self.rules = plain_of(rules)  # (its fields read as plain attributes: crosscheck.util.plain)
        self.person = PhraseSet.of(rules.person_nouns)
        self.person_words = frozenset(normalize_word(w) for w in rules.person_nouns if " " not in w.strip())
        self.people_markers = frozenset(normalize_word(w) for w in rules.people_subset_markers)
        self.status_part_of = {k: frozenset(v) for k, v in rules.status_part_of.items()}
        self.day_after = PhraseSet.of(rules.day_after_figure)
        self.day_after_first = frozenset(normalize_word(p.split()[0]) for p in rules.day_after_figure)
        self.dated_day_words = frozenset(normalize_word(w) for w in rules.dated_day_words)
        self.dated_day_months = frozenset(normalize_word(w) for w in rules.dated_day_months)
        self.function_words = frozenset(normalize_word(w) for w in rules.function_words)
        self.means_nouns = frozenset(normalize_word(w) for w in rules.means_nouns)
        self.next_item_after_waw = tuple(normalize_word(w) for w in rules.next_item_after_waw)
        self.counted_areas = frozenset(normalize_word(w) for w in rules.counted_areas)
        self.restated_total_not_after = frozenset(normalize_word(w) for w in rules.restated_total_not_after)
        self.figure_closers = frozenset(rules.figure_closers)
        self.rank_followers = frozenset(normalize_word(w) for w in rules.rank_followers)
        self.toll_origin_words = frozenset(normalize_word(w) for w in rules.toll_origin_words)
        self.earlier_value_places = frozenset(normalize_word(w) for w in rules.earlier_value_places)
        self.restatement_openers = frozenset(normalize_word(w) for w in rules.restatement_openers)
        self.restatement_nouns = frozenset(normalize_word(w) for w in rules.restatement_nouns)
        self.restated_nouns = frozenset(normalize_word(w) for w in rules.restated_nouns)
        self.restatement_cues = {k: frozenset(normalize_word(w) for w in v) for k, v in rules.restatement_cues.items()}
        self.spent_cues = {k: frozenset(normalize_word(w) for w in v) for k, v in rules.spent_cues.items()}
        self.spent_units = frozenset(normalize_word(w) for w in rules.spent_units)
        self.spent_counted_units = frozenset(normalize_word(w) for w in rules.spent_counted_units)
        self.spent_fillers = frozenset(normalize_word(w) for w in rules.spent_fillers)
        self.spent_numbers = frozenset(normalize_word(w) for w in rules.spent_numbers)
        self.spent_places = frozenset(normalize_word(w) for w in rules.spent_places)
        self.spent_place_words = rules.spent_place_words
        self.next_subject_verbs = tuple(normalize_word(w) for w in rules.next_subject_verbs)
        self.reach_subject_verbs = frozenset(normalize_word(w) for w in rules.reach_subject_verbs)
        self.reach_subject_nouns = {normalize_word(w): k for k, ws in rules.reach_subject_nouns.items() for w in ws}
        self.reach_subject_tolls = {normalize_word(w): k for w, k in rules.reach_subject_tolls.items()}
        self.reach_subject_relatives = frozenset(normalize_word(w) for w in rules.reach_subject_relatives)
        self.reach_subject_between = frozenset(normalize_word(w) for w in rules.reach_subject_between)
        self.reach_subject_window = rules.reach_subject_window
        self.state_after_kinds = tuple(rules.state_after_kinds)
        self.state_after_relatives = frozenset(normalize_word(w) for w in rules.state_after_relatives)
        self.state_after_window = rules.state_after_window
        self.state_after_releases = frozenset(rules.state_after_releases)
        self.state_after_undone = frozenset(normalize_word(w) for w in rules.state_after_undone)
        self.state_after_undone_words = rules.state_after_undone_words
        self.groups = PhraseSet(
            Phrase.parse(n, g) for g, nouns in rules.groups.items() for n in nouns
        )
        # a cue that only counts before its figure carries the period with a trailing "<"
        before_only = {normalize_word(w) for w in rules.period_before_only}
        self.periods = PhraseSet(
            Phrase.parse(c, p + ("<" if normalize_word(c) in before_only else ""))
            for p, cues in rules.periods.items() for c in cues
        )
        self.period_barriers = frozenset(normalize_word(w) for w in rules.period_barriers if " " not in w.strip())
        self.period_barriers_after = self.period_barriers | frozenset(
            normalize_word(w) for w in rules.period_barriers_after if " " not in w.strip())
        # barriers of two or more words ("في حين"): first word -> the words that must follow it
        self.barrier_phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.barrier_phrases_after: dict[str, tuple[tuple[str, ...], ...]] = {}
        for words, into in ((rules.period_barriers, (self.barrier_phrases, self.barrier_phrases_after)),
                            (rules.period_barriers_after, (self.barrier_phrases_after,))):
            for w in words:
                parts = tuple(normalize_word(x) for x in w.split())
                if len(parts) > 1:
                    for d in into:
                        d[parts[0]] = d.get(parts[0], ()) + (parts[1:],)
        self.statement_openers = frozenset(normalize_word(w) for w in rules.statement_openers)
        self.total_subjects = frozenset(normalize_word(w) for w in rules.total_subject_nouns)
        self.attribution = PhraseSet.of(rules.attribution)
        self.according_to = PhraseSet.of(rules.according_to)
        self.attribution_stop = frozenset(normalize_word(w) for w in rules.attribution_stop)
        self.subset_markers = PhraseSet.of(rules.subset_markers)
        self.breakdown_openers = PhraseSet.of(rules.breakdown_openers)
        self.member_of_after = PhraseSet.of(rules.member_of_after)
        self.group_after_nouns = frozenset(normalize_word(w) for w in rules.group_after_nouns)
        self.one_unit_pattern = _one_unit_pattern(rules)
        self.one_person_pattern = _one_person_pattern(rules)
        self.list_end_numbers = frozenset(normalize_word(w) for w in rules.list_end_numbers)
        self.list_end_stops = frozenset(normalize_word(w) for w in rules.list_end_stops)
        self.one_length_pattern = _one_length_pattern(rules)
        self.one_after_adjectives = frozenset(normalize_word(w) for w in rules.one_after_adjectives)
        self.one_of_pattern = (
            re.compile(r"(?<![^\W\d_])[وف]?(" + "|".join(re.escape(normalize_word(w)) for w in rules.one_of_words)
                       + r")\s+(?=ال[^\W\d_]{3,})")
            if rules.one_of_words else None
        )
        self.subset_after = PhraseSet.of(["منهم", "منهن", "منها"])
        self.subset_escapes = PhraseSet.of(rules.subset_escapes)
        # (rule id, words ending right before the figure, words starting right after it)
        self.subset_verbs = tuple(
            (rid, PhraseSet.of([b]) if b else None, PhraseSet.of([f]) if f else None)
            for rid, pats in rules.subset_verbs.items()
            for b, f in (tuple(w.strip() for w in pat.split("#")) for pat in pats)
        )
        self.in_care_still = PhraseSet.of(rules.in_care_still)
        self.own_nationals_words = frozenset(normalize_word(w) for w in rules.own_nationals_words)
        self.nationals_side_words = frozenset(normalize_word(w) for w in rules.nationals_side_words)
        self.in_care_words = PhraseSet.of(rules.in_care_words)
        self.shelter_words = PhraseSet.of(rules.shelter_words)
        self.country_words = PhraseSet.of(rules.country_words)
        self.subject_count = frozenset(normalize_word(w) for w in rules.subject_count_words)
        self.subject_links = PhraseSet.of(rules.subject_links)
        self.earlier_account = PhraseSet.of(rules.earlier_account_markers)
        self.additive = PhraseSet.of(rules.additive_markers)
        self.among_wholes = PhraseSet.of(rules.among_wholes)
        self.place_breakdown = PhraseSet.of(rules.place_breakdown_openers)
        self.combined_after = PhraseSet.of(rules.combined_after)
        self.later_value = PhraseSet.of(rules.later_value_markers)
        self.earlier_value = PhraseSet.of(rules.earlier_value_markers)
        self.earlier_toll = PhraseSet.of(rules.earlier_toll_markers)
        self.earlier_value_openers = PhraseSet.of(rules.earlier_value_openers)
        self.earlier_value_when = PhraseSet.of(rules.earlier_value_when)
        self.earlier_value_nouns = frozenset(normalize_word(w) for w in rules.earlier_value_nouns)
        self.earlier_value_reach = rules.earlier_value_reach
        self.earlier_value_asides = PhraseSet.of(rules.earlier_value_asides)
        self.contrast_openers = PhraseSet.of(rules.contrast_openers)
        self.complement_openers = frozenset(normalize_word(w) for w in rules.complement_openers)
        self.toll_anaphors = {normalize_word(w): k for w, k in rules.toll_anaphors.items()}
        self.captive_anaphors = {normalize_word(w): frozenset(k) for w, k in rules.captive_anaphors.items()}
        self.captive_copulas = frozenset(normalize_word(w) for w in rules.captive_copulas)
        self.captive_held_after = frozenset(" ".join(normalize_word(x) for x in w.split()) for w in rules.captive_held_after)
        self.captive_freed_after = frozenset(" ".join(normalize_word(x) for x in w.split()) for w in rules.captive_freed_after)
        self.captive_held_rule = tuple(rules.captive_held_rule) if rules.captive_held_rule else None
        self.captive_kinds = frozenset(k for ks in rules.captive_anaphors.values() for k in ks)
        self.toll_anaphor_kinds = frozenset(rules.toll_anaphor_kinds)
        self.toll_anaphor_copulas = frozenset(normalize_word(w) for w in rules.toll_anaphor_copulas)
        self.toll_anaphor_pronouns = frozenset(normalize_word(w) for w in rules.toll_anaphor_pronouns)
        self.toll_anaphor_reach = rules.toll_anaphor_reach
        self.toll_restated_default = rules.toll_restated_default
        self.duals = {normalize_word(k): normalize_word(v) for k, v in rules.duals.items()}
        single = sorted((k for k in self.duals if " " not in k), key=len, reverse=True)
        # A dual noun as a whole word, optionally with clitics (و ف ب ل ك ال); stdlib re is fast.
        self.dual_pattern = re.compile(
            r"(?<![^\W\d_])(?:[وف]?[بلك]?(?:ال)?)(" + longest_of(single) + r")(?![^\W\d_])"
        )
        # "في البلدين": a definite dual right after one of these words is no count
        self.dual_not_after = (
            re.compile(r"(?<![^\W\d_])(?:" + longest_of(sorted(map(normalize_word, rules.duals_not_after), key=len, reverse=True))
                       + r")\s+$")
            if rules.duals_not_after else None
        )
        self.not_before = PhraseSet.of(rules.not_counts_before)
        self.not_before_unless = frozenset(normalize_word(w) for w in rules.not_counts_unless_after)
        self.counts_before = PhraseSet.of(rules.counts_before)
        self.still_held_after = PhraseSet.of(rules.still_held_after)
        self.still_held_kinds = frozenset(rules.still_held_kinds)
        self.one_counts_after = frozenset(normalize_word(w) for w in rules.one_counts_after)
        self.pluperfect_openers = frozenset(normalize_word(w) for w in rules.pluperfect_openers)
        self.pluperfect_particles = frozenset(normalize_word(w) for w in rules.pluperfect_particles)
        self.pluperfect_reach = rules.pluperfect_reach
        self.place_contrast_joiners = frozenset(normalize_word(w) for w in rules.place_contrast_joiners)
        self.correction_joiners = frozenset(normalize_word(w) for w in rules.correction_joiners)
        self.margins = PhraseSet.of(rules.margins_before)
        self.margins_unless_after = frozenset(normalize_word(w) for w in rules.margins_unless_after)
        self.margins_counted_nouns = frozenset(normalize_word(w) for w in rules.margins_counted_nouns)
        self.margins_counted_words = frozenset(normalize_word(w) for w in rules.margins_counted_words)
        self.identifier_nouns = PhraseSet.of(rules.identifier_nouns)
        self.totals_of = PhraseSet.of(rules.totals_of)
        self.partitive_wholes = PhraseSet.of(rules.partitive_wholes)
        self.case_totals = PhraseSet.of(rules.case_totals_before)
        self.case_nouns = PhraseSet.of(rules.case_nouns)
        self.case_died_after = PhraseSet.of(rules.case_died_after)
        self.case_nouns_unless = frozenset(normalize_word(w) for w in rules.case_nouns_unless)
        self.asides = PhraseSet.of(rules.asides)
        self.cue_asides = PhraseSet.of(rules.cue_asides)
        self.cue_aside_max = rules.cue_aside_max
        self.cue_time_asides = PhraseSet.of(rules.cue_time_asides)
        self.change_verbs = PhraseSet.of(rules.change_verbs)
        self.not_after = PhraseSet.of(rules.not_counts_after)
        self.counts_after = PhraseSet.of(rules.counts_after)
        self.vague_parts_after = PhraseSet.of(rules.vague_parts_after)
        self.vague_not_counts = PhraseSet.of(rules.vague_not_counts)
        self.construct_heads = PhraseSet.of(rules.construct_heads)
        self.plural_units = frozenset(normalize_word(w) for w in rules.plural_units)
        self.construct_event_plurals = frozenset(normalize_word(w) for w in rules.construct_event_plurals)
        self.construct_reads = {normalize_word(k): normalize_word(v) for k, v in rules.construct_heads.items()}
        self.requirement = PhraseSet.of(rules.requirement_before)
        self.requirement_window = rules.requirement_window
        self.requirement_unless = PhraseSet.of(rules.requirement_unless_after)
        self.draft = PhraseSet.of(rules.draft)
        self.sponsor = PhraseSet.of(rules.sponsor)
        self.resolution = PhraseSet.of(rules.resolution)
        self.vote_start = PhraseSet.any_starts_here([self.resolution, self.sponsor, self.draft])
        self.attribution_start = PhraseSet.any_starts_here([self.according_to, self.attribution])


@per_object
def gazetteer_for(rules: GazetteerRules) -> Gazetteer:
    return Gazetteer(rules)


@per_object
def scope_for(rules: ScopeRules) -> ScopeLexicon:
    return ScopeLexicon(rules)


# --------------------------------------------------------------------------- locations


def usable(m: Mention) -> bool:
    """Adjectives never locate a claim; a country only with a locative word before it."""
    if m.adjective:
        return False
    return m.place.type != "country" or m.located


def _gap(m: Mention, at: int, end: int) -> int:
    """Characters between a place mention and the claim [at, end): a place after the claim is
    measured from the claim's end ("24 في حمص و58 في حلب": Aleppo is 58's place)."""
    if m.start >= end:
        return m.start - end
    return max(0, at - m.end)


def _rank(gaz: Gazetteer, cands: Sequence[Mention], at: int, end: int, figures=None) -> Mention:
    """The place of a claim among the usable mentions near it.

    The nearest wins, except that a sub-area (Rafah) within `child_window` words is preferred to
    its parent (Gaza): "رفح، حيث يتجمع أكثر من مليون شخص داخل غزة" is Rafah's.  A place right
    after the claim (within `own_place_window` words) is its own and wins over a nearer one
    before it: "24 في حمص و58 في حلب" is Aleppo's 58.  A sub-area that is another figure's own
    place (`figures(lo, hi)`: does an earlier claim of the sentence start in [lo, hi), normalised
    offsets - one starts just before the place) draws no other figure: "قتل 50 شخصا في مدينة كراتشي جراء الفيضانات التي أودت بحياة 400 شخص
    في باكستان" - 400 is the country's.
    """
    # (each mention's gap computed once; sorted by it, a stable sort as sorted(key=_gap) is)
    ranked = sorted([(_gap(m, at, end), k, m) for k, m in enumerate(cands)])
    reach = gaz.rules.own_place_window * 7
    best = next((m for _g, _k, m in ranked if end <= m.start <= end + reach), None)
    if best is None:
        best = ranked[0][2]
    window = gaz.rules.child_window * 7  # words -> characters, roughly
    for g, _k, m in ranked:
        if g > window:
            break  # (in order of gap: none further on is within the window)
        if m is not best and gaz.is_within(m.place.id, best.place.id) and not (
            # a figure, its counted noun and a locative before the place
            figures is not None and m.start < at and figures(m.start - reach - 14, m.start)
        ):
            best = m
    return best


def pick_location(
    gaz: Gazetteer, mentions: Sequence[Mention], starts: Sequence[int], lo: int, hi: int, at: int,
    end: int | None = None, figures=None,
) -> tuple[str | None, bool]:
    """Location of a claim at normalised offsets [at, end) (end: where its counted noun ends;
    default `at`; `figures`: see _rank); [lo, hi) is the sentence up to the end of the claim's clause (a place in a
    later clause, "…، مع تركيز المفاوضات على السجناء المحتجزين داخل إسرائيل", is about
    something else).

    Returns (place id, ambiguous).  The nearest usable mention wins (see _rank).
    """
    end = at if end is None else max(at, end)
    i, j = bisect_left(starts, lo), bisect_right(starts, hi - 1)
    cands = [m for m in mentions[i:j] if usable(m)]
    if not cands:
        return None, False
    best = _rank(gaz, cands, at, end, figures)
    ids = {m.place.id for m in cands}
    # Ambiguous when two unrelated places compete in the sentence.
    related = all(
        x == best.place.id or gaz.is_within(best.place.id, x) or gaz.is_within(x, best.place.id) for x in ids
    )
    return best.place.id, not related


class LocationIndex:
    """pick_location's answers for the claims of one sentence, from its usable mentions found
    once: a claim compares the mentions near it, not every mention of the sentence."""

    def __init__(self, gaz: Gazetteer, mentions: Sequence[Mention]) -> None:
        self.gaz = gaz
        self.usable = [m for m in mentions if usable(m)]
        self.starts = [m.start for m in self.usable]
        # every place named (no adjective), a country with no locative word too: an item's label
        self.named = [m for m in mentions if not m.adjective]
        self.named_starts = [m.start for m in self.named]
        # the distinct places of usable[:j], in order of first mention: order[:distinct[j]]
        self.order: list[str] = []
        self.distinct = [0]
        seen: set[str] = set()
        for m in self.usable:
            if m.place.id not in seen:
                seen.add(m.place.id)
                self.order.append(m.place.id)
            self.distinct.append(len(self.order))
        self._related: dict[tuple[int, str], bool] = {}

    def pick(self, lo: int, hi: int, at: int, end: int | None = None, figures=None
             ) -> tuple[str | None, bool]:
        """pick_location(gaz, mentions, starts, lo, hi, at, end, figures), `lo` being the sentence start."""
        starts = self.starts
        end = at if end is None else max(at, end)
        i, j = bisect_left(starts, lo), bisect_right(starts, hi - 1)
        if i > 0:  # not a prefix of the sentence: the general answer
            return pick_location(self.gaz, self.usable, starts, lo, hi, at, end, figures)
        if i >= j:
            return None, False
        gaz = self.gaz
        window = gaz.rules.child_window * 7  # words -> characters, roughly
        k = bisect_left(starts, at, i, j)
        # the nearest mention, and every mention within the window, as pick_location ranks them
        a = k - 1 if k > i else k  # the nearest before, then every one within the window
        while a > i and at - starts[a - 1] <= window:
            a -= 1
        b = k + 1 if k < j else k  # the nearest after, then every one within the window
        while b < j and starts[b] - end <= window:
            b += 1
        best = _rank(gaz, self.usable[a:b], at, end, figures)
        key = (self.distinct[j], best.place.id)
        related = self._related.get(key)
        if related is None:
            related = self._related[key] = all(
                x == best.place.id or gaz.is_within(best.place.id, x) or gaz.is_within(x, best.place.id)
                for x in self.order[: self.distinct[j]]
            )
        return best.place.id, not related


def document_location(gaz: Gazetteer, counts: Counter[str], adjectives: frozenset[str] | set[str] = frozenset(),
                      filed_from: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The place an article is about: most mentioned, a sub-area also counting for its parent.

    When every mention of a larger place is a mention of the top one (Sindh named, Pakistan
    only as its parent) and the article names that larger place by its adjective ("السلطات
    الباكستانية", "وزارة الداخلية النيبالية": the figures are the nation's), the article is
    about the largest such place: a region (a province, a district) it singles out is a part of
    its story, not all of it.  A city is not overruled so: an event in a city (a blast in Beirut)
    is the city's, whoever counts its dead.

    Two unrelated places named as often ("تركزت الوفيات في منطقة باريس" and "وفي إيطاليا") are
    no safe default, unless one of them is (in) the country the article is filed from (its
    dateline, `filed_from`: "باريس - «القدس العربي»:"): the reporter's own country is the story's."""
    total: Counter[str] = Counter()
    for pid, n in counts.items():
        total[pid] += n
        for parent in gaz.parent_chain(pid):
            total[parent] += n
    if not total:
        return None
    # the place named in most sentences (itself or within it), then by most mentions: an aside
    # listing one country's regions ("وفي بريطانيا قدرت ... في إنكلترا وويلز") is one sentence of
    # that country, not three beside the story's country named in two
    spread: Counter[str] = getattr(counts, "spread", None) or Counter()
    rank = sorted(total, key=lambda p: (spread[p], total[p]), reverse=True)
    top, n = rank[0], total[rank[0]]
    rest = [(p, total[p]) for p in rank[1:]]
    if rest and rest[0][1] == n and spread[rest[0][0]] == spread[top] and not gaz.is_within(rest[0][0], top) and not gaz.is_within(top, rest[0][0]):
        tied = [p for p, m in total.items() if m == n and spread[p] == spread[top] and gaz.by_id[p].type == "country"]
        home = [p for p in tied if p in filed_from]
        if len(home) != 1:
            return None  # two unrelated places tie: no safe default
        top = home[0]
    if gaz.by_id[top].type in ("region", "area"):  # a city hosts its own event (a blast in Beirut)
        for parent in reversed(gaz.parent_chain(top)):
            if total[parent] == n and parent in adjectives:
                return parent
    return top


# --------------------------------------------------------------------------- group, period


def group_of(lex: ScopeLexicon, tokens: Sequence[Token], noun_at: int) -> str | None:
    """Group named by the counted noun or by "من <group>" right after it."""
    if noun_at >= len(tokens) or tokens[noun_at].brk_before:
        return None
    hit = lex.groups.at(tokens, noun_at)
    if hit:
        return str(hit[0].payload)
    k = noun_at + 1
    if k < len(tokens) and not tokens[k].brk_before and not tokens[noun_at].forms.isdisjoint(lex.group_after_nouns):
        hit = lex.groups.at(tokens, k)  # "94 قتيلا مدنيا": the adjective after the casualty noun
        if hit and not tokens[k].text.startswith("و"):  # ("208 قتلى والجيش يعبر": a new clause)
            return str(hit[0].payload)
    if lex.subject_count and not tokens[noun_at].forms.isdisjoint(lex.subject_count):
        # the subject right after the figure ("يرتفع إلى 35 عدد الجنود الذين قتلوا"): as before it
        return _group_after_count(lex, tokens, noun_at + 1, min(len(tokens), noun_at + 1 + lex.rules.subject_window))
    # "30 ألفا من الأطفال", "شهيد من الأطفال"
    for k in (noun_at, noun_at + 1):
        if k < len(tokens) and not tokens[k].brk_before and "من" in tokens[k].forms:
            nxt = lex.groups.at(tokens, k + 1)
            if nxt and not tokens[k + 1].brk_before:
                return str(nxt[0].payload)
    return None


def subject_group(lex: ScopeLexicon, tokens: Sequence[Token], left: int) -> str | None:
    """Group named in the subject before the figure at token `left`: "عدد" (`subject_count_words`)
    at most `subject_window` words before it, in its clause (no comma, figure or clause opener of
    `period_barriers` between), then a group noun ("عدد الأطفال الذين قتلوا 310"), or one noun
    of the kind and a group noun, maybe after a link ("عدد قتلى رجال الإطفاء", "عدد القتلى
    المدنيين", "عدد القتلى في صفوف المدنيين").  Two groups joined ("المدنيين والعسكريين") name
    none.  Bounded: reads at most the window's words."""
    if not lex.subject_count:
        return None
    k, floor = left - 1, max(0, left - lex.rules.subject_window)
    while k >= floor:
        t = tokens[k]
        if t.is_digit() or t.text in lex.period_barriers:
            return None
        if t.forms & lex.subject_count:
            return _group_after_count(lex, tokens, k + 1, left)
        if t.brk_before:
            return None
        k -= 1
    return None


def _group_after_count(lex: ScopeLexicon, tokens: Sequence[Token], j: int, left: int) -> str | None:
    if j >= left or tokens[j].brk_before:
        return None
    hit = lex.groups.at(tokens, j, left)
    if hit is None and tokens[j].text not in lex.function_words and j + 1 < left and not tokens[j + 1].brk_before:
        at = j + 1  # one noun of the kind ("قتلى", "القتلى", "ضحايا"), then the group
        link = lex.subject_links.at(tokens, at, left)
        if link is not None and not any(tokens[x].brk_before for x in range(at, link[1] + 1) if x < left):
            at = link[1]
        hit = lex.groups.at(tokens, at, left) if at < left and not tokens[at].brk_before else None
    if hit is None:
        return None
    end = hit[1]
    if end < left and not tokens[end].brk_before and lex.groups.at(tokens, end, left) is not None:
        return None  # "عدد القتلى المدنيين والعسكريين": both groups, the whole toll
    return str(hit[0].payload)


_PERIOD_ORDER = ("last_24h", "event", "cumulative")


def period_of(lex: ScopeLexicon, tokens: Sequence[Token], lo: int, hi: int, info=None,
              event_clause: tuple[frozenset[str], int, frozenset[str]] | None = None,
              day_cues: bool = True) -> str | None:
    """Period cue nearest the claim: anywhere before it in its sentence ("خلال الـ24 ساعة
    الماضية ارتكب الاحتلال 4 مجازر … 36 شهيدا") or up to 10 words after it.  The nearest cue
    wins, so a total "منذ السابع من أكتوبر" keeps its period beside a daily figure; at equal
    distance the more specific period wins.

    `info` (crosscheck.extract.context.TokenInfo of `tokens`) keeps the sentence's period cues,
    found once; only the cues nearest the claim are then compared.

    `day_cues` False: a cue naming a day ("أمس", `period_before_only`) is no window at all - it
    dates a release or a count held, told by other outlets with the day's name alone.

    `event_clause` (rules/dates.yaml `event_clause_words`, `event_clause_max_words`,
    `event_clause_units`): a day cue
    inside a relative clause about the event ("الاشتباكات التي شهدتها المدينة أمس أسفرت عن 30
    قتيلا") dates the event, not the figure's window."""
    periods = lex.periods
    if info is not None and not info.may_hold(periods):
        return None  # no period cue can stand in the sentence
    hits = info.get("periods", lambda: _period_hits(periods, tokens, info)) if info is not None else _period_hits(periods, tokens)
    if not hits:
        return None  # no period cue in the sentence (nor its barriers to look up)
    starts = [h[0] for h in hits] if info is None else info.get("period_starts", lambda: [h[0] for h in hits])
    # before the claim: the cue ending nearest lo ends among the last max_span starts before lo
    k = bisect_left(starts, lo)
    first = bisect_left(starts, (starts[k - 1] if k else lo) - periods.max_span) if k else k
    cands = hits[first:k]
    # after it: starts in [hi, hi + 10), not past a barrier opening a new reported clause
    # ("بلغ عدد المصابين 6082، وأن 57 توفوا خلال الـ24 ساعة الماضية": the window is the next
    # clause's figure's)
    end = next_barrier(lex, tokens, hi, info)
    cands += hits[bisect_left(starts, hi) : bisect_left(starts, min(hi + 10, end))]
    best: tuple[int, int, str] | None = None
    wall = last_barrier(lex, tokens, lo, info)
    for i, end, period in cands:
        if lo <= i < hi or i >= len(tokens):
            continue
        if period.endswith("<"):
            if not day_cues:
                continue
            if i >= hi and i >= _clause_end(tokens, hi, info):
                continue  # a day named in a later clause dates something else ("، بعد أن أعلنت أمس 530")
            if i >= hi and _toll_subject(lex, tokens, lo, wall):
                continue  # "وكانت الحصيلة قد بلغت 1491 مساء أمس": the day dates the total
            if _running_total(lex, tokens, lo, wall, info):
                continue  # "ارتفعت حصيلة الزلزال الذي ضرب أمس إلى 415": the day dates the total
            if i < lo and _opener_between(lex, tokens, end, lo, info):
                continue  # "أعلن الوزير، مساء أمس، أن عدد القتلى بلغ 264": the day dates the statement
            if i < lo and event_clause is not None and _in_event_clause(tokens, i, *event_clause):
                continue  # "الانفجار الذي هز المرفأ أمس أوقع 40 قتيلا": the day is the event's
            period = period[:-1]
        if i < lo and end <= wall:
            continue  # a cue of an earlier reported clause ("…، وأن …")
        if i >= hi and _in_part_clause(lex, tokens, hi, i):
            continue  # "852 توفوا في الولاية، بينهم 186 خلال الساعات الـ24": the window is the part's
        dist = lo - end if i < lo else i - hi
        key = (max(dist, 0), _PERIOD_ORDER.index(period), period)
        if best is None or key < best:
            best = key
    return best[2] if best else None


_TO = normalize_word("إلى")
_THAT = frozenset({normalize_word("أن"), normalize_word("إن")})


def _in_event_clause(tokens: Sequence[Token], i: int, words: frozenset[str], max_words: int,
                     units: frozenset[str] = frozenset()) -> bool:
    """Token `i` stands in a relative clause about the event: a clause word (الذي, التي …) at
    most `max_words` words before it, with no comma, figure or "أن/إن" (a report of its own)
    between; a magnitude with its unit ("7.8 درجات", `units`) is one word, no figure (as
    crosscheck.text.dates reads a day there)."""
    k, read = i - 1, 0
    while k >= 0 and read <= max_words:
        if tokens[k + 1].brk_before:
            return False
        if k >= 1 and tokens[k].text in units and tokens[k - 1].is_digit() and not tokens[k].brk_before:
            k, read = k - 2, read + 1  # "بلغت قوته 7.8 درجات": the magnitude and its unit
            continue
        if tokens[k].is_digit() or tokens[k].text in _THAT:
            return False
        if tokens[k].text in words:
            return True
        k, read = k - 1, read + 1
    return False


def _in_part_clause(lex: ScopeLexicon, tokens: Sequence[Token], hi: int, i: int) -> bool:
    """The cue at token `i` (after the figure ending at `hi`) stands in a later clause opened
    after a comma by a part's marker (rules/scope.yaml `subset_markers`: "، بينهم 186 خلال
    ..."): it is the part's window.  A cue past that clause ("57، بينهم 12 طفلا، خلال الـ24
    ساعة") is the whole's again.  Reads the words between the figure and the cue."""
    k = i
    while k > hi:
        if tokens[k].brk_before:
            return lex.subset_markers.at(tokens, k) is not None
        k -= 1
    return False


def _clause_end(tokens: Sequence[Token], hi: int, info=None) -> int:
    """The index of the first token at or after `hi` that opens a new clause (after a comma)."""
    if info is not None:
        return info.clause_end(hi)
    end = hi
    while end < len(tokens) and not tokens[end].brk_before:
        end += 1
    return end


_TOLL_SUBJECT_REACH = 6  # words between a toll noun and its figure ("بلغت حصيلة قتلى الزلزال المدمر 40")


def _toll_subject(lex: ScopeLexicon, tokens: Sequence[Token], lo: int, wall: int) -> bool:
    """A toll noun (rules/scope.yaml `total_subject_nouns`) stands at most `_TOLL_SUBJECT_REACH`
    words before the figure at token `lo`, in its clause and reported clause (after `wall`)."""
    if not lex.total_subjects:
        return False
    k = lo - 1
    while k > wall and k >= lo - _TOLL_SUBJECT_REACH:
        if tokens[k].forms & lex.total_subjects:
            return True
        if tokens[k].brk_before:
            return False
        k -= 1
    return False


def _running_total(lex: ScopeLexicon, tokens: Sequence[Token], lo: int, wall: int, info=None) -> bool:
    """The figure at token `lo` is what a total rose or fell TO ("ارتفع عدد القتلى … إلى 415"):
    "إلى" right before it and a change verb earlier in its reported clause (after `wall`)."""
    if lo == 0 or _TO not in tokens[lo - 1].forms:
        return False
    if info is not None:
        verbs = info.get("change_verbs", lambda: [k for k, _p, _e in info.phrase_hits(lex.change_verbs)])
    else:
        verbs = [k for k in range(len(tokens)) if lex.change_verbs.at(tokens, k)]
    k = bisect_left(verbs, lo) - 1
    return k >= 0 and verbs[k] > wall


def barriers(lex: ScopeLexicon, tokens: Sequence[Token], after: bool = False, info=None) -> list[int]:
    """Indexes of the tokens that open a new reported clause after a comma (`period_barriers`;
    with `after`, also `period_barriers_after`: the walls for cues after a figure).  With `info`
    (the tokens' TokenInfo) only the tokens after a break are read."""
    words = lex.period_barriers_after if after else lex.period_barriers
    phrases = lex.barrier_phrases_after if after else lex.barrier_phrases
    if not words and not phrases:
        return []
    at = info.breaks if info is not None else [k for k, t in enumerate(tokens) if t.brk_before]
    return [k for k in at if tokens[k].text in words or _phrase_at(phrases, tokens, k)]


def _phrase_at(phrases: dict, tokens: Sequence[Token], k: int) -> bool:
    """Whether a barrier of several words ("في حين") starts at token k (a few words read)."""
    rests = phrases.get(tokens[k].text)
    if not rests:
        return False
    for rest in rests:
        if k + len(rest) < len(tokens) and all(tokens[k + 1 + i].text == w for i, w in enumerate(rest)):
            return True
    return False


def last_barrier(lex: ScopeLexicon, tokens: Sequence[Token], lo: int, info=None, after: bool = False) -> int:
    """The index of the last barrier at or before token `lo` (-1 if none); with `after`, of
    either list (a reported clause opening with "، مشيرة إلى أن" too)."""
    key = "period_barriers_after" if after else "period_barriers"
    build = lambda: barriers(lex, tokens, after=after, info=info)  # noqa: E731
    walls = info.get(key, build) if info is not None else build()
    k = bisect_right(walls, lo) - 1
    return walls[k] if k >= 0 else -1


def next_barrier(lex: ScopeLexicon, tokens: Sequence[Token], hi: int, info=None) -> int:
    """The index of the first barrier for cues after a figure at or after token `hi`
    (len(tokens) if none)."""
    build = lambda: barriers(lex, tokens, after=True, info=info)  # noqa: E731
    walls = info.get("period_barriers_after", build) if info is not None else build()
    k = bisect_left(walls, hi)
    return walls[k] if k < len(walls) else len(tokens)


def _opener_between(lex: ScopeLexicon, tokens: Sequence[Token], lo: int, hi: int, info=None) -> bool:
    """Whether a word opening a statement's reported clause (`statement_openers`: "أن", "بأن")
    lies in tokens [lo, hi) (the sentence's openers are found once; a bisection per claim)."""
    if not lex.statement_openers:
        return False
    build = lambda: [k for k, t in enumerate(tokens) if t.text in lex.statement_openers]  # noqa: E731
    found = info.get("statement_openers", build) if info is not None else build()
    k = bisect_left(found, lo)
    return k < len(found) and found[k] < hi


def _period_hits(periods: PhraseSet, tokens: Sequence[Token], info=None) -> list[tuple[int, int, str]]:
    """(start, end, period) of the longest period cue at each token where one starts; a cue
    inside a longer one before it is that cue's word, not a cue of its own ("حتى أمس" is a
    bound of the running total, not the window of "أمس").  A claim's window (`info.base` set)
    takes its sentence's look-ups where it copies them (TokenInfo.phrase_hits)."""
    out = []
    reach = 0
    if info is not None and info.base is not None:
        for i, p, end in info.phrase_hits(periods):
            if i >= reach:
                out.append((i, end, str(p.payload)))
                reach = end
        return out
    keys, loose = periods._first_keys, bool(periods._first_loose)
    for i in range(len(tokens)):
        if i < reach or (not loose and tokens[i].forms.isdisjoint(keys)):
            continue  # inside the cue before, or no period cue starts with this word
        hit = periods.at(tokens, i)
        if hit:
            out.append((i, hit[1], str(hit[0].payload)))
            reach = hit[1]
    return out


# --------------------------------------------------------------------------- attribution


def attribution_of(
    lex: ScopeLexicon, tokens: Sequence[Token], lo: int, hi: int, stop: PhraseSet | None = None, info=None
) -> tuple[int, int] | None:
    """Token span [a, b) naming who gives the figure ("وفقًا للسلطات الصحية الفلسطينية").

    "According to" cues (وفقا ل، بحسب) may stand anywhere in the sentence; speech verbs (قال،
    أعلنت) before the claim, in its clause, or opening the next clause.  The nearest wins (the
    one before the claim at equal distance).

    Every cue of the sentence and the source it introduces depend on the sentence only, so they
    are found once (kept in `info`, the TokenInfo of `tokens`, when given); a claim then looks
    at the nearest cue on either side.
    """
    if info is not None and not (info.may_hold(lex.according_to) or info.may_hold(lex.attribution)):
        return None  # no source cue can stand in the sentence
    if info is not None and info.base is not None:
        # a claim's window: the sentence's sources where the window copies it (TokenInfo.where)
        build = lambda: _window_attribution_index(lex, stop, info)  # noqa: E731
    else:
        build = lambda: _attribution_index(lex, tokens, stop)  # noqa: E731
    acc, att = info.get(("attribution", id(stop)), build) if info is not None else build()
    if not acc[0] and not att[0]:
        return None  # no source cue in the sentence (nor its clause bounds to look up)
    if info is not None:
        clause_end = info.clause_end(hi)
    else:
        clause_end = hi
        while clause_end < len(tokens) and not tokens[clause_end].brk_before:
            clause_end += 1
    best = None
    for entries, limit in ((acc, len(tokens)), (att, clause_end)):
        starts = entries[0]
        k = bisect_left(starts, lo)  # the nearest before the claim
        if k:
            i, a, b = entries[1][k - 1]
            key = (lo - i, 0)
            if best is None or key < best[0]:
                best = (key, a, b)
        k = bisect_left(starts, hi)  # the nearest after it
        if k < len(starts) and starts[k] <= limit:
            i, a, b = entries[1][k]
            key = (i - hi, 1)
            if best is None or key < best[0]:
                best = (key, a, b)
    return (best[1], best[2]) if best else None


def _window_attribution_index(lex: ScopeLexicon, stop: PhraseSet | None, info):
    """_attribution_index of a claim's window, from `info.where` (the sentence's entries where
    the window copies it).  An entry at i reads tokens i to (its cue's end) + 3 and the stop
    phrase there: at most the cues' longest span + 3 + the stop phrases' longest span."""
    got = _ATTRIBUTION_FINDERS.get((id(lex), id(stop)))
    if got is None or got[0] is not lex or got[1] is not stop:
        got = _ATTRIBUTION_FINDERS[(id(lex), id(stop))] = (lex, stop, _attribution_finder(lex, stop))
    span = max(lex.according_to.max_span, lex.attribution.max_span) + 4 + (stop.max_span if stop is not None else 0)
    acc: list[tuple[int, int, int]] = []
    att: list[tuple[int, int, int]] = []
    could_start = lex.attribution_start
    keys = None if could_start.loose else could_start.keys  # (the finder finds nothing at another word)
    for i, (into, a, b) in info.where(("attribution", id(lex), id(stop)), span, got[2], None, keys):
        (att if into else acc).append((i, i + a, i + b))
    return ([e[0] for e in acc], acc), ([e[0] for e in att], att)


_ATTRIBUTION_FINDERS: dict = {}


def _attribution_finder(lex: ScopeLexicon, stop: PhraseSet | None):
    """The entry _attribution_index finds at token i, as (0 according-to / 1 speech verb, source
    start - i, source end - i), or None."""
    could_start = lex.attribution_start

    def find(tokens: Sequence[Token], i: int):
        if not could_start.loose and tokens[i].forms.isdisjoint(could_start.keys):
            return None
        hit = lex.according_to.at(tokens, i)
        into = 0
        if not hit:
            hit = lex.attribution.at(tokens, i)
            into = 1
        if not hit:
            return None
        a = hit[1]
        b = _source_end(lex, tokens, a, stop)
        return (into, a - i, b - i) if b > a else None

    return find


def _source_end(lex: ScopeLexicon, tokens: Sequence[Token], a: int, stop: PhraseSet | None) -> int:
    """Where the source a cue introduces at token `a` ends: at most four tokens, up to a break,
    a stop word, a digit, or (past its first word) the event word `stop` finds ("أعلن الجيش
    مقتل …": the source ends where the event word begins)."""
    b = a
    while b < len(tokens) and b - a < 4 and not tokens[b].brk_before:
        if tokens[b].text in lex.attribution_stop or tokens[b].is_digit():
            break
        if stop is not None and b > a and stop.at(tokens, b):
            break
        b += 1
    return b


def _attribution_index(lex: ScopeLexicon, tokens: Sequence[Token], stop: PhraseSet | None):
    """([starts], [(i, a, b)]) of the according-to cues and of the speech verbs of a token list,
    each with the source span [a, b) it introduces (cues introducing nothing are left out).
    A speech verb counts only where no according-to cue starts."""
    could_start = lex.attribution_start
    if could_start.loose:
        candidates: Sequence[int] = range(len(tokens))
    else:  # only words that may open an according-to cue or a speech verb
        keys = could_start.keys
        candidates = [i for i, t in enumerate(tokens) if not t.forms.isdisjoint(keys)]
    acc: list[tuple[int, int, int]] = []
    att: list[tuple[int, int, int]] = []
    for i in candidates:
        hit = lex.according_to.at(tokens, i)  # "وفقًا لـ…" may close the sentence
        into = acc
        if not hit:
            hit = lex.attribution.at(tokens, i)
            into = att
        if not hit:
            continue
        a = hit[1]
        b = _source_end(lex, tokens, a, stop)
        if b > a:
            into.append((i, a, b))
    return ([e[0] for e in acc], acc), ([e[0] for e in att], att)


# --------------------------------------------------------------------------- votes


def sponsor_near(
    lex: ScopeLexicon, gaz: Gazetteer, tokens: Sequence[Token], i: int
) -> str | None:
    """State or group named right after a draft/sponsor phrase at token i ("مشروع قرار أمريكي")."""
    for k in range(i, min(i + 4, len(tokens))):
        if k > i and tokens[k].brk_before:
            break
        # two-word names first ("الولايات المتحدة"), then single words
        candidates = []
        if k + 1 < len(tokens) and not tokens[k + 1].brk_before:
            candidates.extend(bare_forms(tokens[k].text + " " + tokens[k + 1].text))
        candidates.extend(tokens[k].forms)
        for f in candidates:
            hit = gaz.lookup.get(f)
            if hit and _can_sponsor(hit[0]):
                return hit[0].id
    return None


def _can_sponsor(place: Place) -> bool:
    """Only states and groups of states table drafts (not "قرار وقف إطلاق النار في غزة")."""
    return place.type in ("country", "area") and (place.member or bool(place.adjectives))


def vote_events_in(lex: ScopeLexicon, gaz: Gazetteer, tokens: Sequence[Token]) -> list[tuple[int, str]]:
    """(token index, event) for every resolution number or draft sponsor in the tokens."""
    out = []
    loose, keys = lex.vote_start.loose, lex.vote_start.keys
    for i in range(len(tokens)):
        if not loose and tokens[i].forms.isdisjoint(keys):
            continue  # no resolution, sponsor or draft phrase starts here
        hit = lex.resolution.at(tokens, i)
        if hit and hit[1] < len(tokens) and tokens[hit[1]].is_digit() and not tokens[hit[1]].brk_before:
            num = tokens[hit[1]].text
            if num.isdigit() and 2 <= len(num) <= 5:
                out.append((i, f"resolution:{int(num)}"))
                continue
        hit = lex.sponsor.at(tokens, i) or lex.draft.at(tokens, i)
        if hit:
            who = sponsor_near(lex, gaz, tokens, hit[1])
            if who:
                out.append((i, f"draft:{who}"))
    return out
