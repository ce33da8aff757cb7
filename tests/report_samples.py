"""Hand-built documents, claims and clusters for the report tests (no extractor needed).

One of the articles is hostile: its source name, sentence and surface carry `<script>`, an
attribute break-out with an `onerror` handler, and a U+202E right-to-left override.
"""

from __future__ import annotations

from crosscheck.models import ClusterClaim, Cluster, Document, Interval, Report, ReportDocument

HOSTILE_SCRIPT = "<script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script>"
HOSTILE_IMG = "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">"
RLO = "\u202e"

TEXT_A = (
    "قالت وزارة الصحة في غزة إن أكثر من 33 ألف شخص قتلوا منذ بداية الحرب. "
    "وأضافت أن 33 ألف شخص قتلوا وفق حصيلة سابقة.\n"
    "ويحتجز أكثر من 100 رهينة."
)
TEXT_B = (
    f"عنوان {HOSTILE_SCRIPT}\n"
    f"وقال مسؤولون {HOSTILE_IMG} إن نحو 30 ألف شخص قتلوا {RLO}في القطاع.\n"
    "ونزح أكثر من مليون شخص."
)
TEXT_C = "وتحتجز حماس نحو 200 رهينة منذ هجوم السابع من أكتوبر. ونزح أكثر من مليون شخص."

DOCS = [
    Document(id="a-news", text=TEXT_A, path="fixtures/a-news.txt", date="2024-03-25", source="وكالة أ", sha256="a" * 64),
    Document(
        id="b-hostile",
        text=TEXT_B,
        path="fixtures/b-hostile.txt",
        date="2024-03-22",
        source=f"مصدر {HOSTILE_SCRIPT}",
        url="javascript:alert(1)",
        sha256="b" * 64,
    ),
    Document(id="c-wire", text=TEXT_C, path="fixtures/c-wire.txt", date="2024-03-24", source="وكالة ج", url="https://example.org/c", sha256="c" * 64),
]


def _sentence_of(text: str, start: int) -> str:
    """The line around `start`, standing in for the extractor's sentence."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    return text[left : right if right >= 0 else len(text)]


def claim(doc: Document, surface: str, number: str, *, occurrence: int = 0, **fields) -> ClusterClaim:
    """A ClusterClaim whose offsets really point at `surface` (its n-th occurrence) in `doc`."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(surface, start + 1)
    end = start + len(surface)
    n_at = start + surface.index(number)
    assert doc.text[start:end] == surface
    base = dict(
        doc=doc.id,
        start=start,
        end=end,
        surface=surface,
        sentence=_sentence_of(doc.text, start),
        number_start=n_at,
        number_end=n_at + len(number),
        date=doc.date,
        rule="test.rule",
    )
    base.update(fields)
    return ClusterClaim(**base)


A, B, C = DOCS

KILLED_A = claim(
    A, "أكثر من 33 ألف شخص", "33 ألف", kind="killed", value=33000, low=33000, high=None, low_open=True,
    qualifier="more_than", group="all", location="gaza", period="cumulative", attribution="وزارة الصحة",
)
KILLED_B = claim(
    B, "نحو 30 ألف شخص", "30 ألف", kind="killed", value=30000, low=27000, high=33000, qualifier="approx",
    group="all", location="gaza", period="cumulative", attribution=f"مسؤولون {HOSTILE_IMG}", outlier=True,
)
HELD_A = claim(
    A, "أكثر من 100 رهينة", "100", kind="hostages_held", value=100, low=100, high=None, low_open=True,
    qualifier="more_than", location="gaza", period="cumulative",
)
HELD_C = claim(
    C, "نحو 200 رهينة", "200", kind="hostages_held", value=200, low=180, high=220, qualifier="approx",
    location="gaza", period="cumulative",
)
DISPLACED_B = claim(B, "أكثر من مليون شخص", "مليون", kind="displaced", value=1000000, low=1000000, high=None, low_open=True, qualifier="more_than", location="gaza")
DISPLACED_C = claim(C, "أكثر من مليون شخص", "مليون", kind="displaced", value=1000000, low=1000000, high=None, low_open=True, qualifier="more_than", location="gaza")
SINGLE_A = claim(
    A, "33 ألف شخص", "33 ألف", occurrence=1, kind="killed", value=33000, low=33000, high=33000,
    period="earlier",
)

CLUSTERS = [
    Cluster(
        id="killed-gaza-cumulative", kind="killed",
        key={"group": "all", "location": "gaza", "period": "cumulative", "event": None},
        status="conflict", severity=0.1, cause="reporting_lag", consensus=Interval(low=33000, high=33000),
        claims=[KILLED_A, KILLED_B], notes=[f"dates differ by 3 days {RLO}"],
    ),
    Cluster(
        id="hostages_held-gaza", kind="hostages_held", key={"location": "gaza", "period": "cumulative"},
        status="conflict", severity=0.5, cause="disagreement", consensus=None, claims=[HELD_A, HELD_C],
    ),
    Cluster(
        id="displaced-gaza", kind="displaced", key={"location": "gaza"}, status="consistent",
        consensus=Interval(low=1000000, high=None), claims=[DISPLACED_B, DISPLACED_C],
    ),
    Cluster(
        id="killed-earlier", kind="killed", key={"period": "earlier"}, status="single",
        consensus=Interval(low=33000, high=33000), claims=[SINGLE_A],
    ),
]


def report() -> Report:
    return Report(
        documents=[ReportDocument(**d.model_dump(include={"id", "path", "date", "source", "url", "sha256"})) for d in DOCS],
        clusters=CLUSTERS,
    )


def texts() -> dict[str, str]:
    return {d.id: d.text for d in DOCS}
