"""One vote told by several articles: link the vote occurrences of different documents.

crosscheck.extract.vote_events cuts each article's tally figures into occurrences and writes each
into its claims' `event` ("vote:body=sc;subj=draft;by=russia;n=2").  Here the occurrences of
all documents are linked into votes, and every tally claim's event becomes its vote's key
("vote:body=sc;res=2623" or "vote:body=sc;date=2023-07-11;subj=draft;by=brazil+switzerland"), so
grouping compares exactly the figures of one vote: 13 against 12 for the same draft is a
conflict, 13 for one draft and 12 for another never meet.

Two occurrences may be the same vote only when nothing tells them apart: another article (two
votes of one article are two votes), the same body, no two different resolution numbers, both
amendments or neither, no disjoint sponsors, no veto cast by the draft's own sponsor (a veto an
occurrence reads as its own sponsor's is a rival draft's, and is dropped: `Occ`), a
resolution number never on a vetoed draft, dates that overlap (a date named by a relative word is
exact; otherwise the vote is at most `undated_window_days` before its article; a past vote keeps
its year, and its month when its sentence names one: "في مارس/آذار 2022").  Without sponsors or a veto, a draft, a resolution and an unnamed
text of one body are one text told two ways.  Among the compatible votes an occurrence joins the one it shares the most with
(resolution number, sponsors, a subject both name, the day one pins and the other meets:
`_same_day`); when two tie it stays apart.  A resolution number that looks like a year
("القرار 1929") is no past year of its vote.  A tally the
name of its text cuts in two within one sentence is read as one occurrence first
(`rejoin_split_tallies`).  One body's
occurrences of one day are one vote even when only one names sponsors: one pinned to the day
by a relative word ("مساء الخميس"), the other pinned to it too or told without a day by an
article published that day (`Occ.day`).  Past votes of
one body are the same vote only with a shared sponsor or the same named month.

Figures link only where they are distinctive (`twins`, `strangers`): two tallies giving two
figures of 10 or more alike ("93 for … 58 abstaining") are one vote whatever sponsor, veto or
past year the words around one of them were read to name - a General Assembly tally is near
unique, and real articles list voters after the text ("رفضت القرار أيضا …") or name an older text
beside it; two tallies differing in most of their distinctive figures, one pair far apart (137 /
12 / 17 and 107 / 12 / 59), are two votes even when nothing else tells them apart.  Small
figures (a Council's 13 / 0 / 2) never link or part votes.

Two resolution numbers that differ only by two adjacent digits swapped (2774 / 2747) do not tell
two votes apart: the Security Council adopts a few dozen resolutions a year, so numbers that far
apart are never both adopted within the days two overlapping votes span - one of them is a
slip, and the vote is named by the number most of its articles give.  Numbers one apart (2727 /
2728, often adopted the same day) stay two votes.

A later vote of a sentence whose own words date it ("بعد أن أيده 111 عضوا في اللجنة الشهر
الماضي": the event's `when`, crosscheck.extract.vote_events) stands in that month or year before
its article (`_when_span`), not at the day a relative word of the sentence names.

A numbered resolution is adopted once: an occurrence naming its number later than the first
report naming it takes that report's days (`pin_numbered`: "وكان القرار 2756، الذي اعتمد قبل
عام، قد حظي بتأييد 12 عضوا" a year on is that vote, beside its unnumbered reports).  A past vote
named with its month ("في كانون الأول/ديسمبر 2016", or "في كانون الأول الماضي": the last such
month before the article) is the vote a report of that month tells on the same subject.
Amendments and drafts numbered by an ordinal ("التعديل الأول" / "التعديل الثاني",
crosscheck.extract.vote_events `ord`) are two votes when the ordinals differ and meet by them.

An undated vote (no date in its article's metadata or text, not a past vote) could have been
held on any day: it is read after every dated vote and may join one of its body, when the body
has at most `undated_link_max_votes` dated votes (more, and it could be any of them: it stays
apart, and the work stays linear).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional, Sequence

from crosscheck.extract.vote_events import format_event, parse_event
from crosscheck.models import Claim
from crosscheck.ruleset.vote_rules import vote_rules
from crosscheck.text.normalize import normalize_sentence

_FAR_PAST = date(1900, 1, 1)
_FAR_FUTURE = date(2999, 12, 31)


@dataclass
class Occ:
    doc: str
    fields: dict[str, str]
    members: list[int] = field(default_factory=list)  # indexes of its claims
    lo: date = _FAR_PAST
    hi: date = _FAR_FUTURE
    exact: Optional[date] = None

    def __post_init__(self) -> None:
        # A sponsor never vetoes its own draft: a veto read as cast by the draft's own sponsor
        # is the veto of a rival draft told in the same sentence ("أيدته 5 دول، في حين سقط
        # المشروع الأميركي بالفيتو الروسي"), so it tells nothing about this vote.
        if self.fields.get("veto") and self.sponsors & self.vetoers:
            self.fields = {k: v for k, v in self.fields.items() if k != "veto"}
        # A resolution number that looks like a year ("القرار 1929", "القرار 2024") is no year of
        # a past vote: the number names the text, the vote is today's.
        if self.fields.get("past") and self.fields.get("past") == self.fields.get("res"):
            self.fields = {k: v for k, v in self.fields.items() if k != "past"}

    def get(self, k: str) -> str:
        return self.fields.get(k, "")

    @property
    def month(self) -> bool:
        """A past vote whose month is named ("في مارس/آذار 2022"): its dates span one month."""
        return bool(self.get("past")) and (self.hi - self.lo).days < 31

    @property
    def day(self) -> Optional[date]:
        """The day the vote is known to stand at: the day a relative word names, else (a vote of
        today's news, not a past one) the day of its article's first publication."""
        if self.exact is not None:
            return self.exact
        if self.get("past") or self.lo == _FAR_PAST or self.hi == _FAR_FUTURE:
            return None
        return self.hi

    @property
    def sponsors(self) -> set[str]:
        return set(filter(None, self.get("by").split("+")))

    @property
    def vetoers(self) -> set[str]:
        return set(filter(None, self.get("veto").split("+"))) - {"yes"}

    @property
    def undated(self) -> bool:
        """Nothing dates it: any day is possible (a past vote has its own keys)."""
        return not self.get("past") and self.lo == _FAR_PAST and self.hi == _FAR_FUTURE

    @property
    def specificity(self) -> tuple:
        # an undated vote whose own words name its month ("الذي اعتمد في يناير"), though no year
        # dates it, is read before one naming none: its figures find their vote first
        return (self.undated, self.undated and not self.get("when"), not self.get("res"), not self.get("by"),
                self.exact is None, self.doc, self.get("n"))


def _iso(v: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(v[:10]) if v else None
    except ValueError:
        return None


def month_taken(occs, claims: Sequence[Claim]) -> frozenset:
    """(source, sentence) pairs where an occurrence of the sentence is dated by its own words
    (`when`: "لم يتجاوز عدد مؤيديه في اللجنة الشهر الماضي 76 دولة"): the sentence's "last month"
    is that occurrence's, not another's (`_recalled_span`).  One pass over the claims."""
    return frozenset((o.doc, claims[i].sentence) for o in occs if o.get("when") for i in o.members)


def _dates(occ: Occ, claims: Sequence[Claim], window: int, slack: int, taken: frozenset = frozenset(),
           recalled_window: Optional[int] = None) -> None:
    rel = [d for i in occ.members if claims[i].as_of_from == "relative" and (d := _iso(claims[i].as_of))]
    docd = [d for i in occ.members if (d := _iso(claims[i].as_of))]
    past = occ.get("past")
    if past.isdigit():
        occ.lo, occ.hi = date(int(past), 1, 1), date(int(past), 12, 31)
        month = _past_month(occ, claims, int(past))
        if month is not None:  # "في مارس/آذار 2022": that month's vote, not October's
            occ.lo, occ.hi = _month_span(int(past), month)
        return
    when = occ.get("when")
    if len(when) == 5 and when[0] == "y" and when[1:].isdigit():
        # an undated article's vote whose own words name its year ("تبناه المجلس عام 2010")
        occ.lo, occ.hi = date(int(when[1:]), 1, 1), date(int(when[1:]), 12, 31)
        return
    if when and docd:  # a later vote of its sentence, held when its own words say
        span = _when_span(when, min(docd), slack)
        if span is not None:
            occ.lo, occ.hi = span
            return
    if rel:  # a relative word ("أمس", "يوم الثلاثاء") read a day or two off still holds
        occ.exact = min(rel)
        occ.lo, occ.hi = occ.exact - timedelta(days=slack), max(rel) + timedelta(days=slack)
    elif docd:  # copies of one article: its first publication
        occ.hi = min(docd)
        occ.lo = occ.hi - timedelta(days=window)
        recalled = None if past else _recalled_span(occ, claims, occ.hi, taken)
        if recalled is not None:  # "وفي العام الماضي، أيد القرار 189 بلدا": last year's vote
            occ.lo, occ.hi = recalled
        elif not past and recalled_window is not None and recalled_window > window and _opens_pluperfect(
                {claims[i].sentence for i in occ.members if claims[i].sentence}):
            occ.lo = occ.hi - timedelta(days=recalled_window)  # "وكانت الجمعية قد دانت …": weeks before
    if past == "yes" and docd:
        last = _last_month_named(occ, claims, min(docd))
        if last is not None:  # "في كانون الأول الماضي" in July: that December's vote
            occ.lo, occ.hi = last
            occ.exact = None
            return
    if past:  # "في يناير الماضي": some time before the article, not within its days
        occ.hi = occ.lo - timedelta(days=1) if docd else _FAR_FUTURE
        occ.lo = _FAR_PAST
        occ.exact = None


@lru_cache(maxsize=8)
def _cues_at(directory: str) -> dict:
    """rules/vote_events.yaml's `last_month` ("الشهر الماضي") and `recall` ("بعد أن") cues,
    compiled once per rules directory (None for a cue the rules leave out)."""
    from crosscheck.util import regex_cache

    from crosscheck.ruleset.vote_rules import spelled

    out = {}
    for cid in ("last_month", "recall", "pluperfect"):
        pats = [spelled(p) for c in vote_rules(directory).cues if c.id == cid for p in c.patterns]
        out[cid] = regex_cache.compile("|".join(f"(?:{p})" for p in pats)) if pats else None
    return out


def _opens_pluperfect(sentences: set[str]) -> bool:
    """Does a sentence of an occurrence open in the pluperfect (rules/vote_events.yaml
    `pluperfect`: "وكانت الجمعية العامة قد دانت الغزو بأغلبية 108 أصوات")?  Its tally is a vote
    the article recalls.  Reads each sentence's opening only."""
    from crosscheck.ruleset.resources import resolved, rules_dir

    cue = _cues_at(resolved(rules_dir()))["pluperfect"]
    return cue is not None and any(cue.match(normalize_sentence(s).text) for s in sentences)


def _says_last_month(sentences: set[str]) -> bool:
    """Does a sentence of an occurrence say "last month" of its figures, with no recalled step
    ("بعد أن", rules/vote_events.yaml `recall`) before it ("بأغلبية 122 صوتا، بعد أن كانت اللجنة
    قد أوصت به الشهر الماضي": the committee's month, not this vote's)?  Reads only the sentences
    (compact claim rows carry no offsets within them), normalised once (shared with the other
    readers of a sentence: `normalize_sentence`)."""
    from crosscheck.ruleset.resources import resolved, rules_dir

    cues = _cues_at(resolved(rules_dir()))
    last, recall = cues["last_month"], cues["recall"]
    if last is None:
        return False
    for s in sentences:
        text = normalize_sentence(s).text
        m = last.search(text)
        if m is not None and (recall is None or recall.search(text, 0, m.start()) is None):
            return True
    return False


def _recalled_span(occ: Occ, claims: Sequence[Claim], published: date,
                   taken: frozenset = frozenset()) -> Optional[tuple[date, date]]:
    """The days of an earlier vote an article recalls beside its news: "last month" in the tally's
    sentence (the month before the article's), "last year" (that year, or its one named month), or the one month its sentences name when that
    month ended before the article's ("حين صوتت 137 دولة في شباط/فبراير" in August).  None when
    the sentences say neither (the vote is the article's own).  A sentence that says both, whose
    "last month" another occurrence of it took (`taken`, `month_taken`: "حصل النص في العام الماضي
    على تأييد 81 دولة ..., بينما لم يتجاوز عدد مؤيديه في اللجنة الشهر الماضي 76"), dates this one
    by its last year."""
    from crosscheck.reconcile.dating import date_rules
    from crosscheck.text.dates import months_named, names_last_year

    rules = date_rules()
    sentences = {claims[i].sentence for i in occ.members if claims[i].sentence}
    month_elsewhere = bool(sentences) and all((occ.doc, s) in taken for s in sentences) and any(
        names_last_year(s, rules) for s in sentences)
    if not month_elsewhere and _says_last_month(sentences):
        # "وكان القرار قد نال في اللجنة الشهر الماضي تأييد 131 عضوا": the month before the article's
        return _when_span("m-1", published)
    months: set[int] = set()
    for s in sentences:
        months |= months_named(s, rules, not_after=published.year)
    month = next(iter(months)) if len(months) == 1 else None
    if any(names_last_year(s, rules) for s in sentences):
        year = published.year - 1
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
    elif month is not None and month < published.month - 1:
        year = published.year
    elif month is not None and month == published.month - 1:
        # the month before the article's ("أقرت اللجنة المشروع في نوفمبر" on 31 December): that
        # month or the article's own days (a vote of late November told early in December)
        return date(published.year, month, 1), published
    else:
        return None
    return _month_span(year, month)


def _when_span(when: str, published: date, slack: int = 2) -> Optional[tuple[date, date]]:
    """The days of a vote its article dates by its own words (crosscheck.extract.vote_events
    `_when`): "m-1" the month before the article's, "y-1" the year before, "m11" the last
    November before it (the article's own month: its days up to the article), "d-9" nine days
    before it (give or take `slack` days, or an eighth of the count: "d-60" two months back).  "y2010" (an undated article's vote named with its
    year) is read in `_dates`, without the article's day."""
    if when.startswith("d-") and when[2:].isdigit():  # "بعد تسعة أيام من …": that day, give or take
        days = int(when[2:])
        day = published - timedelta(days=days)
        # a count of months ("بعد نحو شهرين من", 60 days) is a month's length or so off either way;
        # a count of years ("بعد نحو عام على اعتماد", 365) a season either way (a year is said of
        # 9 to 15 months)
        # ("بعد شهرين" is said of seven weeks as of nine: a quarter of a count of a month or more)
        slack = max(slack, days // 8 if days < 30 else days // 4)
        return day - timedelta(days=slack), day + timedelta(days=slack)
    if when == "y-1":
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
    if when == "m-1":
        month, year = (published.month - 1, published.year) if published.month > 1 else (12, published.year - 1)
        return _month_span(year, month)
    if when.startswith("m") and when[1:].isdigit():
        month = int(when[1:])
        if not 1 <= month <= 12:
            return None
        if month == published.month:
            return date(published.year, month, 1), published
        year = published.year if month < published.month else published.year - 1
        return _month_span(year, month)
    return None


def _month_span(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _last_month_named(occ: Occ, claims: Sequence[Claim], published: date) -> Optional[tuple[date, date]]:
    """The days of the one month a past vote's sentences name without a year ("في كانون الأول
    الماضي"): the last such month before the article (its own month named "الماضي" is a year
    back).  None when they name none, several, or a year with it (`_past_month` reads those)."""
    from crosscheck.reconcile.dating import date_rules
    from crosscheck.text.dates import months_named

    rules = date_rules()
    months: set[int] = set()
    for s in {claims[i].sentence for i in occ.members if claims[i].sentence}:
        months |= months_named(s, rules, not_after=published.year)
    if len(months) != 1:
        return None
    month = months.pop()
    return _month_span(published.year if month < published.month else published.year - 1, month)


def _past_month(occ: Occ, claims: Sequence[Claim], year: int) -> Optional[int]:
    """The one month the occurrence's sentences name for its past year, if any."""
    from crosscheck.reconcile.dating import date_rules
    from crosscheck.text.dates import lone_month, month_of_year

    rules = date_rules()
    sentences = {claims[i].sentence for i in occ.members if claims[i].sentence}
    months = {month_of_year(s, year, rules) for s in sentences}
    months.discard(None)
    if not months:  # "عام 1986، أولهما في 31 يوليو": the year's one month, named without it
        months = {lone_month(s, year, rules) for s in sentences}
        months.discard(None)
    return months.pop() if len(months) == 1 else None


def transposed(a: str, b: str) -> bool:
    """Two numbers that differ only by two adjacent digits swapped (2774 / 2747)."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def pin_numbered(occs: Sequence[Occ]) -> None:
    """A numbered resolution is adopted once, on or before the day of the first report naming it:
    its vote recalled later ("وكان القرار 2756، الذي اعتمد قبل عام، قد حظي بتأييد 12 عضوا", an
    article of a year on that names no past year) takes the days of that first report, so that it
    meets the vote and the reports of its days that name no number.  Only a later vote of its
    article (`n` above 1) is read so: an article's first vote is its own news, and a number named
    beside it ("بأغلبية 13 صوتا وفقا للقرار 2231") may be an older text's, not this vote's -
    unless it gives the first report's whole tally again ("القرار 502، الذي اعتمد بعشرة أصوات
    مقابل صوت واحد وامتناع أربعة", thirty years on: `same_tally`), the text's own vote recalled.  An
    amendment naming the text it amends is left as it is.  One pass per number (linear)."""
    first: dict[str, Occ] = {}
    for o in occs:
        r = o.get("res")
        if r and o.get("subj") != "amendment" and o.hi != _FAR_FUTURE:
            if r not in first or o.hi < first[r].hi:
                first[r] = o
    for o in occs:
        f = first.get(o.get("res"))
        if f is None or f is o or o.get("subj") == "amendment" or o.lo <= f.hi:
            continue
        if o.get("n") in ("", "1") and not same_tally(o, f):
            continue
        o.lo, o.hi, o.exact = f.lo, f.hi, f.exact


def compatible(a: Occ, b: Occ) -> bool:
    if a.doc == b.doc:
        return False
    if a.get("body") and b.get("body") and a.get("body") != b.get("body"):
        return False
    if a.get("res") and b.get("res") and a.get("res") != b.get("res") and not transposed(a.get("res"), b.get("res")):
        return False
    if (a.get("subj") == "amendment") != (b.get("subj") == "amendment"):
        return False
    if a.get("ord") and b.get("ord") and a.get("ord") != b.get("ord"):
        return False  # "التعديل الأول" / "التعديل الثاني": two texts put to the vote
    if not (a.lo <= b.hi and b.lo <= a.hi):
        return False
    if twins(a, b):  # the same distinctive figures: cues read around them cannot part them
        return True
    if strangers(a, b) and not (a.get("res") and a.get("res") == b.get("res")):
        return False
    if a.sponsors and b.sponsors and not (a.sponsors & b.sponsors):
        return False
    if (a.vetoers & b.sponsors) or (b.vetoers & a.sponsors):
        return False
    if (a.get("veto") and b.get("res")) or (b.get("veto") and a.get("res")):
        return False
    if (bool(a.get("past")) != bool(b.get("past")) and not (a.get("res") and a.get("res") == b.get("res"))
            and not (a.month or b.month) and not year_recall(a, b)):
        # (a past vote named with its month, "في أيلول/سبتمبر 2004", overlapping a report of
        # that month's days - checked above - may be the vote that report tells)
        return False
    return True


# A tally is written into an occurrence's fields as "votes_for:93,abstentions:58" (`add_tallies`).
# A figure this large is distinctive (a Security Council tally holds at most one: 15 seats); two
# distinctive figures that differ by this ratio or more are no slip of one another.  The defaults
# of rules/vote_events.yaml `tally_min_value` / `tally_far_ratio` (tests/test_votes_tally_twins.py).
TALLY_MIN_VALUE = 10
TALLY_FAR_RATIO = 1.25
_TALLY_KINDS = ("votes_for", "votes_against", "abstentions")


def tally_of(o: Occ) -> dict[str, str]:
    out = {}
    for part in filter(None, o.get("tally").split(",")):
        kind, _, value = part.partition(":")
        out[kind] = value
    return out


def _distinctive(value: str, min_value: int) -> bool:
    try:
        return float(value) >= min_value
    except ValueError:
        return False


def shared_figures(a: Occ, b: Occ) -> int:
    """How many kinds the two tallies give the same distinctive figure."""
    ta, tb = tally_of(a), tally_of(b)
    return sum(1 for k, v in ta.items() if tb.get(k) == v and _distinctive(v, TALLY_MIN_VALUE))


def _far(x: str, y: str) -> bool:
    """Two distinctive figures of one kind too far apart to be a slip of one another - unless
    they differ only by two adjacent digits swapped (23 / 32, 154 / 145): a typing slip however
    far apart the values, like a resolution number's (`transposed`)."""
    try:
        lo, hi = sorted((float(x), float(y)))
    except ValueError:
        return False
    if lo.is_integer() and hi.is_integer() and transposed(str(int(lo)), str(int(hi))):
        return False
    return lo >= TALLY_MIN_VALUE and hi >= TALLY_FAR_RATIO * lo


def strangers(a: Occ, b: Occ) -> bool:
    """Two tallies with two or more kinds given different distinctive figures, fewer alike than
    different, and at least one pair far apart (137 / 12 / 17 and 107 / 12 / 59): two votes, not
    one told with a slip (a slip changes one figure a little: 154 / 3 / 23 and 155 / 3 / 22 stay
    one vote, a conflict to show)."""
    ta, tb = tally_of(a), tally_of(b)
    common = [k for k in ta if k in tb]
    differ = [k for k in common if ta[k] != tb[k]
              and _distinctive(ta[k], TALLY_MIN_VALUE) and _distinctive(tb[k], TALLY_MIN_VALUE)]
    alike = sum(1 for k in common if ta[k] == tb[k])
    if sorted(ta[k] for k in differ) == sorted(tb[k] for k in differ):
        # the same figures on swapped sides ("22 مقابل 11، وامتناع 14" / "22 ... 14 ... 11"):
        # one tally told with its sides exchanged, a conflict to show, not two votes
        return False
    return len(differ) >= 2 and alike < len(differ) and any(_far(ta[k], tb[k]) for k in differ)


def twins(a: Occ, b: Occ) -> bool:
    """Two occurrences giving two or more kinds the same distinctive figures ("93 for … 58
    abstaining" in both): a General Assembly vote's figures are near unique, so
    they are one vote whatever sponsor, veto or past year the words around one of them were read
    to name (voters listed after the text read as its sponsors, a year of another text named for
    comparison).  The body, the resolution number, an amendment and the dates still part them."""
    ta, tb = tally_of(a), tally_of(b)
    alike = [float(v) for k, v in ta.items() if tb.get(k) == v and _distinctive(v, TALLY_MIN_VALUE)]
    return len(alike) >= 2


# A figure above a Security Council's 15 seats: a tally figure this large, given alike by a vote
# recalled with its year and by a report of that year, tells one vote (the default of
# rules/vote_events.yaml `year_recall_min_value`).
YEAR_RECALL_MIN_VALUE = 16


def year_recall(a: Occ, b: Occ) -> bool:
    """A past vote named with its year only ("وكان التمديد قد أقر في 2019 بأغلبية 22 صوتا مقابل 11")
    and a report dated within that year (not past) or a vote recalled with the same year, of the same body, giving one tally figure
    alike above a Council's seats (`YEAR_RECALL_MIN_VALUE`), with no pair of figures far apart
    (`strangers`): the report of that vote, recalled a year on.  A year holds many votes of one
    body, but rarely two of it with the same large figure; the other figures may differ (a slip
    of the recall: a conflict to show).  The dates must overlap (`compatible`)."""
    past, now = (a, b) if a.get("past") else (b, a)
    if not past.get("past").isdigit():
        return False
    if now.get("past") != past.get("past") and (now.get("past") or now.day is None):
        return False
    if not (a.get("body") and a.get("body") == b.get("body")):
        return False
    ta, tb = tally_of(a), tally_of(b)
    if not any(tb.get(k) == v and _distinctive(v, YEAR_RECALL_MIN_VALUE) for k, v in ta.items()):
        return False
    return not strangers(a, b)


def score(a: Occ, b: Occ) -> int:
    """What two compatible occurrences positively share (0: nothing but not contradicting)."""
    # one distinctive figure alike ("169 صوتا" in both) says more than a subject word: a General
    # Assembly tally's figures are near unique
    s = 3 * shared_figures(a, b) if twins(a, b) else 2 * shared_figures(a, b)
    if a.get("res") and a.get("res") == b.get("res"):
        s += 4
    if a.sponsors & b.sponsors:
        s += 2
    if a.get("body") and a.get("body") == b.get("body"):
        s += 1
        if a.get("subj") and a.get("subj") == b.get("subj"):  # two texts naming no subject share none
            s += 1
            if a.get("ord") and a.get("ord") == b.get("ord"):  # "التعديل الثاني" in both
                s += 2
        if _same_day(a, b):  # the day a relative word pins, met by the other
            s += 1
    if a.get("veto") and b.get("veto"):
        s += 1
    if same_tally(a, b):  # "ستة أصوات مقابل سبعة وامتناع اثنين" in both: a tie-breaker, even small
        s += 1
    return s


def same_tally(a: Occ, b: Occ) -> bool:
    """Two tallies giving two kinds or more, every kind both give with the same figure (any size:
    a Council's 6 / 7 / 2 told twice).  Small figures alone link nothing (`_minimum`); among
    votes an occurrence could join, the one told with the same figures is its vote."""
    ta, tb = tally_of(a), tally_of(b)
    common = [k for k in ta if k in tb]
    return len(common) >= 2 and all(ta[k] == tb[k] for k in common)


def _minimum(a: Occ, b: Occ) -> bool:
    """Enough to call two occurrences one vote: a shared resolution number or sponsor, or the
    same body on overlapping dates with the same kind of subject or the same day (`_same_day`)."""
    if a.get("res") and a.get("res") == b.get("res"):
        return True
    if twins(a, b):
        return True
    if a.get("past") or b.get("past"):
        # a year holds many votes of one body; a month named for both (and overlapping, as
        # `compatible` asks) is one vote of that body, and so is a past vote named with its month
        # and a vote reported within that month's days (dated, not past) on the same subject
        # ("في كانون الأول/ديسمبر 2016 بأغلبية 113 صوتا" and the report of that night's plenary)
        if a.sponsors & b.sponsors:
            return True
        if not (a.get("body") and a.get("body") == b.get("body")):
            return False
        if a.month and b.month:
            return True
        if year_recall(a, b):
            return True
        past, now = (a, b) if a.get("past") else (b, a)
        return past.month and not now.get("past") and now.day is not None and _same_subject(a, b)
    if a.sponsors & b.sponsors and (a.get("body") == b.get("body") or not a.get("body") or not b.get("body")):
        return True
    if a.get("body") and a.get("body") == b.get("body"):
        return _same_subject(a, b) or _same_day(a, b) or _one_text_by_tally(a, b) or _one_large_figure(a, b)
    return False


def _one_large_figure(a: Occ, b: Occ) -> bool:
    """Two dated reports of one body on overlapping dates (`compatible`), one naming the text's sponsor
    and the other none, giving one tally figure alike above a Council's seats
    (`YEAR_RECALL_MIN_VALUE`: "بتأييد 119 دولة" in both) and no pair far apart (`strangers`):
    the sponsor's text told by a report that leaves its sponsor out, the other figures a slip
    to show (45 / 41 abstaining).  An Assembly figure that large is near unique within the days
    the dates leave; two reports naming no sponsor are one text already (`_same_subject`), two
    naming disjoint sponsors never meet (`compatible`)."""
    if bool(a.sponsors) == bool(b.sponsors) or a.get("veto") or b.get("veto") or a.undated or b.undated:
        return False  # (an undated report's days are any: a figure alike tells nothing of when)
    if a.get("subj") not in _ONE_TEXT or b.get("subj") not in _ONE_TEXT:
        return False
    ta, tb = tally_of(a), tally_of(b)
    if not any(tb.get(k) == v and _distinctive(v, YEAR_RECALL_MIN_VALUE) for k, v in ta.items()):
        return False
    return not strangers(a, b)


def _one_text_by_tally(a: Occ, b: Occ) -> bool:
    """A draft told with its sponsor and a resolution (or a text) told without one, of one body on
    overlapping dates, giving the same full tally - for, against and abstaining alike, one figure
    of them distinctive, not a unanimous vote ("مشروع قرار بريطاني أيده 10 أعضاء وعارضه عضو
    وامتنع 4" and "القرار 502 ... بأغلبية 10 أصوات مقابل صوت وامتناع 4"): the draft that became
    the resolution.  No veto on either (a vetoed draft never became one)."""
    if bool(a.sponsors) == bool(b.sponsors) or a.get("veto") or b.get("veto"):
        return False
    if a.get("subj") not in _ONE_TEXT or b.get("subj") not in _ONE_TEXT:
        return False
    ta, tb = tally_of(a), tally_of(b)
    if any(k not in ta or k not in tb or ta[k] != tb[k] for k in _TALLY_KINDS):
        return False
    if not any(_distinctive(v, TALLY_MIN_VALUE) for v in ta.values()):
        return False
    return ta["votes_against"] not in ("0", "") or ta["abstentions"] not in ("0", "")


def _same_day(a: Occ, b: Occ) -> bool:
    """One of them is pinned to a day by a relative word ("مساء الخميس") and the other is that
    day's too: pinned to it, or told without a day by an article published that day."""
    return ((a.exact is not None and a.exact == b.day)
            or (b.exact is not None and b.exact == a.day))


# The subjects one adopted text goes by: the draft put to the vote is the resolution it became
# ("نال مشروع القرار 138 صوتا" / "اعتمدت قرارا … 138 دولة"), and an article may name neither.
_ONE_TEXT = frozenset({"", "draft", "resolution"})


def _same_subject(a: Occ, b: Occ) -> bool:
    """Both name the same kind of subject; or neither names a sponsor (sponsors would tell two
    texts apart: a resolution and a rival draft adopted the same day) nor a veto (a vetoed
    draft never became the resolution), and each names a draft, a resolution or nothing: one
    text told two ways."""
    if a.get("subj") == b.get("subj"):
        return True
    return (not a.sponsors and not b.sponsors and not a.get("veto") and not b.get("veto")
            and a.get("subj") in _ONE_TEXT and b.get("subj") in _ONE_TEXT)


def _index_keys(o: Occ) -> list[tuple]:
    """Keys under which a vote holding `o` is found: only votes sharing one are compared."""
    keys: list[tuple] = []
    if o.get("res"):
        keys.append(("res", o.get("res")))
    keys.extend(("by", s) for s in sorted(o.sponsors))
    body = o.get("body") or "?"
    keys.extend(("tally", body, k, v) for k, v in sorted(tally_of(o).items()) if _distinctive(v, TALLY_MIN_VALUE))
    if o.get("past"):
        keys.append(("past", body))
        if o.month and o.lo != _FAR_PAST and o.hi != _FAR_FUTURE:
            # a past vote named with its month ("الفيتو الذي أسقط في آذار الماضي مشروع …"): the
            # votes reported within that month's days are found too (`_minimum` may join them)
            first, last = o.lo.toordinal() // 7, o.hi.toordinal() // 7
            keys.extend(("week", body, w) for w in range(first, last + 1))
    elif o.undated:
        keys.append(("undated", body))
    else:
        if o.lo != _FAR_PAST and o.hi != _FAR_FUTURE:
            first, last = o.lo.toordinal() // 7, o.hi.toordinal() // 7
            keys.extend(("week", body, w) for w in range(first, min(last, first + 60) + 1))
        keys.append((DATED, body))  # where an undated vote of the body looks (CROSS_KEYS)
    return keys


# The key every dated vote of a body is indexed under: only undated occurrences look it up, and
# only while it holds at most `undated_link_max_votes` votes (`link`).
DATED = "dated"
_BODY_KEYS = ("week", "past", "undated", DATED, "tally")


def _lookup_keys(o: Occ) -> list[tuple]:
    """Keys to look up: its own (an undated one: the dated votes of its body too, a dated one
    not the key of all dated votes), and with an unknown body every body's."""
    keys = [k for k in _index_keys(o) if k[0] != DATED]
    if o.undated:
        keys.append((DATED, o.get("body") or "?"))
    if not o.get("body"):
        keys += [(k[0], b, *k[2:]) for k in keys if k[0] in _BODY_KEYS for b in ("sc", "ga")]
    else:
        keys += [(k[0], "?", *k[2:]) for k in keys if k[0] in _BODY_KEYS]
    return keys


def is_cross_key(key: tuple) -> bool:
    """A key whose votes are compared only while there are few of them (`link`)."""
    return key[0] == DATED


class _Vote:
    """A vote's occurrences, and what `link` asks of all of them at once: `compatible`,
    `_minimum` and `score` read an occurrence's document and dates only through `doc`, `lo`
    and `hi`; everything else they read is its profile (`_profile`).  So "compatible with
    every member" is: another document than all of them, dates overlapping all of them
    (lo <= the smallest hi, hi >= the largest lo), and compatible with one member of each
    profile; `_minimum` and `score` need one member of each profile.  The work per candidate
    vote follows its distinct profiles, not its size (a vote told by a thousand articles)."""

    __slots__ = ("members", "docs", "min_hi", "max_lo", "reps")

    def __init__(self, o: Occ) -> None:
        self.members = [o]
        self.docs = {o.doc}
        self.min_hi, self.max_lo = o.hi, o.lo
        self.reps = {_profile(o): o}

    def add(self, o: Occ) -> None:
        self.members.append(o)
        self.docs.add(o.doc)
        self.min_hi, self.max_lo = min(self.min_hi, o.hi), max(self.max_lo, o.lo)
        self.reps.setdefault(_profile(o), o)

    def compatible(self, o: Occ) -> bool:
        """all(compatible(o, m) for m in self.members)"""
        if o.doc in self.docs or not (o.lo <= self.min_hi and self.max_lo <= o.hi):
            return False
        return all(compatible(o, m) for m in self.reps.values())


def _profile(o: Occ) -> tuple:
    return (o.get("body"), o.get("res"), o.get("subj"), o.get("ord"), o.get("by"), o.get("veto"), o.get("past"), o.exact,
            o.month, o.day, o.get("tally"))


UNDATED_LINK_MAX_VOTES = 8  # the default of rules/vote_events.yaml `undated_link_max_votes`


def link(occs: list[Occ], trace: Optional[list] = None,
         undated_max: int = UNDATED_LINK_MAX_VOTES) -> list[list[Occ]]:
    """Occurrences grouped into votes (see the module docstring).  A vote is compared only
    with the votes found under its keys (resolution, sponsor, body and week), so the work
    follows the number of votes that could be the same, not the square of all votes.

    `trace`, when given, gets one entry per occurrence in the order they are read
    (`specificity`): (occurrence, how many votes it could join, the best three as
    (score, vote number), the vote number it joined or made) - what
    crosscheck.store.vote_links keeps to link a new occurrence without re-linking them all."""
    votes: list[_Vote] = []
    index: dict[tuple, list[int]] = {}
    for o in sorted(occs, key=lambda o: o.specificity):
        best: list[tuple[int, int]] = []
        seen: set[int] = set()
        candidates = [k for key in _lookup_keys(o) for k in index.get(key, ())
                      if not (is_cross_key(key) and len(index.get(key, ())) > undated_max)]
        for k in candidates:
            if k in seen:
                continue
            seen.add(k)
            v = votes[k]
            if not v.compatible(o):
                continue
            if not any(_minimum(o, m) for m in v.reps.values()):
                continue
            best.append((max(score(o, m) for m in v.reps.values()), k))
        best.sort(reverse=True)
        if best and (len(best) == 1 or best[0][0] > best[1][0]):
            k = best[0][1]
            votes[k].add(o)
        else:
            k = len(votes)
            votes.append(_Vote(o))
        if trace is not None:
            trace.append((o, len(best), best[:3], k))
        for key in _index_keys(o):
            if k not in index.setdefault(key, []):
                index[key].append(k)
    return [v.members for v in votes]


def vote_key(vote: list[Occ]) -> dict[str, str]:
    """The fields naming a vote: its resolution, else its body, day, subject and sponsors."""
    def first(k: str) -> str:
        return next((o.get(k) for o in vote if o.get(k)), "")

    res = _named_number(vote)
    if res:
        return {"body": first("body") or "sc", "res": res}
    sponsors = sorted(set().union(*(o.sponsors for o in vote)))
    return {"body": first("body"), "past": first("past"), "subj": first("subj"), "ord": first("ord"),
            "by": "+".join(sponsors)}


def _named_number(vote: list[Occ]) -> str:
    """The resolution number a vote goes by: the one most of its articles give (a slip,
    `transposed`, is the minority), the first given on a tie."""
    docs: dict[str, set[str]] = {}
    for o in vote:
        if o.get("res"):
            docs.setdefault(o.get("res"), set()).add(o.doc)
    if not docs:
        return ""
    order = list(docs)
    return max(order, key=lambda r: (len(docs[r]), -order.index(r)))


def _tally(vote: list[Occ], claims: Sequence[Claim]) -> tuple:
    """The figures of a vote, to number votes that name themselves alike in a stable order
    (copies of an article add no figure)."""
    return tuple(sorted({(claims[i].kind, str(claims[i].value)) for o in vote for i in o.members}))


def rejoin_split_tallies(occs: dict[tuple, Occ], claims: Sequence[Claim]) -> dict[tuple, Occ]:
    """One tally that naming its text cut in two ("صوتت 187 دولة لصالح مشروع القرار الكوبي،
    مقابل اعتراض 3 دول وامتناع دولتين"): consecutive occurrences of one source and one sentence
    that name the same body, subject, sponsors, number, veto and time and give different kinds
    of figures are one occurrence (the first).  Two drafts of one sentence name different
    sponsors or subjects, and a second tally of the same text repeats a kind: neither is
    rejoined.  `occs` maps (source, event) to occurrences, in claim order."""
    out: dict[tuple, Occ] = {}
    last: dict[str, tuple] = {}  # source -> key of its latest occurrence kept
    for key, o in occs.items():
        prev_key = last.get(o.doc)
        prev = out.get(prev_key) if prev_key is not None else None
        if prev is not None and _continues(prev, o, claims):
            prev.members.extend(o.members)
            continue
        out[key] = o
        last[o.doc] = key
    return out


def split_repeated_sides(occs: dict[tuple, Occ], claims: Sequence[Claim]) -> dict[tuple, Occ]:
    """An occurrence that gives one side of a tally twice with different figures ("اعتمد بتأييد
    116 دولة ومعارضة ست، بعد عامين من تصويت بأغلبية 94 صوتا مقابل 15 وامتناع 56") tells two
    votes: it is cut, in text order, where a side it already gave comes again with another
    figure (a part of a side, a claim with a group - "بتأييد 94 دولة، بينها 15 دولة" - cuts nothing); each part is an occurrence of its own (the same fields), linked on its own figures.
    Only one article's occurrence is cut: copies of one article that differ disagree.
    One pass over each occurrence's claims."""
    out: dict[tuple, Occ] = {}
    for key, o in occs.items():
        if len({claims[i].doc for i in o.members}) > 1:
            out[key] = o  # copies of one article that differ: a slip of a copy, not two votes
            continue
        order = sorted(o.members, key=lambda i: (claims[i].field != "text", claims[i].start))
        parts: list[list[int]] = [[]]
        seen: dict[str, str] = {}
        for i in order:
            c = claims[i]
            v = str(c.value)
            if c.group:  # a part of a side ("بتأييد 94 دولة، بينها 15 دولة"): not the side again
                parts[-1].append(i)
                continue
            if c.kind in _TALLY_KINDS and seen.get(c.kind, v) != v:
                parts.append([])
                seen = {}
            if c.kind in _TALLY_KINDS:
                seen[c.kind] = v
            parts[-1].append(i)
        if len(parts) == 1:
            out[key] = o
            continue
        for k, members in enumerate(parts):
            part = Occ(o.doc, dict(o.fields))
            part.members = members
            out[key if k == 0 else (*key, f"part{k}")] = part
    return out


def add_tallies(occs, claims: Sequence[Claim]) -> None:
    """Write each occurrence's figures into its fields ("tally": "abstentions:58,votes_for:93";
    a kind given two different figures in one occurrence is left out: it names none; a part of a
    side, a claim with a group, is no figure of the tally)."""
    for o in occs:
        seen: dict[str, set[str]] = {}
        for i in o.members:
            c = claims[i]
            if c.kind in _TALLY_KINDS and isinstance(c.value, (int, float)) and not c.group:
                v = float(c.value)
                seen.setdefault(c.kind, set()).add(str(int(v)) if v.is_integer() else str(v))
        tally = ",".join(f"{k}:{next(iter(v))}" for k, v in sorted(seen.items()) if len(v) == 1)
        if tally:
            o.fields = {**o.fields, "tally": tally}


def _continues(prev: Occ, o: Occ, claims: Sequence[Claim]) -> bool:
    same = {k: v for k, v in prev.fields.items() if k != "n"} == {k: v for k, v in o.fields.items() if k != "n"}
    if not same or not (prev.get("n").isdigit() and o.get("n").isdigit()):
        return False
    if int(o.get("n")) != int(prev.get("n")) + 1:
        return False
    sentences = {claims[i].sentence for i in prev.members + o.members}
    kinds_prev = {claims[i].kind for i in prev.members}
    return len(sentences) == 1 and not kinds_prev & {claims[i].kind for i in o.members}


def link_votes(claims: list[Claim], rules: Optional[str] = None, sources=None) -> list[Claim]:
    """Copies of the claims with each tally claim's event set to its vote's key (claims whose
    event is not an occurrence from crosscheck.extract.vote_events are returned as they are).

    `sources` (crosscheck.reconcile.sources.SourceGroups): copies of one article are one source;
    their identical occurrences are one, dated by the first publication."""
    occs: dict[tuple, Occ] = {}
    for i, c in enumerate(claims):
        f = parse_event(c.event)
        if f is None or "n" not in f:
            continue
        src = sources.group(c.doc) if sources is not None else c.doc
        key = (src, c.event)
        occ = occs.get(key)
        if occ is None:
            occ = occs[key] = Occ(src, f)
        occ.members.append(i)
    if not occs:
        return claims
    occs = split_repeated_sides(rejoin_split_tallies(occs, claims), claims)
    add_tallies(occs.values(), claims)
    vr = vote_rules(rules)
    taken = month_taken(occs.values(), claims)
    for occ in occs.values():
        _dates(occ, claims, vr.undated_window_days, vr.relative_slack_days, taken, vr.recalled_window_days)
    out = list(claims)
    used: dict[str, int] = {}
    pin_numbered(list(occs.values()))
    votes = link(list(occs.values()), undated_max=vr.undated_link_max_votes)
    votes.sort(key=lambda v: (format_event(vote_key(v)), _tally(v, claims), min(o.doc for o in v)))
    for vote in votes:
        event = format_event(vote_key(vote))
        if event in used:  # two votes told apart that name themselves alike
            used[event] += 1
            event = f"{event};k={used[event]}"
        else:
            used[event] = 1
        for o in vote:
            for i in o.members:
                out[i] = out[i].model_copy(update={"event": event})
    return out
