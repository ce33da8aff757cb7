"""One claim per figure: the same figure stated again in one document is a mention, not a claim.

An article gives its toll in the headline, the lead, a quote and a caption; it states one claim.
Claims of one document with the same kind, value, event and actor and the same kind of
qualifier (a point figure, a range, a vague "hundreds") merge into the first one, which keeps
its own fields and gains the other places in `mentions`, when their scopes are the same figure's:

- places: the same, or one inside the other ("14 قتيلا في غرب أفغانستان" and "14 شخصا قتلوا في
  هرات" are one figure; Herat and Kandahar are two, and so are a place and none: "5 أمريكيين"
  and "5 إيرانيين" of a swap);
- groups: the same, or the general one ("all") and any named group: a value stated for
  everyone and for a group ("29 قتيلا" … "29 طفلا") counts the same people; two named groups
  ("2 من الحراس" and "2 من الشرطة") and an item of a list of parts ("part:…") stay two, and so
  do a whole and a part said to be among it with a noun of its own ("قتل 14 شخصا … بين القتلى
  14 سائحا": `_named_part_of`), and so do a part named by a nationality ("بينهم 4 إيرانيين") and
  a figure counted with another noun ("4 من الصيادين": `_part_apart`);
- periods: the same, or a running total and an event's own toll ("cumulative" / "event"), or a
  running toll and a time window, a superseded toll or a projection of the same value (an
  outlet gives "27 قتيلا خلال 24 ساعة" and "27 قتيلا"), or a count since a start and the same
  figure without a period of its own (either first: a headline's toll over its lead), or two
  counts since one start named by its month and by a day of it ("منذ ديسمبر" / "منذ أواخر
  ديسمبر"), or one
  day's count ("day:first") and the same figure read as a running toll (the merged claim is the
  day's count); two different windows stay two;
- events: the same, or one unnamed ("390 أسيرا" and "390 أسيرا في المرحلة الأولى"), or one known
  only by its own length ("length:30", rules/kinds/duration_lasting.yaml: "لمدة 30 يوما" after
  "هدنة لثلاثين يوما"), which gives way to the named one;
- never two figures of one sentence: a list item opened by "و" ("16 في المطار و16 في المحطة") or
  the other side of an exchange with its own noun ("35 أوكرانيا … 35 شخصا") is a figure of its own;
- vote tallies only with the same event, group, place and period; once their votes are assigned
  (crosscheck.extract.vote_events), `merge_tallies` folds a tally figure stated twice for ONE vote
  ("بأغلبية 14 صوتا" … "وصوت لصالحه 14 عضوا") into its first statement.
The merged claim is the whole toll: a window or a named group gives way to the running period
and the general group of a later mention (`_widen`); a group named "<kind>:<which>" (a
nationality, a part named by its noun) is more specific than a mention read without a group and
is kept ("30 بريطانيا" over "30 من مواطنيها").

Different values and scopes stay separate claims.  One pass over the claims of a document: a
figure is looked up by its exact scope first, then compared with at most `_SCAN` earlier claims
of the same kind and value.
"""

from __future__ import annotations

from typing import AbstractSet, Callable, Hashable, Sequence

from crosscheck.models import Claim, Mention
from crosscheck.text.normalize import normalize_word

# (place, other place) -> is one inside the other (either way)
Nested = Callable[[str, str], bool]

_SCAN = 16  # earlier claims of one kind and value compared with a new one (keeps a pass linear)
_RUNNING = frozenset({"cumulative", "event", None})
# a tally belongs to its vote, which is known only after merging (vote_events): never relaxed
VOTE_KINDS = frozenset({"votes_for", "votes_against", "abstentions", "vetoes", "resolution_number", "vote_position"})


def _shape(c: Claim) -> tuple:
    # (the fields read from the claim's __dict__, where a model keeps them: each attribute read
    # of a pydantic model takes its class's __getattr__ hook, ~300 machine instructions, and the
    # merger asks a dense text's every claim for its shape and key)
    d = c.__dict__
    q = d["qualifier"]
    shape = q if q in ("range", "vague") else "point"
    high = d["high"] if shape == "range" else None  # a range is its two ends
    return (d["kind"], d["value"], high, shape, d["actor"])


def _key(c: Claim) -> Hashable:
    d = c.__dict__
    return (_shape(c), d["event"], d["group"], d["location"], d["period"])


def merge_key(c: Claim) -> Hashable:
    """What MentionMerger looks a claim up by first: a claim added after one of the same key
    and start folds into the same figure and brings no new mention."""
    return _key(c)


# Groups an article may name a whole toll by ("13 قتيلا" … "13 جنديا"); children, women, medics or
# journalists are counted as parts of a toll ("بينهم 20 امرأة"), so their figure is never the
# total's even when the values match.
_WHOLE_GROUPS = frozenset({"soldiers", "civilians"})


def _groups_agree(a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    general = ("all", None)
    return (a in general and b in _WHOLE_GROUPS) or (b in general and a in _WHOLE_GROUPS)


_GENERAL = frozenset({"all", None})


def _groups_agree_loose(a: str | None, b: str | None) -> bool:
    """A figure stated once for everyone and once for a group is one figure when its value is
    the same ("29 قتيلا" … "29 طفلا"): every one counted is of the group.  Two different groups
    stay two ("2 من الحراس" and "2 من الشرطة"), and an item of a list of parts ("part:…": "34 في
    الهند واثنان في بنغلاديش") is never a whole."""
    if a == b:
        return True
    if (a or "").startswith("part") or (b or "").startswith("part"):
        return False
    if a in _GENERAL or b in _GENERAL:
        return True
    # a part named by its noun and the same part named barely ("subset:X" / "subset")
    return a is not None and b is not None and (a == "subset" and b.startswith("subset") or b == "subset" and a.startswith("subset"))


def _named_part_of(part: Claim, whole: Claim) -> bool:
    """Is `part` a part named by its own noun ("بين القتلى 14 سائحا": "subset:<noun>") and
    `whole` the general figure counted with another noun ("قتل 14 شخصا")?  Then the two are a
    whole and its part, two claims even when the values match.  The same noun ("26 قطريا" over
    "هم 26 قطريا") or a bare figure restates the part."""
    if not (part.group or "").startswith("subset:") or whole.group not in _GENERAL:
        return False
    np, nw = _noun_of(part.surface), _noun_of(whole.surface)
    # compared in their matching forms ("شهيدًا" and "شهيدا" are one noun)
    return bool(np) and bool(nw) and normalize_word(np) != normalize_word(nw)


def _part_apart(part: Claim, other: Claim, parts: AbstractSet[int]) -> bool:
    """Is `part` a part of a toll named by a nationality ("بينهم 4 إيرانيين": its start in
    `parts`) and `other` a figure of another group counted with another noun ("4 من
    الصيادين")?  Then they are two figures, as a part named by its noun and a whole are
    (`_named_part_of`); the part's own group, a bare figure ("4") or the same noun restate it.
    A nationality read from the counted noun alone ("مقتل 73 سعوديا" under "73 قتيلا") is no
    part: it stays a mention of the toll."""
    if part.field != "text" or part.start not in parts or part.group == other.group:
        return False
    np, no = _noun_of(part.surface), _noun_of(other.surface)
    return bool(np) and bool(no) and normalize_word(np) != normalize_word(no)


def _named_by_prefix(group: str | None) -> bool:
    """A group named as "<kind>:<which>" ("nationals:united_kingdom"): more specific than any
    general reading of the same figure."""
    return group is not None and ":" in group


def _events_agree(a: str | None, b: str | None) -> bool:
    return a == b or a is None or b is None or _length_only(a) or _length_only(b)


def _length_only(event: str | None) -> bool:
    """A length whose event is only its own value ("length:30": what lasted was not named)."""
    return event is not None and event.startswith("length:")


def _places_agree(a: str | None, b: str | None, nested: Nested | None) -> bool:
    if a == b:
        return True
    return a is not None and b is not None and nested is not None and nested(a, b)


def _listed_next(a: Claim, b: Claim, text: str | None) -> bool:
    """Is b the next item of a list after a mention of a ("خمسة ألمان وخمسة أطفال", "5 أشخاص
    و5 أطفال": a space and "و" between them)?  Two counts listed so are two, whatever their
    values.  Only the one or two characters between them are read, from the document's text
    (a bounded test: never a search of the sentence)."""
    last = a.mentions[-1] if a.mentions else a
    if last.field != b.field:
        return False
    gap = b.start - last.end
    if gap == 1:
        return b.surface.startswith("و")
    return gap == 2 and text is not None and last.field == "text" and text[last.end:b.start] == " و"


def same_figure(a: Claim, b: Claim, nested: Nested | None = None, headline: bool = False) -> bool:
    """Are two claims of one document (same kind, value, event, actor, qualifier shape) mentions
    of one figure?  With `headline` (one of them stands in the article's headline), places do not
    tell them apart: a headline adds the place its lead leaves to the sentence before ("نحو 16 ألف
    نازح في المدينة" over "… نحو 16 ألفا"), or names the country where the lead names the town,
    or its place is read from another clause of the headline ("النازحون في البلد أ يتراجعون..
    والبلد ب يستقبل 9 آلاف"); the headline sums up its body, so the body's figure of the same
    kind and value is the headline's.  Nor does a headline's window ("194 قتيلا في يومين") tell
    it apart from the lead's count since a start ("194 مدنيا قتلوا منذ مساء الأحد")."""
    if _shape(a) != _shape(b):
        return False
    if a.kind in VOTE_KINDS:
        return (a.event, a.group, a.location, a.period) == (b.event, b.group, b.location, b.period)
    return (
        (_events_agree(a.event, b.event) or (headline and _extension_of(a.event, b.event)))
        and (_periods_agree(a.period, b.period) or (headline and _window_and_start(a.period, b.period)))
        and _groups_agree_loose(a.group, b.group)
        and not _named_part_of(a, b) and not _named_part_of(b, a)
        and (headline or _places_agree(a.location, b.location, nested))
    )


def _extension_of(a: str | None, b: str | None) -> bool:
    """An event and its extension ("truce" / "truce:extension"): a headline's "تمدد الهدنة 180
    يوما" is the body's "180 يوما إضافية", the verb of extending said once."""
    return a is not None and b is not None and (a == f"{b}{_EXTENSION}" or b == f"{a}{_EXTENSION}")


_EXTENSION = ":extension"


def _window_and_start(a: str | None, b: str | None) -> bool:
    """A time window and a count since a start: the same days told two ways."""
    return (_is_window(a) and b is not None and b.startswith("since:")) or (
        _is_window(b) and a is not None and a.startswith("since:"))


# readings of a figure that name the same count when the article states its value again as a
# running toll: a time window ("خلال الساعات الـ24 الماضية"), a toll later raised, a projection
_NARROW = frozenset({"superseded", "projection", "daily"})


def _periods_agree(a: str | None, b: str | None) -> bool:
    if a == b or (a in _RUNNING and b in _RUNNING) or _restated(a, b) or _restated(b, a) or _same_start(a, b):
        return True
    if (_is_day(a) and b in _RUNNING) or (_is_day(b) and a in _RUNNING):
        return True  # "47 قتيلا في اليوم الأول للهدنة" over its lead's "مقتل 47 شخصا": that day's count
    return (a in _RUNNING and (_is_window(b) or b in _NARROW)) or (b in _RUNNING and (_is_window(a) or a in _NARROW))


def _restated(first: str | None, later: str | None) -> bool:
    """A count since a start ("537 وفاة منذ بداية العام") restated later with no period of its own
    ("537 وفاة في بلد واحد رقم يدعونا إلى التحرك"): the later mention names the same figure; so
    does a headline's verb-less figure ("28 شهيدا في غارات على القطاع") over the lead that gives
    its start ("ارتفع عدد الشهداء منذ مساء الاثنين إلى 28")."""
    return first is not None and first.startswith("since:") and later in _RUNNING


def _same_start(a: str | None, b: str | None) -> bool:
    """Two counts since a start, one named by its month and one by a day of that month ("منذ
    ديسمبر" / "منذ أواخر ديسمبر", "منذ يناير" / "منذ مطلع العام": "since:--12" / "since:--12-25"):
    the headline's coarser start and the lead's finer one name the same figure."""
    if a is None or b is None or not (a.startswith("since:") and b.startswith("since:")):
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return long_.startswith(short + "-")


def _is_day(period: str | None) -> bool:
    """One day's count ("day:first", "day:saturday": rules/periods.yaml)."""
    return period is not None and period.startswith("day:")


def _is_window(period: str | None) -> bool:
    return period is not None and (period.startswith("last_") or period == "daily")


def _widen(kept: Claim, later: Claim) -> None:
    """A figure stated once in a narrow reading (a time window, a group) and once as a whole toll
    is the whole toll: the merged claim takes the running period and the general group, so it
    compares with other outlets' tolls of the same figure.  A superseded figure restated ("كان
    27 صباحا") and a projection keep their reading."""
    if _length_only(kept.event) and later.event is not None and not _length_only(later.event):
        kept.event = later.event  # "لمدة 30 يوما" then "هدنة لثلاثين يوما": the truce's length
    elif later.event is not None and later.event.endswith(_EXTENSION) and kept.event == later.event[:-len(_EXTENSION)]:
        kept.event = later.event  # a headline's extension said without "إضافية": the body's reading
    if _is_window(kept.period) and later.period in _RUNNING:
        kept.period = later.period
    elif kept.period == "event" and later.period == "cumulative" and kept.kind in _TOLL_KINDS:
        # "28 ضحية في انفجار الخزان" then "ارتفع عدد الضحايا إلى 28 قتيلا": the toll, running
        kept.period = later.period
    elif _is_day(later.period) and kept.period in _RUNNING:
        # "146 قتيلا في يوم العيد" then "146 شخصا في اليوم الأول من الهدنة": the article says
        # whose day the toll is
        kept.period = later.period
    if (kept.group not in _GENERAL and kept.group not in _WHOLE_GROUPS and later.group in _GENERAL
            and not (kept.group or "").startswith("part") and not _named_by_prefix(kept.group)):
        # a headline's "30 بريطانيا" over its lead's "30 من مواطنيها" (no group read) stays the
        # nationals' figure: the more specific group is kept
        kept.group = later.group


_TOLL_KINDS = frozenset({"killed", "injured", "missing"})  # an event's toll is the running toll
_FIELDS_SET = {"start", "end", "surface", "sentence", "field"}  # what mention_of sets, shared by every Mention


# mention_of validates each Mention (tests turn it on to compare with the unvalidated build)
_VALIDATE_MENTIONS = False
_set = object.__setattr__


def mention_of(c: Claim) -> Mention:
    """The claim's own place as a Mention.  Its fields are the claim's, already typed, so it is
    built without validation: each field set as an attribute, which keeps them in the instance's
    inline values (keys shared by every Mention, ~145 B a mention) instead of a dict of its own
    (~270 B); `__dict__` is made from them when read (model_dump, ==, copies, pickle)."""
    if _VALIDATE_MENTIONS:
        m = Mention(start=c.start, end=c.end, surface=c.surface, sentence=c.sentence, field=c.field)
        _set(m, "__pydantic_fields_set__", _FIELDS_SET)  # not a 216-byte set per mention
        return m
    m = _new_mention(Mention)
    d = c.__dict__  # (the claim's fields, each read without the model's attribute hook: see _shape)
    _set(m, "start", d["start"])
    _set(m, "end", d["end"])
    _set(m, "surface", d["surface"])
    _set(m, "sentence", d["sentence"])
    _set(m, "field", d["field"])
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    _set(m, "__pydantic_fields_set__", _FIELDS_SET)
    return m


_new_mention = Mention.__new__


class MentionMerger:
    """merge_mentions one claim at a time: `add` the claims of ONE document in text order, read
    `out` at the end.  A claim folded into an earlier one is not kept (only its Mention is), so a
    text that repeats a figure many times holds one claim per distinct figure, not one per
    repetition.

    `add(c, rank)`: `ranks[i]` is the rank the claim `out[i]` was added with (the extractor's
    queue sequence: `ordered()` gives `out` in a defined order, whatever order it arrived in)."""

    __slots__ = ("nested", "text", "first", "by_shape", "starts", "out", "ranks", "head_end", "parts")

    def __init__(self, nested: Nested | None = None, text: str | None = None,
                 parts: AbstractSet[int] | None = None) -> None:
        self.nested = nested
        self.text = text  # the document's text, where the claims' offsets point
        # where the text's parts of a toll named by a nationality start ("بينهم 4 إيرانيين"; the
        # extractor fills it as it makes them): `_part_apart`
        self.parts = parts
        # where the text's first line, its headline, ends (-1: no short first line)
        nl = text.find("\n") if text else -1
        self.head_end = nl if 0 < nl <= _HEADLINE_MAX else -1
        self.first: dict[Hashable, Claim] = {}
        self.by_shape: dict[Hashable, list[Claim]] = {}
        # the places of the mentions of a claim another has been folded into, by the claim's id
        # (a mention's place is (field, start): a headline's and a body's may share an offset);
        # made at its first fold: a claim stated once, most of a dense text's, holds no set
        self.starts: dict[int, set[tuple[str, int]]] = {}
        self.out: list[Claim] = []
        self.ranks: list[int] = []

    def ordered(self) -> list[Claim]:
        """`out` in document order: by start, end, kind, then the rank each claim was added with
        (a total order: independent of the order the claims arrived in)."""
        out, ranks = self.out, self.ranks
        # (the fields from each claim's __dict__: see _shape)
        dicts = [c.__dict__ for c in out]
        order = sorted(range(len(out)), key=lambda i: (dicts[i]["start"], dicts[i]["end"], dicts[i]["kind"], ranks[i]))
        return [out[i] for i in order]

    def _in_headline(self, c: Claim) -> bool:
        """Does the claim's first mention stand in the headline (a title field, or the text's
        short first line)?"""
        m = c.mentions[0] if c.mentions else c
        return m.field == "title" or (m.field == "text" and 0 <= m.start < self.head_end)

    def add(self, c: Claim, rank: int = 0) -> None:
        first, by_shape = self.first, self.by_shape
        here = list(c.mentions) or [mention_of(c)]
        shape = _shape(c)
        d = c.__dict__
        k = (shape, d["event"], d["group"], d["location"], d["period"])  # (_key(c))
        kept = first.get(k)
        if kept is None and d["kind"] not in VOTE_KINDS:
            # the same figure stated with a related scope ("في هرات" after "في أفغانستان"); a
            # vote kind's same figure is one of its key (same_figure), which `first` would have
            # given: every claim listed by shape has its key there, and a vote kind's fields
            # are never widened
            mine = self._in_headline(c)
            for cand in by_shape.get(shape, ())[:_SCAN]:
                headline = mine or self._in_headline(cand)
                if (same_figure(cand, c, self.nested, headline) and not _listed_next(cand, c, self.text)
                        and not (self.parts and (_part_apart(cand, c, self.parts) or _part_apart(c, cand, self.parts)))):
                    kept = first[k] = cand
                    break
        if kept is not None and _same_sentence(kept, c, self.text):
            # "قتل 16 شخصا في المطار و16 في المحطة", "أفرجت موسكو عن 35 … وسلمت كييف 35": one
            # sentence stating a value twice states two figures (the first stays the one later
            # mentions fold into)
            c.mentions = here
            by_shape.setdefault(shape, []).append(c)
            self.out.append(c)
            self.ranks.append(rank)
            return
        if kept is None:
            c.mentions = here
            first[k] = c
            by_shape.setdefault(shape, []).append(c)
            self.out.append(c)
            self.ranks.append(rank)
            return
        claim = kept
        # the starts it has, as a set: a figure repeated 10,000 times stays linear (its mentions
        # change only here, so the set made from them at the first fold is the one they keep)
        starts = self.starts.get(id(claim))
        if starts is None:
            starts = self.starts[id(claim)] = {(m.field, m.start) for m in claim.mentions}
        if claim.kind not in VOTE_KINDS:
            _widen(claim, c)
        for m in here:
            if (m.field, m.start) not in starts:
                starts.add((m.field, m.start))
                claim.mentions.append(m)


def _same_sentence(a: Claim, b: Claim, text: str | None) -> bool:
    """Is b a second figure of the sentence of a's last mention: the next item of a list, opened
    by "و" ("16 شخصا في المطار و16 في المحطة"), or the other side of an exchange with a counted
    noun of its own?  Never a vote kind (a tally said twice for one vote is folded by
    merge_tallies) nor an untyped figure.  "The same sentence": the same sentence text within one
    sentence's length of it (a headline repeated as the lead is a copy, further away).  Only the
    one or two characters before b and the two surfaces are read (bounded)."""
    if a.kind in VOTE_KINDS or a.kind == "other" or text is None or b.field != "text":
        return False
    last = a.mentions[-1] if a.mentions else a
    if not (
        last.field == b.field and last.start < b.start and b.start - last.start < len(b.sentence)
        and last.sentence == b.sentence  # (compared last: the cheap tests above rule most out)
    ):
        return False
    if text[b.start - 1 : b.start] == "و" or text[b.start - 2 : b.start] == "و ":
        return True
    # ... or two counts of an exchange, each with its own counted noun ("أفرجت موسكو عن 35
    # أوكرانيا، فيما سلمت كييف 35 شخصا", "خمسة أمريكيين مقابل خمسة إيرانيين"); a bare figure
    # restating one ("جنديين …، في صفقة وصفت بأنها 32 مقابل 2") is a mention
    nb, na = _noun_of(b.surface), _noun_of(last.surface)
    return bool(nb) and bool(na) and nb != na


def _noun_of(surface: str) -> str:
    """The last word of a mention's surface when it is a word after its number ("35 أوكرانيا" ->
    "أوكرانيا", "خمسة إيرانيين" -> "إيرانيين"); "" for a figure of one word ("35", "خمسة")."""
    words = surface.split()
    if len(words) < 2 or any(ch.isdigit() for ch in words[-1]):
        return ""
    return words[-1]


_HEADLINE_MAX = 200  # characters: a first line longer than this is a paragraph, not a headline


def merge_mentions(claims: Sequence[Claim], nested: Nested | None = None, text: str | None = None) -> list[Claim]:
    """The claims of ONE document (in text order), repeated figures folded into their first.
    `nested(p, q)`: is place p inside q or q inside p (from the gazetteer); `text`: the
    document's text."""
    merger = MentionMerger(nested, text)
    for c in claims:
        merger.add(c)
    return merger.out


_TALLIES = frozenset({"votes_for", "votes_against", "abstentions"})


def merge_tallies(claims: Sequence[Claim]) -> list[Claim]:
    """The claims of ONE document after their votes are assigned: a tally figure given again for
    the same vote (same kind, value, qualifier shape, event, group, place and period) is a
    mention of the first, not a second claim.  Two votes keep their own figures (their events
    differ: "n=1", "n=2").  One pass, a dict lookup per tally claim."""
    # a place is (field, start): a headline's mention and a body's may start at the same offset
    first: dict[Hashable, Claim] = {}
    # the places of a kept claim's mentions, made at its first fold (as MentionMerger's): a
    # paragraph of votes states nearly every tally once, and a set for each was this stage's peak
    starts_of: dict[Hashable, set[tuple[str, int]]] = {}
    out: list[Claim] = []
    for c in claims:
        if c.kind not in _TALLIES:
            out.append(c)
            continue
        k = _key(c)
        claim = first.get(k)
        if claim is None:
            first[k] = c
            out.append(c)
            continue
        starts = starts_of.get(k)
        if starts is None:
            starts = starts_of[k] = {(m.field, m.start) for m in claim.mentions} or {(claim.field, claim.start)}
        for m in c.mentions or [mention_of(c)]:
            if (m.field, m.start) not in starts:
                starts.add((m.field, m.start))
                claim.mentions.append(m)
    return out
