"""Vote occurrences in one article: which tally figures belong to which vote.

A figure the article states in several places is cut into one claim per place first (a tally
repeated for last year's vote is that vote's too); an occurrence made only of repeated figures,
or a lone repeated figure beside figures of their own, goes back to its first statement, and
the pieces of one occurrence are one claim again (mentions.merge_tallies).  A kind given again
in one sentence after a body or an earlier step ("بعد أن أيده 111 عضوا في اللجنة") starts
another occurrence; what follows an earlier event named after a tally ("بالإجماع بعد فشل
مشروع بريطاني بسبب الفيتو الروسي", `after_event`) is that event's, not the tally's.

The figures for / against / abstaining of an article (in text order) are cut into occurrences:
a new occurrence starts where a figure's kind was already given for the current one (a second
"for" is a second vote) or where a draft, an amendment or a resolution number stands between two
figures - except the first one after figures told before any subject of their sentence, which
is theirs when the next figure gives another side of the tally ("وافقت 98 دولة على التعديل الأمريكي ورفضته 55": one vote on the amendment).  Each occurrence then reads its cues (rules/vote_events.yaml) in its own stretch of text,
from the end of the previous occurrence to the end of its last figure's clause:

- subject: the nearest draft / amendment / resolution cue before its first figure (else the
  first one after it in the clause), with its sponsors ("المشروع السويسري البرازيلي", "مشروع
  قرار قدمته روسيا", "طرحت روسيا تعديلا", "مشروعها"); a bare "المشروع" takes the sponsors of the
  last sponsored draft named before it; a draft or resolution named as the text an amendment
  amends ("تعديلات أوروبية على المشروع الأمريكي", `amends_words`) leaves the amendment the
  subject;
- body: the first body named after its first figure in its stretch (for a later vote of a
  sentence, the last named between the previous vote and it), else the first named in its first
  figure's sentence, else the nearest named before, else the one body the article names; a
  General Assembly Main Committee ("اللجنة الثالثة") is its own body ("ga3"): its vote and the
  plenary's weeks later are two votes; any figure above the Council's seats is the Assembly;
- veto: a veto cue in its stretch, with the states that cast it;
- past: a year before the article's own, or "في يناير الماضي", in its stretch of the sentence.

The occurrence is written into its claims' `event` as "vote:body=sc;subj=draft;by=...;n=2"
(crosscheck.reconcile.votes links occurrences of different articles into one vote and rewrites
the event), and its tally claims take the period "event": a vote is one event, never a rolling
period.  Cues are found with one pass of each pattern over the normalised text, and each
occurrence looks only at the cues of its stretch (bisect), so the work is linear in the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Optional, Sequence

from crosscheck.extract.claim_copy import set_fields, updated
from crosscheck.models import Claim
from crosscheck.ruleset.date_rules import date_rules
from crosscheck.ruleset.vote_rules import VoteRules, spelled, vote_rules
from crosscheck.text.dates import DateRules
from crosscheck.text.literals import GateSet
from crosscheck.text.normalize import normalize_word
from crosscheck.text.tokens import bare_forms
from crosscheck.util import regex_cache

PREFIX = "vote:"
# Cues read word by word where they are needed (never listed by `VoteCues.find`).
_WORD_CUES = frozenset({"voter_verb"})
_SUBJECTS = ("draft", "amendment", "resolution", "resolution_text")
# Subjects that start a new vote when they stand between two figures ("القرار" alone does not:
# "بتأييد 141 دولة لصالح القرار مقابل 5" is one tally).
_SPLITTERS = ("draft", "amendment", "resolution")
_WORD = regex_cache.compile(r"[^\s،,.؛;:!?()\[\]«»\"']+")
_CLAUSE_END = regex_cache.compile(r"[،,.؛;:!?\n]")
# a clause of its own: a comma or a semicolon, then a word opened by "و"
_NEW_CLAUSE = regex_cache.compile(r"[،,؛;]\s*و")
_HEADER_YEAR = regex_cache.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# What stands between a vote's figures and a year that is theirs: a unit word left out of the
# figure, then "في" / "عام" ("122 صوتا في 2011", "بـ98 دولة عام 2009"), nothing else
_YEAR_OF_PREVIOUS = regex_cache.compile(r"\s*(?:[^\s،,.؛;:\d]+\s+)?(?:(?:في|خلال)\s+(?:(?:ال)?(?:عام|سن[ةه])\s+)?|(?:ال)?(?:عام|سن[ةه])\s+)")
_SINCE = regex_cache.compile(r"منذ\s+(?:عام\s+|سنه\s+)?$")
_FILLERS = frozenset(normalize_word(w) for w in ("قرار", "القرار", "الذي", "التي", "قد", "كانت", "كان"))


@dataclass(frozen=True, slots=True)
class Cue:  # (slots: a long paragraph lists a cue every few hundred characters)
    start: int
    end: int
    id: str
    value: str = ""  # the resolution number or the year


@dataclass
class Occurrence:
    claims: list[tuple[int, int, Claim]] = field(default_factory=list)  # (nstart, nend, claim)

    @property
    def kinds(self) -> set[str]:
        # (read from each claim's __dict__, without the model's attribute hook: mentions._shape)
        return {c.__dict__["kind"] for _, _, c in self.claims}


class VoteCues:
    def __init__(self, rules: VoteRules) -> None:
        self.rules = rules
        self.patterns = [(c.id, regex_cache.compile(spelled(p))) for c in rules.cues for p in c.patterns]
        # the identity of each `body_council` pattern's body, by the pattern's index
        self.council_of = [c.body or "" for c in rules.cues for _p in c.patterns]
        self.councils = frozenset(c.body for c in rules.cues if c.id == "body_council" and c.body)
        self.gates = GateSet([pat.pattern for _cid, pat in self.patterns])
        self.negators = frozenset(normalize_word(w) for w in rules.veto_negators)
        self.adjectives: dict[str, str] = {}
        for state, words in rules.sponsor_adjectives.items():
            for w in words:
                self.adjectives[normalize_word(w)] = state
        self.amends = frozenset(normalize_word(w) for w in rules.amends_words)
        self.rivals = frozenset(normalize_word(w) for w in rules.rival_words)
        self.relatives = frozenset(normalize_word(w) for w in rules.relative_words)
        self.contrasts = frozenset(normalize_word(w) for w in rules.contrast_words)
        self.other_texts = frozenset(normalize_word(w) for w in rules.other_text_words)
        self.cited_texts = frozenset(normalize_word(w) for w in rules.cited_text_words)
        self.committees = {normalize_word(w): n for w, n in rules.committee_ordinals.items()}
        self.ordinals = {normalize_word(w): n for w, n in rules.text_ordinals.items()}
        self.month_anchors = frozenset(normalize_word(w) for w in rules.month_anchor_words)
        self.yearly = tuple(" ".join(normalize_word(x) for x in w.split()) for w in rules.yearly_words)

    def find(self, text: str) -> list[Cue]:
        out = []
        patterns = self.patterns
        for k in self.gates.open_indexes(text):
            cid, pat = patterns[k]
            if cid in _WORD_CUES:
                continue
            for m in pat.finditer(text):
                value = ""
                if cid == "resolution":
                    value = str(int(m.group("n")))
                elif cid == "year":
                    value = m.group("y")
                elif cid == "body_committee":
                    n = self.committees.get(normalize_word(m.group("c")))
                    value = f"ga{n}" if n else "ga"
                elif cid == "body_council":
                    value = self.council_of[k]
                out.append(Cue(m.start(), m.end(), cid, value))
        out.sort(key=lambda c: (c.start, c.end))
        return out


@lru_cache(maxsize=8)
def cues_for(directory: str) -> VoteCues:
    return VoteCues(vote_rules(directory))


def parse_event(event: Optional[str]) -> Optional[dict[str, str]]:
    """The fields of a "vote:k=v;k=v" event, or None for any other event."""
    if not event or not event.startswith(PREFIX):
        return None
    out = {}
    for part in event[len(PREFIX):].split(";"):
        k, _, v = part.partition("=")
        if k:
            out[k] = v
    return out


def legacy_event(event: Optional[str]) -> Optional[str]:
    """The older name of the vote an occurrence is about ("resolution:2728", "draft:russia"),
    for rule examples written that way; other events as they are."""
    f = parse_event(event)
    if f is None:
        return event
    if f.get("res"):
        return f"resolution:{f['res']}"
    if f.get("by"):
        return f"draft:{f['by']}"
    return None


def format_event(fields: dict[str, str]) -> str:
    return PREFIX + ";".join(f"{k}={v}" for k, v in fields.items() if v)


# ---------------------------------------------------------------------- states


def _state(ctx, words: Sequence[str], k: int, vc: VoteCues) -> tuple[Optional[str], int]:
    """(state id, words used) for the state named at words[k] (two-word names first)."""
    gaz = ctx.gaz
    for width in (2, 1):
        if k + width > len(words):
            continue
        phrase = " ".join(words[k:k + width])
        for f in bare_forms(phrase):
            hit = gaz.lookup.get(f)
            if hit and hit[0].type in ("country", "area"):
                return hit[0].id, width
            if f in vc.adjectives:
                return vc.adjectives[f], width
        # an adjective in the accusative, after an indefinite text ("مشروعا أوروبيا", "تعديلا
        # روسيا"): the adjective without its alef
        if phrase.endswith("ا") and len(phrase) > 3:
            for f in bare_forms(phrase[:-1]):
                hit = gaz.lookup.get(f)
                if hit and hit[1] and hit[0].type == "country":
                    return hit[0].id, width
                if f in vc.adjectives:
                    return vc.adjectives[f], width
    return None, 0


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, hi)]


def _is_verb(vc: VoteCues, w: str, cue: str = "sponsor_verb") -> bool:
    return any(cid == cue and pat.fullmatch(w) for cid, pat in vc.patterns)


def _voters_end(ctx, vc: VoteCues, ws: list[str]) -> int:
    """How many of `ws` may name a possessive draft's owner: a run of states ending right before
    the draft and right after a `voter_verb` ("عارضت روسيا والصين مشروعها") are its voters, and
    the owner ("ها") is another state, named before them."""
    for j in range(1, len(ws)):
        found, end = _states_run(ctx, vc, ws, j)
        if found and end == len(ws):
            return j - 1 if _is_verb(vc, ws[j - 1], "voter_verb") else len(ws)
    return len(ws)


def _states_run(ctx, vc, words: list[str], k: int) -> tuple[list[str], int]:
    """States named from words[k] on, joined by "و" ("سويسرا والبرازيل"); (ids, next index)."""
    found: list[str] = []
    while k < len(words):
        st, w = _state(ctx, words, k, vc)
        if st is None:
            break
        found.append(st)
        k += w
    return found, k


def sponsors_of(ctx, vc: VoteCues, cue: Cue) -> list[str]:
    """Who tabled the draft or amendment named by `cue` (empty when not said)."""
    text = ctx.text
    s_lo, s_hi = ctx.sentence_at(cue.start)
    n = vc.rules.sponsor_after_words
    after = [w for _, _, w in _words(text, cue.end, min(s_hi, cue.end + 16 * (n + 2)))][: n + 2]
    clause = _CLAUSE_END.search(text, cue.end, s_hi)
    if clause:
        after = [w for a, _, w in _words(text, cue.end, clause.start())][: n + 2]
        # a relative clause set off by a comma right after the text's name ("مشروع القرار، الذي
        # قدمته بريطانيا،"): its sponsors are read in it, up to its own end
        if text[clause.start()] in "،," and len(after) < n + 2:
            nxt = _words(text, clause.end(), min(s_hi, clause.end() + 16))[:1]
            # ... or an adjective in apposition ("الأول، الأمريكي الياباني، سقط"): a definite
            # state adjective right after the comma
            if nxt and (nxt[0][2] in vc.relatives
                        or (nxt[0][2].startswith("ال") and _state(ctx, [nxt[0][2]], 0, vc)[0])):
                close = _CLAUSE_END.search(text, clause.end(), s_hi)
                after += [w for _, _, w in _words(text, clause.end(), close.start() if close else s_hi)]
                after = after[: n + 2]
    k, verb = 0, False
    while k < len(after) and k < n + 2:
        w = after[k]
        if w in _FILLERS or w in vc.rivals:
            k += 1
            continue
        if _is_verb(vc, w):
            verb = True
            k += 1
            continue
        found, _ = _states_run(ctx, vc, after, k)
        if found:
            return found
        # any other word ends the search: a state after it is the text's topic or its voters
        # ("قرارا يدين الدولة", "قرار حول الدولة", "رفضت القرار أيضا الدولة")
        break
    # before: "طرحت روسيا تعديلا", "قدمت روسيا والصين مشروع قرار"
    before = _words(text, max(s_lo, cue.start - 80), cue.start)
    ws = [w for _, _, w in before][-(vc.rules.actor_before_words + 1):]
    for i in range(len(ws)):
        if _is_verb(vc, ws[i]):
            found, end = _states_run(ctx, vc, ws, i + 1)
            if found and end == len(ws):
                return found
    # "مشروعها": the state named last before it in its sentence
    head = text[cue.start:cue.end]
    if head.endswith(("ها", "ه")) and not head.endswith("مسوده"):
        ws = [w for _, _, w in _words(text, s_lo, cue.start)][-vc.rules.owner_before_words:]
        for i in range(_voters_end(ctx, vc, ws) - 1, -1, -1):
            st, _ = _state(ctx, ws, i, vc)
            if st:
                return [st]
    return []


def rival_draft(ctx, vc: VoteCues, cue: Cue) -> bool:
    """A draft named as a rival of another ("مشروع قرار منافس", "مشروعها المضاد"): a word of
    `rival_words` among the first words after it, in its clause; or set against the drafts told
    before it by a word of `contrast_words` right before it ("أما مشروع الخميس فنال 11 صوتا",
    after two earlier drafts and their sponsors).  Such a draft is never the draft last named
    with its sponsors."""
    text = ctx.text
    if vc.contrasts:
        prev = _words(text, max(0, cue.start - 16), cue.start)
        if prev and prev[-1][2] in vc.contrasts and not _CLAUSE_END.search(text, prev[-1][1], cue.start):
            return True
    if not vc.rivals:
        return False
    _, s_hi = ctx.sentence_at(cue.start)
    clause = _CLAUSE_END.search(text, cue.end, s_hi)
    hi = clause.start() if clause else s_hi
    for k, (_, _, w) in enumerate(_words(text, cue.end, min(hi, cue.end + 40))):
        if k >= 2:
            break
        if w in vc.rivals:
            return True
    return False


def _negated(text: str, at: int, vc: VoteCues) -> bool:
    """A veto said not to apply ("لا يسري عليها حق النقض", "دون استخدام الفيتو")."""
    before = [w for _, _, w in _words(text, max(0, at - 48), at)]
    if before and "حق" in bare_forms(before[-1]):
        # "حق النقض" read at its second word ("لم يكن خاضعا لحق النقض"): the three words before the phrase
        before.pop()
    before = before[-3:]
    return any(not vc.negators.isdisjoint(bare_forms(w)) for w in before)


def vetoers_of(ctx, vc: VoteCues, cue: Cue) -> list[str]:
    """Who cast the veto of `cue`: "الفيتو الروسي", "استخدمت روسيا حق النقض"."""
    text = ctx.text
    s_lo, s_hi = ctx.sentence_at(cue.start)
    after = [w for _, _, w in _words(text, cue.end, min(s_hi, cue.end + 40))][:2]
    found, _ = _states_run(ctx, vc, after, 0)
    if found:
        return found
    ws = [w for _, _, w in _words(text, max(s_lo, cue.start - 60), cue.start)][-vc.rules.actor_before_words:]
    out: list[str] = []
    for i in range(len(ws)):
        st, _ = _state(ctx, ws, i, vc)
        if st and st not in out:
            out.append(st)
    return out


# ---------------------------------------------------------------------- segmentation


def _norm_offset(ctx, orig: int) -> int:
    """Normalised offset of an original offset (to_original is monotonic)."""
    return ctx.norm.to_normalized(orig)  # (a bisection over to_original, in one step)


def _document_year(ctx, text: str, cues: Sequence[Cue] = ()) -> Optional[int]:
    """The article's year: its date's, else the latest year in its first lines - not a
    resolution number there ("بعد أن انقضت المدة التي منحها القرار 2059": no year 2059)."""
    if ctx.doc.date:
        try:
            return int(str(ctx.doc.date)[:4])
        except ValueError:
            pass
    numbers = [(c.start, c.end) for c in cues if c.id == "resolution" and c.start < 400]
    years = [int(m.group()) for m in _HEADER_YEAR.finditer(text, 0, 400)
             if not any(a <= m.start() < b for a, b in numbers)]
    return max(years) if years else None


def _amendment_of(text: str, window: list[Cue], subj: Cue, vc: VoteCues) -> Optional[Cue]:
    """The amendment cue right before `subj` that names it as the text it amends ("تعديلات
    أوروبية على المشروع الأمريكي بأغلبية 69 صوتا": the vote is on the amendments), if any:
    at most `amends_gap_words` words between them in one clause, the last an `amends_words`
    word ("تعديل قدمته الولايات المتحدة لإعادة الإشارة إلى الميول الجنسية في قرار الإعدامات")."""
    rules = vc.rules
    words = vc.amends  # (normalised once per rule set, not per vote)
    if not words:
        return None
    for c in reversed(window):
        if c.end > subj.start:
            continue
        if c.id not in _SUBJECTS:
            continue  # a sponsor verb, a body, a year: words of the amendment's clause
        if c.id != "amendment":
            return None  # another subject stands between: not this one's
        between = text[c.end:subj.start]
        gap = between.split()
        if gap and len(gap) <= rules.amends_gap_words and gap[-1] in words \
                and not _CLAUSE_END.search(between):
            return c
        return None
    return None


class _SponsoredDrafts:
    """The sponsors of the last draft cue at or before cues[k] that names them (a bare
    "المشروع" is the draft last named with its sponsors): each draft's sponsors read once, the
    cues walked forward once, however many votes ask (walking back from every vote was
    quadratic in a paragraph of many drafts without sponsors)."""

    __slots__ = ("ctx", "vc", "cues", "last")

    def __init__(self, ctx, vc: VoteCues, cues: list[Cue]) -> None:
        self.ctx, self.vc, self.cues = ctx, vc, cues
        self.last: list[list[str]] = []  # last[j]: the answer for cues[j], read so far

    def at_or_before(self, k: int) -> list[str]:
        last, cues = self.last, self.cues
        while len(last) <= k:
            c = cues[len(last)]
            found = sponsors_of(self.ctx, self.vc, c) if c.id == "draft" else None
            if not found and c.id == "draft" and rival_draft(self.ctx, self.vc, c):
                found = []  # a rival draft without its sponsors named: not the last one's
                last.append(found)
                continue
            last.append(found if found else (last[-1] if last else []))
        return last[k] if k >= 0 else []


def _names_another_text(ctx, vc: VoteCues, cues: list[Cue], starts: list[int], subject_at: list[int],
                        cur: Occurrence, ne: int, sponsored: _SponsoredDrafts) -> bool:
    """The figure ending at `ne` names its own text right after it, another than the current
    vote's ("وأيد المشروع 11 عضوا، فيما امتنعت 4 دول عن التصويت على المشروع الروسي"): a draft
    within `sponsor_after_words` words of its clause, after an `amends_words` word ("على"), whose
    sponsors differ from those of the draft named before the current vote's first figure."""
    k = bisect_left(subject_at, ne)
    if k == len(subject_at):
        return False
    text = ctx.text
    at = subject_at[k]
    between = text[ne:at]
    gap = between.split()
    if not gap or len(gap) > vc.rules.sponsor_after_words or _CLAUSE_END.search(between) \
            or gap[-1] not in vc.amends:
        return False
    j = bisect_left(starts, at)
    if cues[j].id != "draft":
        return False
    after = set(sponsors_of(ctx, vc, cues[j]))
    first = cur.claims[0][0]
    i = bisect_left(starts, first) - 1
    while i >= 0 and cues[i].id not in _SUBJECTS:
        i -= 1
    if not after or i < 0 or cues[i].id != "draft":
        return False
    before = set(sponsored.at_or_before(i))
    return bool(before) and not (before & after)


def _anaphoric_draft(ctx, vc: VoteCues, cue: Cue) -> bool:
    """A draft named again by the definite article alone ("المشروع", "مشروع القرار"), without
    sponsors of its own, no rival word after it and no pronoun of its own ("مشروعها"): the text
    the sentence spoke of, not another one."""
    if cue.id != "draft":
        return False
    text = ctx.text
    head = text[cue.start:cue.end]
    if head[:1] in "وفب" and head[1:3] == "ال":
        head = head[1:]
    if head.startswith("ال"):
        if not head.endswith(("مشروع", "مسوده", "مسودة")):
            return False
    else:
        nxt = _words(text, cue.end, min(len(text), cue.end + 16))[:1]
        if head.lstrip("وفب") not in ("مشروع", "مسوده", "مسودة") or not nxt or nxt[0][2] != "القرار":
            return False
    return not sponsors_of(ctx, vc, cue) and not rival_draft(ctx, vc, cue)


def _full_tally(occ: Occurrence) -> bool:
    """The occurrence gives every side of a tally: for, against and abstaining."""
    return len(occ.kinds) >= 3


def segment(ctx, claims: Sequence[Claim], vc: VoteCues, cues: list[Cue],
            placed: Optional[list[tuple[int, int, Claim]]] = None) -> list[Occurrence]:
    """The tally claims cut into occurrences (see the module docstring); `placed`: the claims
    as _placed gives them, when made already (its tuples become the occurrences')."""
    splitters = [c for c in cues if c.id in _SPLITTERS]
    subject_at = [c.start for c in splitters]
    cue_starts = [c.start for c in cues]
    # a kind given again in one sentence is another vote when a body or an earlier vote is named
    # between ("بأغلبية 116 صوتا، بعد أن أيده 111 عضوا في اللجنة", "من 98 في اللجنة الرابعة إلى
    # 87 في الجلسة العامة")
    other_vote_at = [c.start for c in cues if c.id in _FULL_BODIES or c.id == "recall"]
    any_subject_at = [c.start for c in cues if c.id in _SUBJECTS]
    # a kind given again in one sentence after a year named between is another year's vote ("فرض
    # في يوليو 2018 بتسعة أصوات وامتناع خمسة، وأن التجديد التالي في 2019 حصل على عشرة أصوات");
    # a number of a resolution is no year
    res_spans = [(c.start, c.end) for c in cues if c.id == "resolution"]
    year_at = [c.start for c in cues if c.id == "year"
               and not any(a <= c.start < b for a, b in res_spans)]
    sponsored = _SponsoredDrafts(ctx, vc, cues)
    if placed is None:
        placed = _placed(ctx, claims)
    occs: list[Occurrence] = []
    cur: Optional[Occurrence] = None
    # the current vote's figures came before any subject of their sentence ("وافقت 98 دولة على
    # التعديل الأمريكي ورفضته 55"): the first subject after them, in that sentence, is theirs
    # when the next figure gives another side of the tally ("أيد 4 أعضاء المشروع الروسي، بينما
    # أيد 10 أعضاء المشروع الأمريكي": a second "for" is a second vote)
    subjectless = False
    for t in placed:
        ns, ne, c = t
        if cur is not None:
            prev_end = cur.claims[-1][1]
            between = bisect_left(subject_at, ns) - bisect_left(subject_at, prev_end)
            # a draft, amendment or resolution between two figures starts a new vote; so does
            # a kind given again in a later sentence (in one sentence, "3 أصوات مقابل 7" is one
            # tally whatever an extraction slip made of its kinds)
            new_sentence = ctx.sentence_at(ns)[0] >= prev_end
            if between > 0 and not new_sentence and c.kind not in cur.kinds:
                first = bisect_left(subject_at, prev_end)
                if subjectless:
                    between -= 1  # the subject that follows a vote's first figures is theirs
                    subjectless = False
                    first += 1
                if between > 0 and all(_anaphoric_draft(ctx, vc, cue) for cue in splitters[first:first + between]):
                    # the draft named again barely between two sides of its tally ("امتنعت الصين
                    # عن التصويت وأيد المشروع 13 عضوا"): the same text, the same vote
                    between = 0
            if between > 0 or (c.kind in cur.kinds and new_sentence):
                cur = None
            elif c.kind in cur.kinds and \
                    bisect_left(other_vote_at, ns) > bisect_left(other_vote_at, prev_end):
                cur = None
            elif c.kind in cur.kinds and bisect_left(year_at, ns) > bisect_left(year_at, prev_end):
                cur = None
            elif c.kind in cur.kinds and _NEW_CLAUSE.search(ctx.text, prev_end, ns):
                # ... and so is a kind given again in a clause of its own ("سقط تمديد الفريق بفيتو
                # روسي رغم تأييد 13 عضوا، ومر تجديد العقوبات بتسعة أصوات وامتناع ستة")
                cur = None
            elif c.kind in cur.kinds and _full_tally(cur) and \
                    bisect_left(any_subject_at, ns) > bisect_left(any_subject_at, prev_end):
                # a whole tally told, then a text named and a kind given again in the same sentence
                # ("قرار العام الماضي الذي اعتمد بـ116 مقابل 23 وامتناع 12، لكنه بقي أعلى من قرار
                # 1980 الذي نال 111 صوتا"): the second text's own tally
                cur = None
            elif c.kind not in cur.kinds and _names_another_text(ctx, vc, cues, cue_starts, subject_at, cur, ne, sponsored):
                cur = None
        if cur is None:
            cur = Occurrence()
            occs.append(cur)
            s_lo = ctx.sentence_at(ns)[0]
            subjectless = bisect_left(any_subject_at, ns) == bisect_left(any_subject_at, s_lo)
        cur.claims.append(t)
    return occs


def _other_texts(text: str, window: list[Cue], vc: VoteCues) -> list[Cue]:
    """Draft and resolution cues named for comparison, right after an `other_text_words` word
    ("بعد قرار مماثل", "على غرار القرار"): another text than the tally's."""
    words = vc.other_texts  # (normalised once per rule set, not per vote)
    out = []
    for c in window:
        if c.id not in ("draft", "resolution_text", "resolution"):
            continue
        prev = text[max(0, c.start - 24):c.start].split()
        if prev and not _CLAUSE_END.search(prev[-1]) and (prev[-1] in words or prev[-1] in vc.cited_texts):
            out.append(c)
    return out


def _last_year_after(text: str, cues: list[Cue], starts: list[int], ends: list[int]) -> bool:
    """Does a `last_year_after` cue ("صوتا في العام الماضي") stand right after one of the figures
    ending at `ends` (only spaces between)?  A bisection per figure."""
    for end in ends:
        k = bisect_left(starts, end)
        while k < len(cues) and cues[k].start <= end + 24:
            if cues[k].id == "last_year_after" and _UNIT_GAP.fullmatch(text, end, cues[k].start):
                return True
            k += 1
    return False


# what may stand between a tally figure and its "last year": spaces, or its unit word left out of
# the figure ("188 صوتا في العام الماضي")
# (on its line, and no word opening a clause with "و": "… بلدين\nوفي العام الماضي" is the next's)
_UNIT_GAP = regex_cache.compile(r"[^\S\n]*(?:(?!و)[^\s،,.؛;:\d]+[^\S\n]+)?")


_TEXT_CUES = ("resolution", "resolution_text", "draft")
# a text named with a preposition the cues leave out ("تنفيذا لقرار الجمعية العامة")
_TEXT_WORD = regex_cache.compile(r"(?<!\S)[وفبل]?(?:ال|لل)?(?:قرار|مشروع)(?!\S)")


def _recalled_text_date(ctx, cues: list[Cue], starts: list[int], s_lo: int, first: int,
                        year: Optional[int], fields: dict[str, str], vc: VoteCues) -> None:
    """A sentence opening with a `recalled_text` cue ("وكان القرار قد …") right after a sentence
    naming a text: the month ("m12"), last month or last year that sentence names becomes the
    vote's `when`, else its one year before the article's its `past`.  Reads the cues of the
    two sentences only."""
    k = bisect_left(starts, s_lo)
    if not (k < len(cues) and cues[k].id == "recalled_text" and cues[k].start - s_lo <= 3 and cues[k].end <= first):
        return
    text = ctx.text
    p = s_lo - 1
    while p > 0 and (text[p].isspace() or text[p] in ".!?؟;؛"):
        p -= 1
    if p <= 0:
        return
    p_lo, p_hi = ctx.sentence_at(p)
    if p_hi > s_lo or p_lo >= s_lo:
        return
    before = cues[bisect_left(starts, p_lo):k]
    if not any(c.id in _TEXT_CUES for c in before) and not _TEXT_WORD.search(text, p_lo, p_hi):
        return  # (the sentence before names no text: "وكان القرار" points further back)
    when = _when(ctx, text[p_lo:p_hi], vc)
    if when:
        fields["when"] = when
        return
    years = {c.value for c in before if c.id == "year" and year is not None and int(c.value) < year}
    if len(years) == 1:
        fields["past"] = years.pop()


def _without_cited(text: str, lo: int, hi: int, others: list[Cue], vc: VoteCues) -> str:
    """text[lo:hi] without the clause of a text cited by a relative clause ("الذي فرضه القرار 713
    على يوغوسلافيا السابقة في أيلول 1991"): its month is that text's, not the vote's."""
    for o in others:
        if not lo <= o.start < hi:
            continue
        prev = text[max(0, o.start - 24):o.start].split()
        if prev and prev[-1] in vc.cited_texts:
            end = _CLAUSE_END.search(text, o.end, hi)
            return text[lo:o.start] + (" " + text[end.start():hi] if end else "")
    return text[lo:hi]


def _numbered_text_year(cues: list[Cue], starts: list[int], year: Cue, subj: Optional[Cue], vc: VoteCues) -> bool:
    """The year is a numbered text's own, told right after its number (within
    `number_year_gap_chars`: "ألغت الجمعية القرار 3379 الصادر عام 1975 … بقرار من سطر واحد اعتمد
    بأغلبية 111 صوتا"), and the tally's subject is another text named after that year: the year
    dates the text cited, not the vote on the new one.  Reads the few cues before the year."""
    if subj is None or subj.start < year.end or subj.id == "resolution":
        return False
    k = bisect_left(starts, year.start)
    for c in reversed(cues[max(0, k - 3):k]):
        if c.id == "resolution":
            return year.start - c.end <= vc.rules.number_year_gap_chars
    return False


def _year_of(text: str, other: Cue, year: Cue, vc: VoteCues) -> bool:
    """The year is named within a few words after a text named for comparison, in its clause."""
    if year.start < other.end:
        return False
    between = text[other.end:year.start]
    if _CLAUSE_END.search(between):
        return False
    prev = text[max(0, other.start - 24):other.start].split()
    if prev and prev[-1] in vc.cited_texts:
        return True  # ("الذي فرضه القرار 713 على يوغوسلافيا السابقة في أيلول 1991": its clause)
    return len(between.split()) <= vc.rules.other_text_year_words


def describe(ctx, occs: list[Occurrence], vc: VoteCues, cues: list[Cue]) -> list[dict[str, str]]:
    """The fields of each occurrence's event."""
    text = ctx.text
    starts = [c.start for c in cues]
    year = _document_year(ctx, text, cues)
    full_bodies = [c for c in cues if c.id in _FULL_BODIES]
    body_starts = [c.start for c in full_bodies]  # (each occurrence bisects them: no scan per vote)
    named = {_body(c) for c in full_bodies}
    short_named: Optional[set[str]] = None  # the short body names of the article, read once
    sponsored = _SponsoredDrafts(ctx, vc, cues)
    out = []
    prev_end = prev_sentence_end = 0
    for n, occ in enumerate(occs, 1):
        first, last = occ.claims[0][0], occ.claims[-1][1]
        s_lo, s_hi = ctx.sentence_at(first)
        last_lo, last_hi = ctx.sentence_at(last - 1)
        clause = _CLAUSE_END.search(text, last, last_hi)
        hi = clause.start() if clause else last_hi
        # the rest of the previous vote's sentence is about the previous vote
        lo = prev_end if prev_end > s_lo else (max(prev_sentence_end, 0) if prev_sentence_end <= s_lo else s_lo)
        # a veto may close the sentence ("..., فسقط بسبب الفيتو الروسي"), unless the next vote
        # begins in it
        nxt = occs[n].claims[0][0] if n < len(occs) else len(text)
        veto_hi = max(hi, min(last_hi, nxt))
        # "…بإجماع أعضائه، بعد دقائق من فشل مشروع قرار بريطاني بسبب الفيتو الروسي": what follows
        # an earlier event named after the figures (`after_event`) is that event's
        k = bisect_left(starts, last)
        while k < len(cues) and cues[k].start < veto_hi:
            if cues[k].id == "after_event":
                hi, veto_hi = min(hi, cues[k].start), min(veto_hi, cues[k].start)
                break
            k += 1
        window = cues[bisect_left(starts, lo):bisect_left(starts, hi)]
        veto_window = cues[bisect_left(starts, lo):bisect_left(starts, veto_hi)]
        others = _other_texts(text, window, vc)
        window = [c for c in window if c not in others]
        before = [c for c in window if c.start < first]
        after = [c for c in window if c.start >= first]  # the first subject after its first figure
        fields: dict[str, str] = {}
        # the subject named in the figures' own sentence first (before the first figure, else
        # after it): a text named in an earlier sentence ("... حدده القرار 2231. وكانت واشنطن قد
        # أخفقت حين عارضت روسيا والصين مشروعها") is context, not the subject of this tally
        subj = next((c for c in reversed(before) if c.id in _SUBJECTS and c.start >= s_lo), None) or \
            next((c for c in after if c.id in _SUBJECTS), None) or \
            next((c for c in reversed(before) if c.id in _SUBJECTS), None)
        if subj is not None and subj.id != "amendment":
            subj = _amendment_of(text, window, subj, vc) or subj
        sponsors: list[str] = []
        inherited = False  # the sponsors are those of a draft named before, not the subject's own
        if subj is not None:
            fields["subj"] = "resolution" if subj.id == "resolution_text" else subj.id
            own = _ordinal_word(text, subj, vc)
            if own:  # "والثاني، الروسي، ...": the text of that kind named before, numbered
                fields["ord"] = own
                if _antecedent_kind(cues, bisect_left(starts, subj.start) - 1, text, vc) == "amendment":
                    fields["subj"] = "amendment"
            elif subj.id in ("amendment", "draft"):
                ordinal = text_ordinal(text, subj.end, vc)
                if ordinal:
                    fields["ord"] = ordinal
            if subj.id == "resolution_text":
                sponsors = sponsors_of(ctx, vc, subj)
            elif subj.id == "resolution":
                fields["res"] = subj.value
            else:
                sponsors = sponsors_of(ctx, vc, subj)
                if not sponsors and subj.id == "draft" and not own and not rival_draft(ctx, vc, subj):
                    sponsors = sponsored.at_or_before(bisect_left(starts, subj.start) - 1)
                    inherited = bool(sponsors)
        # body
        body = None
        elsewhere = False
        in_sentence = full_bodies[bisect_left(body_starts, s_lo):bisect_left(body_starts, s_hi)]
        # the body named in the occurrence's own stretch first: "بأغلبية 116 صوتا، بعد أن أيده
        # 111 عضوا في اللجنة الثالثة" - the plenary's vote, then its committee's
        own = [c for c in window if c.id in _FULL_BODIES and c.start >= first]
        # ... or, for a later vote of the sentence, between the previous vote and its figures
        # ("…بأغلبية 87 صوتا، بعد أن كانت اللجنة الرابعة قد أقرت المشروع بـ98 صوتا")
        own_before = [c for c in window if c.id in _FULL_BODIES and c.start < first] if lo > s_lo else []
        # ... or the body of the clause holding the figures, after an earlier step named before
        # them ("جاء التصويت في الجمعية العامة بعد شهرين من إقرار المشروع في اللجنة الأولى
        # بأغلبية 123": the committee's tally)
        step = next((c for c in reversed(cues[bisect_left(starts, s_lo):bisect_left(starts, first)])
                     if c.id == "earlier_step"), None)
        stepped = [c for c in in_sentence if step.end <= c.start < first] if step is not None else []
        if own:
            body = _body(own[0])
        elif own_before:
            body = _body(own_before[-1])
        elif stepped:
            body = _body(stepped[0])
        elif in_sentence and (in_sentence[0].start < hi or not (short_own := _short_bodies(window, first, named))):
            body = _body(in_sentence[0])
        elif in_sentence:
            # a body named only in a later clause of the sentence, after the figures' own ("اعتمدت
            # الجمعية قرارا بأغلبية 86 صوتا مقابل 36، وهو تأييد أعلى مما سجله في اللجنة
            # الثالثة": the vote compared with), is not the body the figures' clause names by its
            # short name before them
            body = short_own[-1].id[5:7]
        elif (own_short := [c for c in window if c.id == "body_ga_short" and s_lo <= c.start < hi
                            and "ga" in named]):
            # no full name in the figures' sentence, but the Assembly's short name ("بالقرار الأول
            # الذي اعتمدته الجمعية في ديسمبر 2023 بأغلبية 153 صوتا"): the Assembly the article
            # names so, not the body the previous sentence names in full (its committee).  ("المجلس"
            # is the short name of several councils: it is read as before.)
            body = "ga"
        elif (len(named & {"sc", "hrc"}) == 1
              and any(c.id == "body_sc_short" and s_lo <= c.start < hi for c in window)):
            # no full name in the figures' sentence, but "the Council" ("يرتفع عدد المؤيدين في
            # المجلس … مقارنة بتصويت تشرين الأول الذي وافقت فيه 25 دولة"), in an article that
            # names one council in full (the Human Rights Council, or the Security Council): that
            # council, not the Assembly the previous sentence names
            body = next(iter(named & {"sc", "hrc"}))
        else:
            elsewhere = True  # the body is read from another sentence of the article
            n_earlier = bisect_left(body_starts, first)  # full_bodies[:n_earlier]: named before
            if n_earlier:  # the first body named in the last sentence naming one
                at = ctx.sentence_at(full_bodies[n_earlier - 1].start)[0]
                body = _body(full_bodies[bisect_left(body_starts, at, 0, n_earlier)])
            else:
                short = [c for c in window if c.id.endswith("_short") and c.id[5:7] in named]
                if short:
                    body = short[-1].id[5:7]
                elif len(named) == 1:
                    body = next(iter(named))
        values = [c.value for _, _, c in occ.claims if isinstance(c.value, (int, float))]
        if body == "chr" and sum(values) > vc.rules.chr_members:
            body = "ga3"  # more voters than the Commission had: the Assembly's Third Committee
        if (any(v > vc.rules.sc_members for v in values) and not (body or "").startswith(tuple(vc.rules.large_bodies))
                and body not in vc.councils):  # a regional or agency council's tally stays its own
            if short_named is None:
                short_named = {c.id[5:7] for c in cues if c.id.endswith("_short")}
            # more voters than the Security Council's seats, in a sentence naming a larger body in
            # full beside the Council ("وخلافا لمجلس الأمن، لا يملك أحد حق النقض في مجلس حقوق
            # الإنسان، الذي تبنى ... بأغلبية 26 صوتا"): that body's vote, the one named nearest
            # before the figures (else the first after them)
            # (a Council of fewer seats than the tally is not it)
            cap = {"hrc": vc.rules.hrc_members, "chr": vc.rules.chr_members}
            large = [c for c in in_sentence if _body(c).startswith(tuple(vc.rules.large_bodies))
                     and sum(values) <= cap.get(_body(c), sum(values))]
            before = [c for c in large if c.start < first]
            if large:
                body = _body(before[-1] if before else large[0])
            # ... else the Assembly's vote - or, in an article
            # naming no body but "the Council" ("مدد المجلس ولاية اللجنة بتأييد 25 دولة"), the Human
            # Rights Council's, the one council with more members
            else:
                body = ("hrc" if not named and short_named == {"sc"} and sum(values) <= vc.rules.hrc_members
                        else "ga")
        if body is None and fields.get("res"):
            body = "sc"  # plain numbers are Security Council resolutions
        fields = {"body": body or "", **fields}
        if fields.get("res") and year is not None and _year_named(fields, year, vc):
            number = fields.pop("res")  # "لصالح قرار 2012" in an Assembly vote: the text of 2012
            if int(number) < year and "past" not in fields:
                fields["past"] = number
            fields.setdefault("subj", "resolution")
        fields["by"] = "+".join(sorted(set(sponsors)))
        # veto
        vetoers: list[str] = []
        vetoed = False
        for c in veto_window:
            if c.id == "veto" and not _negated(text, c.start, vc):
                vetoed = True
                vetoers.extend(v for v in vetoers_of(ctx, vc, c) if v not in vetoers)
        if vetoed:
            fields["veto"] = "+".join(sorted(vetoers)) or "yes"
        # past: a year before the article's, or a month "الماضي", in this stretch of the sentence
        p_lo = max(lo, s_lo)
        # a pair of tallies each with its year ("بين 122 صوتا في 2011 و132 صوتا في 2012"): a year
        # right after the previous vote's figures is that vote's, and one after the next vote's
        # first figure, in this sentence, is the next vote's
        y_hi = nxt if nxt < s_hi else len(text)
        for c in window:
            if c.start < p_lo:
                continue
            if c.id == "year" and (c.start >= y_hi or (lo > s_lo and c.start < first and _YEAR_OF_PREVIOUS.fullmatch(text, lo, c.start))):
                continue
            if c.id == "past_month":
                fields["past"] = "yes"
            elif c.id == "that_year":
                that = _year_before(cues, starts, c.start, vc)  # (not `named`: the article's bodies)
                if that and year is not None and int(that) < year:
                    fields["past"] = that
                elif that and year is None:
                    fields["when"] = f"y{that}"
            elif c.id == "year" and year is not None and int(c.value) < year \
                    and not _SINCE.search(text, max(0, c.start - 12), c.start) \
                    and not any(_year_of(text, o, c, vc) for o in others) \
                    and not _numbered_text_year(cues, starts, c, subj, vc):
                fields["past"] = c.value
        if inherited and "past" in fields:
            # a past vote on a draft that names no sponsors ("أسقطت واشنطن في آذار الماضي مشروعا
            # يدين …", after today's "مشروع القرار الجزائري"): another text than the one last
            # named with its sponsors, not today's draft recalled
            fields["by"] = ""
        if year is None:
            # an undated article: a year named in the vote's own stretch ("القرار 1929 الذي تبناه
            # المجلس عام 2010 بأغلبية 12 صوتا") is the year the vote was held (`y2010`), whether
            # past or not; a resolution number that looks like a year is none
            numbers = [(c.start, c.end) for c in window if c.id == "resolution"]
            years = {c.value for c in window if c.id == "year" and c.start >= p_lo and c.start < y_hi
                     and not (lo > s_lo and c.start < first and _YEAR_OF_PREVIOUS.fullmatch(text, lo, c.start))
                     and not any(a <= c.start < b for a, b in numbers)
                     and not _SINCE.search(text, max(0, c.start - 12), c.start)
                     and not any(_year_of(text, o, c, vc) for o in others)}
            if len(years) == 1:
                fields["when"] = f"y{years.pop()}"
        if lo > s_lo and "past" not in fields and "when" not in fields:
            when = _when(ctx, text[lo:hi], vc)
            if when:
                fields["when"] = when
        elif "past" not in fields and "when" not in fields:
            # the first vote of its sentence held on a day its sentence names before its figures
            # ("الفيتو الذي أسقط في الخامس من تشرين الأول مشروع القرار رغم حصوله على 11 صوتا", in
            # an article of the 17th): that month's vote, not one of the week before the article
            when = _month_of(ctx, _without_cited(text, s_lo, first, others, vc), vc)
            if when:
                fields["when"] = when
        if "past" not in fields and "when" not in fields:
            # "وتراجع عدد المؤيدين مقارنة بـ188 صوتا في العام الماضي": last year's vote
            if _last_year_after(text, cues, starts, [e for _s, e, _c in occ.claims]):
                fields["when"] = "y-1"
        if "past" not in fields and "when" not in fields and lo <= s_lo:
            # "… تنفيذا لقرار الجمعية العامة الصادر في ديسمبر الماضي. وكان القرار قد حظي بتأييد
            # 166 دولة": the text of the sentence before, recalled - its vote held when that
            # sentence says
            _recalled_text_date(ctx, cues, starts, s_lo, first, year, fields, vc)
        if "past" not in fields and "when" not in fields:
            # "ويأتي التصويت بعد تسعة أيام من إسقاط روسيا مشروع قرار رغم تأييد 12 عضوا له": the
            # earlier event's vote, that many days before the article's
            lead = next((c for c in reversed(before) if c.id == "after_event" and c.start >= s_lo), None)
            if lead is None and step is not None and not own and not own_before and (
                    stepped or _holds_tally(text[step.end:first], vc)):
                # "بعد نحو شهرين من إقرار المشروع في اللجنة الأولى بأغلبية 123", "بعد شهرين من
                # اعتماد القرار بتأييد 84 دولة"
                lead = step
            days = _days_before(text[lead.start:lead.end], vc) if lead is not None else None
            if days:
                fields["when"] = f"d-{days}"
        if "veto" in fields and (not fields["body"] or (elsewhere and fields["body"] != "sc"
                                                        and not any(v > vc.rules.sc_members for v in values))):
            # only the Council's permanent members veto: a vetoed draft whose own sentence names no
            # body is the Council's, whatever body another sentence of the article names ("…
            # ستتوجه إلى الجمعية العامة" after the veto)
            fields["body"] = "sc"
        if "veto" in fields and any(v > vc.rules.sc_members for v in values):
            # only the Council's permanent members veto, and a tally above its seats is no Council
            # vote: the veto read around it is another vote's ("بعد أن أسقط الفيتو السوفيتي ثلاثة
            # مشاريع. وكانت الجمعية العامة قد تبنت قرارا مماثلا بأغلبية 104 أصوات", "في قرار رمزي
            # بسبب الفيتو الأمريكي … ووافق 143 عضوا")
            del fields["veto"]
        if not fields["body"]:
            if short_named is None:
                short_named = {c.id[5:7] for c in cues if c.id.endswith("_short")}
            if len(short_named) == 1 and not named:
                fields["body"] = next(iter(short_named))
        fields["n"] = str(n)
        out.append(fields)
        prev_end = last
        prev_sentence_end = last_hi
    return out


def _year_before(cues: list[Cue], starts: list[int], at: int, vc: VoteCues) -> str:
    """The year "ذلك العام" at `at` points back to: the last year cue before it, at most
    `that_year_chars` characters back ("" when none)."""
    k = bisect_left(starts, at) - 1
    while k >= 0 and at - cues[k].start <= vc.rules.that_year_chars:
        if cues[k].id == "year":
            return cues[k].value
        k -= 1
    return ""


_FIRST_YEAR = 1945  # the United Nations' first year: no text of its bodies is older


def _year_named(fields: dict[str, str], year: int, vc: VoteCues) -> bool:
    """A resolution "number" of a body that never numbers its texts plainly (`year_named_bodies`)
    that reads as a year up to the article's own: the year of the text, not its number."""
    body = fields.get("body") or ""
    number = fields.get("res") or ""
    return (number.isdigit() and _FIRST_YEAR <= int(number) <= year
            and any(body.startswith(b) for b in vc.rules.year_named_bodies))


# How many cues back a bare ordinal ("والثاني، الروسي،") looks for the kind of text it stands for.
_ANTECEDENT_CUES = 12


def _ordinal_word(text: str, cue: Cue, vc: VoteCues) -> str:
    """The ordinal a draft cue is made of, when it is a bare ordinal standing for a text named
    before ("الأول، الأمريكي الياباني، سقط"; the second pattern of the `draft` cue), else ""."""
    w = text[cue.start:cue.end]
    for cand in (w, w[1:] if w[:1] in "وف" else ""):
        n = vc.ordinals.get(normalize_word(cand)) if cand else None
        if n:
            return str(n)
    return ""


def _antecedent_kind(cues: list[Cue], k: int, text: str, vc: VoteCues) -> str:
    """The kind (draft / amendment) of the nearest text cue at or before cues[k] that is not
    itself a bare ordinal: what a bare ordinal after it counts ("تعديلين ... الأول، الروسي")."""
    for i in range(k, max(-1, k - _ANTECEDENT_CUES), -1):
        c = cues[i]
        if c.id in ("draft", "amendment") and not _ordinal_word(text, c, vc):
            return c.id
    return "draft"


def text_ordinal(text: str, at: int, vc: VoteCues) -> str:
    """The ordinal within `text_ordinal_words` words after a subject cue ending at `at` ("التعديل
    الثاني": "2"; "التعديل الجزائري الأول": "1"), else "" (a clause ends the search)."""
    for k, m in enumerate(_WORD.finditer(text, at, min(len(text), at + 60))):
        if k >= vc.rules.text_ordinal_words or _CLAUSE_END.search(text, at, m.start()):
            break
        n = vc.ordinals.get(normalize_word(m.group()))
        if n:
            return str(n)
    return ""


_SAME_IF_EQUAL = ("body", "subj", "res", "by", "veto", "past", "ord")
_FULL_BODIES = ("body_sc", "body_ga", "body_committee", "body_hrc", "body_chr", "body_council")


def _short_bodies(window: list[Cue], first: int, named: set[str]) -> list[Cue]:
    """The short body names ("المجلس", "الجمعية") of a vote's stretch before its first figure
    whose full name the article gives."""
    return [c for c in window if c.start < first and c.id.endswith("_short") and c.id[5:7] in named]


def _body(cue: Cue) -> str:
    """The body a full body cue names: "sc", "ga", "hrc", "chr", a General Assembly committee "ga3", or
    a regional or agency council by its identity ("oas")."""
    return cue.value if cue.id in ("body_committee", "body_council") else cue.id[5:]


def _assembly(a: str, b: str) -> bool:
    """"ga" beside one of its committees ("ga3"): a figure above the Council's seats read as the
    Assembly's, and the committee the article names."""
    return {a, b} != {"ga"} and a.startswith("ga") and b.startswith("ga") and "ga" in (a, b)
# The draft put to the vote is the resolution it became: a headline's "القرار" and the body's
# "مشروع القرار" with the same figures are one text told two ways.
_ONE_TEXT_SUBJECTS = frozenset({"draft", "resolution"})


def _one_text(field: str, a: dict[str, str], b: dict[str, str]) -> bool:
    """Told with the same sponsors and no number (a number or a sponsor named on one side only
    may be another text: "the draft by X" beside "resolution 2736")."""
    return (field == "subj" and a["subj"] in _ONE_TEXT_SUBJECTS and b["subj"] in _ONE_TEXT_SUBJECTS
            and a.get("by", "") == b.get("by", "") and not a.get("res") and not b.get("res"))


# _merge_repeats reads only the kept occurrences that may take a repeat (tests turn this off to
# compare with trying every kept occurrence for every occurrence)
_MERGE_INDEX = True


def _merge_repeats(occs: list[Occurrence], descs: list[dict[str, str]], work: Optional[list[int]] = None):
    """An article telling one vote twice (its lead and its detail): an occurrence whose cues
    contradict none of an earlier one's and whose figures repeat that one's (every kind both
    give has the same value) is that occurrence.

    Only the kept occurrences whose values agree with its own on every kind both give (one at
    least) and that name its resolution number or none are tried (`_RepeatIndex`; in text
    order, the first that takes it as before): a paragraph of many votes was read against every earlier vote for each of its
    votes.  (`work`: a list whose first item counts the kept occurrences tried.)"""
    kept: list[tuple[Occurrence, dict[str, str], dict[str, frozenset]]] = []
    index = _RepeatIndex() if _MERGE_INDEX else None
    # one frozenset per value, shared by the occurrences that give it (most kinds give one value,
    # and a paragraph of votes repeats values): held with the index's signatures, which share them
    singles: dict[tuple[type, object], frozenset] = {}
    for occ, d in zip(occs, descs):
        vals: dict[str, frozenset] = {}
        for _, _, c in occ.claims:
            have = vals.get(c.kind)
            if have is None:
                one = singles.get((type(c.value), c.value))
                if one is None:
                    one = singles[(type(c.value), c.value)] = frozenset((c.value,))
                vals[c.kind] = one
            else:
                vals[c.kind] = have | {c.value}
        for j in (index.candidates(vals, d.get("res", "")) if index is not None else range(len(kept))):
            k_occ, k_d, k_vals = kept[j]
            if work is not None:
                work[0] += 1
            shared = set(vals) & set(k_vals)
            if not shared or any(vals[k] != k_vals[k] for k in shared):
                continue
            if any(d.get(f) and k_d.get(f) and d[f] != k_d[f] and not _one_text(f, d, k_d)
                   and not (f == "body" and _assembly(d[f], k_d[f]))
                   for f in _SAME_IF_EQUAL):
                continue
            if d.get("body", "").startswith("ga") and len(d["body"]) > len(k_d.get("body", "")):
                k_d["body"] = d["body"]  # the committee named
            k_occ.claims.extend(occ.claims)
            for f in _SAME_IF_EQUAL:
                if d.get(f) and not k_d.get(f):
                    k_d[f] = d[f]
            for k, v in vals.items():
                have = k_vals.get(k)
                k_vals[k] = v if have is None else have | v
            if index is not None:
                index.add(j, k_vals, k_d.get("res", ""))  # (the kinds it gained, the number it named)
            break
        else:
            if index is not None:
                index.add(len(kept), vals, d.get("res", ""))
            kept.append((occ, d, vals))
    for n, (_, d, _) in enumerate(kept, 1):
        d["n"] = str(n)
    return [k[0] for k in kept], [k[1] for k in kept]


class _RepeatIndex:
    """The kept occurrences of _merge_repeats, found by what a repeat must share with them.

    A kept occurrence can take a repeat only if the two share a kind and give every kind both
    give the same values: seen from a repeat giving the kinds K, the kept one's values of the
    kinds of K it gives (its projection on K) are the repeat's on a non-empty part of K.  So the
    kept occurrences are listed by their projection on each set of kinds a repeat has asked with
    (a handful: the tally kinds are few), and a repeat reads the lists of the non-empty parts of
    its own kinds.  A repeat naming a resolution number reads only those listed with that number
    or none ("res" is compared equal-if-both-named, with no exception); a kept occurrence that
    names one after a merge is listed again with it (and stays listed with none: a list may
    hold a few it no longer fits, which the full test in _merge_repeats turns down)."""

    __slots__ = ("sigs", "by_kinds")

    def __init__(self) -> None:
        self.sigs: list[tuple[dict[str, frozenset], str]] = []  # per kept occurrence: values by kind, number
        # kinds K asked with -> (hash of a projection on K -> kept, hash of (that hash, number) -> kept)
        self.by_kinds: dict[frozenset[str], tuple[dict, dict]] = {}

    @staticmethod
    def _put(kinds: frozenset[str], tables: tuple[dict, dict], j: int, sig: dict[str, frozenset], res: str) -> None:
        proj = frozenset((k, v) for k, v in sig.items() if k in kinds)
        if proj:
            # listed by the projection's hash, not the projection itself (a frozenset of pairs
            # held per kept occurrence and kinds was most of the stage's peak in a paragraph of
            # votes): an unequal projection of the same hash only adds a candidate the full
            # test in _merge_repeats turns down
            h = hash(proj)
            _listed(tables[0], h, j)
            _listed(tables[1], hash((h, res)), j)

    def add(self, j: int, vals: dict[str, set], res: str) -> None:
        """List kept occurrence j (new, or again after a merge gave it kinds or a number)."""
        # (values already frozensets, as _merge_repeats gives them, never changed in place but
        # replaced before the occurrence is listed again: the dict itself is the signature)
        sig = vals if all(type(v) is frozenset for v in vals.values()) else {k: frozenset(v) for k, v in vals.items()}
        if j == len(self.sigs):
            self.sigs.append((sig, res))
        else:
            self.sigs[j] = (sig, res)
        for kinds, tables in self.by_kinds.items():
            self._put(kinds, tables, j, sig, res)

    def candidates(self, vals: dict[str, set], res: str) -> list[int]:
        """The kept occurrences to try for one with these values and number, in order."""
        kinds = frozenset(vals)
        tables = self.by_kinds.get(kinds)
        if tables is None:
            tables = self.by_kinds[kinds] = ({}, {})
            for j, (sig, r) in enumerate(self.sigs):
                self._put(kinds, tables, j, sig, r)
        items = [(k, frozenset(v)) for k, v in vals.items()]
        found: set[int] = set()
        for size in range(1, len(items) + 1):
            for part in combinations(items, size):
                h = hash(frozenset(part))
                if res:
                    _found(found, tables[1].get(hash((h, res))))
                    _found(found, tables[1].get(hash((h, ""))))
                else:
                    _found(found, tables[0].get(h))
        return sorted(found)


def _listed(table: dict[int, "int | list[int]"], key: int, j: int) -> None:
    """_RepeatIndex: j listed under key (an int alone, a list once a second one comes: most
    projections of a paragraph of votes are one occurrence's)."""
    have = table.get(key)
    if have is None:
        table[key] = j
    elif type(have) is int:
        if have != j:
            table[key] = [have, j]
    elif have[-1] != j:
        have.append(j)


def _found(found: set[int], listed: "int | list[int] | None") -> None:
    if listed is None:
        return
    if type(listed) is int:
        found.add(listed)
    else:
        found.update(listed)


def _fold_repeats(occs: list[Occurrence], descs: list[dict[str, str]], origin: dict[int, int]):
    """An occurrence made only of figures the article states again elsewhere (a headline's
    "بالإجماع" whose words name a draft the body's tally does not) is no vote of its own: its
    figures join the occurrence of their first statement, as one claim with it.  A repeated
    figure beside a figure of its own ("130 … 51" last year, "130 … 49" this year) keeps its
    vote."""
    # a claim's id -> the occurrence its pieces are in, or the set of them when they are in
    # several (a set for every claim was the stage's peak in a paragraph of votes, where nearly
    # every claim is in one)
    where: dict[int, int | set[int]] = {}
    for k, occ in enumerate(occs):
        for _, _, c in occ.claims:
            key = origin.get(id(c), id(c))
            w = where.get(key)
            if w is None:
                where[key] = k
            elif type(w) is int:
                if w != k:
                    where[key] = {w, k}
            else:
                w.add(k)
    gone: set[int] = set()
    for k, occ in enumerate(occs):
        into: Optional[set[int]] = None
        for _, _, c in occ.claims:
            others = _elsewhere(where[origin.get(id(c), id(c))], k, gone)
            into = others if into is None else into & others
        if not into:
            continue
        occs[min(into)].claims.extend(occ.claims)
        gone.add(k)
    # a lone repeated figure beside figures of its own is a mention of its first statement (a
    # figure recalled in passing); two or more repeated together tell a vote of their own
    for k, occ in enumerate(occs):
        if k in gone:
            continue
        lone: dict[int, list] = {}
        for t in occ.claims:
            others = _elsewhere(where[origin.get(id(t[2]), id(t[2]))], k, gone)
            if others:
                lone.setdefault(min(others), []).append(t)
        for j, ts in lone.items():
            if len(ts) == 1 and len(occ.claims) > 1:
                occ.claims.remove(ts[0])
                occs[j].claims.append(ts[0])
    if not gone:
        return occs, descs
    kept = [(o, d) for k, (o, d) in enumerate(zip(occs, descs)) if k not in gone]
    for n, (_, d) in enumerate(kept, 1):
        d["n"] = str(n)
    return [o for o, _ in kept], [d for _, d in kept]


def _elsewhere(w: "int | set[int]", k: int, gone: set[int]) -> set[int]:
    """_fold_repeats: the occurrences other than k and not gone that hold a claim's pieces (`w`:
    the one occurrence, or the set of them)."""
    if type(w) is int:
        return {w} if w != k and w not in gone else set()
    return w - {k} - gone


def _when(ctx, stretch: str, vc: VoteCues) -> str:
    """When a later vote of a sentence was held, as its own stretch says: "m11" (one month named:
    "بعد أن كانت اللجنة قد أقرت المشروع في نوفمبر بـ98 صوتا"), "m-1" ("الشهر الماضي"), "y-1"
    ("العام الماضي"); "" when it says nothing (crosscheck.reconcile.votes dates it from its
    article's day)."""
    from crosscheck.text.dates import months_named, names_last_year

    rules = _date_rules(ctx)
    if any(pat.search(stretch) for cid, pat in vc.patterns if cid == "last_month"):
        return "m-1"
    if names_last_year(stretch, rules):
        return "y-1"
    months = months_named(stretch, rules)
    return f"m{next(iter(months))}" if len(months) == 1 else ""


def _month_of(ctx, lead: str, vc: VoteCues) -> str:
    """"m10" when `lead` (a sentence up to its first vote's first figure) names one month, none
    of them after a `month_anchor_words` word ("منذ أكتوبر": a period's start); "" otherwise."""
    from crosscheck.text.dates import months_named

    months = months_named(lead, _date_rules(ctx), anchors=vc.month_anchors, yearly=vc.yearly)
    return f"m{next(iter(months))}" if len(months) == 1 else ""


def _date_rules(ctx) -> DateRules:
    """The date rules of the document's rules directory, found once per document: each vote of a
    paragraph asked for them, and `date_rules` resolves the directory's path on disk each time
    (a system call per path part; a paragraph of votes asks once per vote)."""
    found = ctx.__dict__.get("_vote_date_rules")
    if found is None:
        found = ctx.__dict__["_vote_date_rules"] = date_rules(ctx.rules.directory)
    return found


_CLAUSE_BREAK = regex_cache.compile(r"[،,.؛;:!?؟]")


def _holds_tally(gap: str, vc: VoteCues) -> bool:
    """Does an earlier step end right before the figures ("من اعتماد| القرار بتأييد |84"): its
    text and the tally's verb, at most `step_gap_words` words and no clause break?"""
    return len(gap.split()) <= vc.rules.step_gap_words and _CLAUSE_BREAK.search(gap) is None


def _days_before(lead: str, vc: VoteCues) -> Optional[int]:
    """The days an `after_event` lead counts back ("بعد تسعة أيام من": 9; weeks are 7 days), or
    None when it names no count of days or weeks."""
    from crosscheck.numbers.parser import find_numbers

    for m in find_numbers(lead):
        unit = lead[m.end:].split()
        if not unit or not isinstance(m.value, int) or m.value <= 0:
            continue
        per = vc.rules.day_units.get(unit[0])
        if per:
            return m.value * per
    # a unit word right after the lead's first word, without a numeral: "بعد أسبوع على" (one
    # week), "بعد يومين من" (a dual counts its two days: `day_units`)
    # (after an approximator: "بعد نحو شهرين من", "بعد أقل من شهر على")
    for w in lead.split()[1:4]:
        if w in vc.rules.day_units:
            return vc.rules.day_units[w]
    return None


def _without_tally_numbers(ctx, cues: list[Cue], tallies: Sequence[Claim]) -> list[Cue]:
    """The cues less the "resolution" cues whose number is a tally's figure: in "أيد القرار
    150 بلدا" the verb's object is the resolution and 150 the countries for it, no resolution
    number.  (Both lists are in text order: one pass.)"""
    return _without_numbers_of(cues, _placed(ctx, tallies))


def _placed(ctx, tallies: Sequence[Claim]) -> list[tuple[int, int, Claim]]:
    """The tallies as (normalised start, normalised end, claim), in text order (start, end): made
    once for _without_tally_numbers and segment (each made its own: a paragraph of votes held
    both at once)."""
    return sorted(((_norm_offset(ctx, c.start), _norm_offset(ctx, c.end), c) for c in tallies),
                  key=lambda t: (t[0], t[1]))


def _without_numbers_of(cues: list[Cue], placed: list[tuple[int, int, Claim]]) -> list[Cue]:
    """_without_tally_numbers with the tallies placed (_placed)."""
    starts = [t[0] for t in placed]
    out = []
    for c in cues:
        if c.id == "resolution":
            k = bisect_left(starts, c.end)  # the tallies starting before the cue ends
            if k > 0 and placed[k - 1][1] > c.start:  # (the last of them: the greatest end of its start)
                continue
        out.append(c)
    return out


def _pieces(c: Claim) -> list[Claim]:
    """A tally figure the article states in several places (its headline and its body, this
    year's vote and last year's: "130 صوتا … وكانت قد اعتمدته العام الماضي بأغلبية 130 صوتا"),
    one claim per place in the body text, so that each place joins its own occurrence; the
    pieces of one occurrence are one claim again afterwards (mentions.merge_tallies).  Mentions
    in the front-matter headline stay with the first piece."""
    body = [m for m in c.mentions if m.field == "text"]
    if len(body) < 2:
        return [c]
    titles = [m for m in c.mentions if m.field != "text"]
    out = []
    for k, m in enumerate(body):
        ns, ne = c.number_start, c.number_end
        if (m.start, m.end) != (c.start, c.end) and ns is not None and ne is not None:
            shift = m.start - c.start
            ns, ne = (ns + shift, ne + shift) if m.surface == c.surface else (m.start, m.end)
        out.append(updated(c, {
            "start": m.start, "end": m.end, "surface": m.surface, "sentence": m.sentence,
            "field": m.field, "number_start": ns, "number_end": ne,
            "mentions": ([m] + titles) if k == 0 else [m]}))
    return out


def _dated_numbers(ctx, cues: list[Cue], vc: VoteCues) -> dict[str, str]:
    """Resolution numbers told with their own year right after them ("اعتمد القرار 1540 عام
    2004"), a year before the article's (or any year, in an article without one), or a month
    named as past ("القرار 2729 بشأن البعثة في أبريل الماضي"): a text of that year or month,
    recalled - never the day's unnumbered vote.  Number -> its year ("month": a past month)."""
    year = _document_year(ctx, ctx.text, cues)
    out: dict[str, str] = {}
    for k, c in enumerate(cues):
        if c.id != "resolution":
            continue
        _, s_hi = ctx.sentence_at(c.start)
        for y in cues[k + 1:k + 4]:
            if y.start - c.end > vc.rules.number_year_gap_chars or y.start >= s_hi:
                break
            if (y.id == "year" and (year is None or int(y.value) < year)) or y.id == "past_month":
                # ... or a month named as past ("كما حدث مع القرار 2729 في أبريل الماضي")
                out.setdefault(c.value, y.value if y.id == "year" else "month")
                break
    return out


def assign_vote_events(ctx, claims: list[Claim]) -> list[Claim]:
    """Claims with each tally's occurrence written into `event` (and period "event")."""
    vc = cues_for(ctx.rules.directory)
    kinds = set(vc.rules.tally_kinds)
    if not any(c.kind in kinds for c in claims):
        return claims
    origin: dict[int, int] = {}  # a piece's id -> its claim's id (a claim not split is its own)
    split = []
    for c in claims:
        for p in (_pieces(c) if c.kind in kinds else (c,)):
            if p is not c:
                origin[id(p)] = id(c)
            split.append(p)
    claims = split
    tallies = [c for c in claims if c.kind in kinds]
    if not tallies:
        return claims
    cues = [c for c in vc.find(ctx.text) if not ctx.in_furniture(c.start)]
    placed = _placed(ctx, tallies)
    cues = _without_numbers_of(cues, placed)
    occs = segment(ctx, tallies, vc, cues, placed)
    del placed
    descs = describe(ctx, occs, vc, cues)
    occs, descs = _merge_repeats(occs, descs)
    occs, descs = _fold_repeats(occs, descs, origin)
    numbers = {c.value for c in cues if c.id == "resolution"}
    # a number a past vote of the article names ("فرضت بالقرار 748 الذي تبناه المجلس عام 1992 بموافقة
    # 11 عضوا") is that vote's: the day's vote told without a number is another text
    past_numbers = {d["res"] for d in descs if d.get("res") and (d.get("past") or d.get("when"))}
    dated = _dated_numbers(ctx, cues, vc)
    past_numbers |= set(dated)
    # a number named by a past vote of another year, or dated in its sentence to another year or a
    # past month, is that time's text, never the article's only resolution for a vote of another
    # year ("فرض في 2018 بالقرار 2428 بتسعة أصوات، وأن التجديد التالي في 2019 حصل على عشرة
    # أصوات": the 2019 vote is another text)
    dated_by: dict[str, set[str]] = {n: {when} for n, when in dated.items()}
    for d in descs:
        if d.get("res") and d.get("past"):
            dated_by.setdefault(d["res"], set()).add(d["past"])
    only = _OnlyNumber(numbers, past_numbers, dated_by)
    for d in descs:
        if d.get("subj") in (None, "resolution") and not d.get("res") and not d["body"].startswith("ga"):
            res = only.of(d.get("past"), d.get("when"))
            if res is not None:
                d["res"] = res  # the article's only resolution
        if d.get("res"):
            d.pop("veto", None)  # a numbered resolution was adopted: a veto near it is another's
    bodies = {d["body"] for d in descs if d["body"]}
    for d in descs:  # an article about one body: its votes without a body are that body's
        if not d["body"] and len(bodies) == 1:
            d["body"] = next(iter(bodies))
    if _IN_PLACE:
        # the extractor's own claims (and the pieces made above), held by nothing else: each
        # tally's event written into it (a copy of every tally held beside its original was the
        # stage's peak in a paragraph of votes)
        for occ, fields in zip(occs, descs):
            event = format_event(fields)
            for _, _, c in occ.claims:
                inferred = [a for a in c.inferred if a not in ("event", "period")]
                set_fields(c, {"event": event, "period": "event", "inferred": inferred})
        return claims
    new: dict[int, Claim] = {}
    for occ, fields in zip(occs, descs):
        event = format_event(fields)
        for _, _, c in occ.claims:
            inferred = [a for a in c.inferred if a not in ("event", "period")]
            new[id(c)] = updated(c, {"event": event, "period": "event", "inferred": inferred})
    return [new.get(id(c), c) for c in claims]


class _OnlyNumber:
    """assign_vote_events: the one resolution number a vote told without one may take, if its
    pool holds one only.  The pool of a past vote ("past": its year, or "month") is the
    article's numbers not dated to another time (`dated_by`: number -> the times it is dated
    to); of a vote with a date of its own ("when"), all its numbers; of the day's vote, those no
    past vote names (`past_numbers`).

    The pools are made once per document, not once per vote: a paragraph of votes each naming a
    number of its own made a set of every number for each vote (quadratic: dense_votes at 4 MB,
    17,000 votes, spent 5 of its 36 CPU-s there).  `numbers` is read once."""

    __slots__ = ("_all", "_current", "_undated", "_dated_only")

    def __init__(self, numbers, past_numbers: set[str], dated_by: dict[str, set[str]]) -> None:
        every: list[str] = []
        current: list[str] = []
        undated: list[str] = []
        self._dated_only: dict[str, list[str]] = {}  # a time -> the numbers dated to it alone
        for n in numbers:
            every.append(n)
            if n not in past_numbers:
                current.append(n)
            times = dated_by.get(n)
            if not times:
                undated.append(n)
            elif len(times) == 1:
                self._dated_only.setdefault(next(iter(times)), []).append(n)
        self._all, self._current, self._undated = every, current, undated

    def of(self, past: Optional[str], when: Optional[str]) -> Optional[str]:
        """The pool's number if it holds one only, else None."""
        if past:
            dated = self._dated_only.get(past, ())
            if len(self._undated) + len(dated) != 1:
                return None
            return self._undated[0] if self._undated else dated[0]
        pool = self._all if when else self._current
        return pool[0] if len(pool) == 1 else None


# assign_vote_events writes each tally's event into the claim it is given (tests turn it off to
# compare with copies)
_IN_PLACE = True
