#!/usr/bin/env python3
"""Varied Arabic news articles generated from a seed, for the scale benchmark.

    python benchmarks/gen_articles.py --n 1000 --seed 7 --out /tmp/corpus-1k.jsonl

Each article is about 4,000 characters with roughly 30 figures: tolls, injured, missing,
displaced, hostages, prisoners, aid trucks, Security Council votes, resolution numbers and
durations, in digits and in words, with and without hedges, spread over places, dates, outlets
and attributions, among sentences without figures.  Articles differ in their sentences, numbers,
places and order; about one in twenty is a lightly edited wire copy of an earlier one (as real
archives hold), so near-duplicate detection has work to do.  Every sentence below is written
for this benchmark (no third-party text).  Deterministic: the same seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Iterator

PLACES = ["غزة", "رفح", "خان يونس", "دير البلح", "جباليا", "النصيرات", "مدينة غزة", "جنين",
          "نابلس", "طولكرم", "الخليل", "بيروت", "جنوب لبنان", "الفاشر", "الخرطوم", "درنة",
          "حلب", "إدلب", "مأرب", "الحديدة", "تعز", "الموصل", "خاركيف", "غوما"]
OUTLETS = ["وكالة الأنباء المحلية", "صحيفة المساء", "موقع الخبر اليوم", "إذاعة الشرق",
           "قناة الأفق", "شبكة الرصد", "وكالة المغرب العربي", "صحيفة الوطن الجديد"]
SOURCES = ["وزارة الصحة", "الدفاع المدني", "الأمم المتحدة", "مكتب تنسيق الشؤون الإنسانية",
           "الهلال الأحمر", "مصادر طبية", "السلطات المحلية", "منظمة الصحة العالمية",
           "الصليب الأحمر", "المرصد الحقوقي"]
HEDGES = ["", "", "", "نحو ", "أكثر من ", "ما يقارب ", "حوالي ", "ما لا يقل عن ", "قرابة "]
SMALL_WORDS = ["ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "عشرين",
               "ثلاثين", "أربعين", "خمسين", "مئة", "مئتين"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]
DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
MEMBERS = ["الولايات المتحدة", "روسيا", "الصين", "فرنسا", "بريطانيا", "الجزائر", "اليابان",
           "سويسرا", "البرازيل", "مالطا"]

# Sentences with figures: {n} a count, {h} a hedge, {p} a place, {s} a source, {d} a weekday.
FIGURE_SENTENCES = [
    "وأعلنت {s} يوم {d} ارتفاع حصيلة القتلى في {p} إلى {h}{n} قتيلا منذ بداية الهجوم.",
    "وقالت {s} إن {h}{n} شخصا قتلوا في القصف الذي استهدف أحياء {p} خلال الليل.",
    "وأفادت {s} بإصابة {h}{n} شخصا بجروح متفاوتة في {p}.",
    "وبلغ عدد الجرحى في {p} {h}{n} جريحا بحسب {s}.",
    "ولا يزال {h}{n} شخصا في عداد المفقودين تحت الأنقاض في {p}، وفق {s}.",
    "وذكرت {s} أن {h}{n} شخص نزحوا من منازلهم في {p} خلال الأسبوع الماضي.",
    "وقدرت {s} عدد النازحين في {p} بنحو {n} ألف نازح.",
    "وأكدت {s} أن {h}{n} شاحنة مساعدات دخلت إلى {p} منذ فتح المعبر.",
    "وأشارت {s} إلى أن {h}{n} رهينة ما زالوا محتجزين.",
    "وأفرج عن {n} أسيرا في إطار صفقة التبادل الأخيرة، حسب {s}.",
    "وأطلق سراح {h}{n} رهينة في الدفعة الثالثة من الاتفاق.",
    "وقالت {s} إن {n} ألف شخص استشهدوا منذ اندلاع الحرب في {p}.",
    "وارتفع عدد الشهداء في {p} إلى {n} ألفا و{m} شهيدا، بحسب {s}.",
    "وأحصت {s} إصابة {n} ألفا و{m} آخرين بجروح منذ بداية العدوان على {p}.",
    "وقتل {w} أشخاص في غارة على منزل في {p} فجر يوم {d}.",
    "وأصيب {w} مدنيين بجروح في قصف مدفعي على أطراف {p}.",
]
VOTE_SENTENCES = [
    "وتبنى مجلس الأمن القرار رقم {r} بأغلبية {v} أصوات مقابل {a} وامتناع {b} دول عن التصويت.",
    "وصوتت {v} دول لصالح مشروع القرار، بينما عارضته {a} وامتنعت {b} عن التصويت.",
    "واستخدمت {mem} حق النقض (الفيتو) ضد مشروع القرار.",
    "وامتنعت {mem} عن التصويت على القرار {r}.",
    "ويدعو القرار {r} إلى وقف فوري لإطلاق النار لمدة {dur} يوما.",
    "واستمرت الهدنة الإنسانية {dw} أيام قبل أن تستأنف المعارك.",
    "ودخلت الحرب يومها الـ{dur} دون أن تلوح في الأفق نهاية لها.",
]
PLAIN_SENTENCES = [
    "وتواصل الطواقم الطبية عملها في ظروف صعبة بسبب نقص الوقود والأدوية.",
    "ودعت منظمات إنسانية إلى فتح ممرات آمنة لإيصال المساعدات إلى السكان.",
    "وقال شهود عيان إن أصوات الانفجارات سمعت في أرجاء المدينة طوال الليل.",
    "وحذرت الهيئات الدولية من تفاقم الأوضاع الإنسانية مع اقتراب فصل الشتاء.",
    "وتعرضت شبكات المياه والكهرباء لأضرار واسعة تعيق عمل المستشفيات.",
    "وأكد مسؤولون محليون أن فرق الإنقاذ تعمل بإمكانات محدودة للغاية.",
    "ويعيش آلاف السكان في خيام مؤقتة لا تقيهم البرد ولا المطر.",
    "وطالبت الجهات الرسمية المجتمع الدولي بالتدخل العاجل لوقف التصعيد.",
    "وشهدت الأسواق ارتفاعا حادا في أسعار المواد الغذائية الأساسية.",
    "وأعربت دول عدة عن قلقها من اتساع رقعة المواجهات في المنطقة.",
    "وتجري اتصالات دبلوماسية مكثفة للتوصل إلى اتفاق يضمن تهدئة دائمة.",
    "وأشار مراقبون إلى أن المفاوضات تمر بمرحلة حساسة قد تحدد مسار الأزمة.",
    "وتحدث سكان عن صعوبة الحصول على مياه الشرب النظيفة منذ أسابيع.",
    "ونقلت وسائل إعلام عن مصادر مطلعة أن جولة جديدة من المحادثات ستعقد قريبا.",
    "وأغلقت المدارس أبوابها وتحول عدد منها إلى مراكز إيواء مكتظة.",
    "وأفاد عاملون في المجال الإغاثي بأن المخازن باتت شبه فارغة.",
]
TITLES = ["تطورات ميدانية جديدة في {p}", "حصيلة جديدة للضحايا في {p}", "مجلس الأمن يصوت على مشروع قرار",
          "أوضاع إنسانية صعبة في {p}", "تقرير: النزوح يتسع في {p}", "صفقة تبادل وهدنة مؤقتة"]


START = dt.date(2023, 10, 7)
GAZA_PARTS = ["رفح", "خان يونس", "دير البلح", "جباليا", "النصيرات", "مدينة غزة"]  # parts of "غزة"
SLIP = 0.01  # consistent stories: the share of figures an outlet gets wrong (drawn at random)
# FIGURE_SENTENCES by what their figure is, in consistent stories: (kind, "total" | "event")
STORY = {0: ("killed", "total"), 1: ("killed", "event"), 2: ("injured", "total"), 3: ("injured", "total"),
         4: ("missing", "total"), 5: ("displaced", "total"), 7: ("aid", "total"), 8: ("hostages", "held"),
         9: ("prisoners", "event"), 10: ("hostages", "batch"), 12: ("killed", "total"),
         13: ("injured", "total"), 14: ("killed", "small"), 15: ("injured", "small")}
RATE = {"killed": 30, "injured": 70, "missing": 8, "displaced": 900, "aid": 60}  # per day, most
HEDGES_AROUND = ["", "", "", "نحو ", "ما يقارب ", "حوالي ", "ما لا يقل عن ", "قرابة "]  # true of the exact figure


STORY_SENTENCES = [t for i, t in enumerate(FIGURE_SENTENCES) if i in STORY]


def _number(rng: random.Random) -> str:
    magnitude = rng.choice([1, 2, 2, 3, 3, 4])
    n = rng.randint(10 ** (magnitude - 1) + 1, 10 ** magnitude - 1)
    if rng.random() < 0.15:  # Eastern Arabic digits, as some outlets write them
        return str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    return str(n)


def _fill(template: str, rng: random.Random, place: str, source: str) -> str:
    return template.format(
        n=_number(rng), m=rng.randint(1, 999), h=rng.choice(HEDGES),
        p=place if rng.random() < 0.7 else rng.choice(PLACES),
        s=source if rng.random() < 0.5 else rng.choice(SOURCES), d=rng.choice(DAYS),
        w=rng.choice(SMALL_WORDS[:8]), r=rng.randint(2000, 2799), v=rng.randint(9, 15),
        a=rng.randint(0, 3), b=rng.randint(0, 4), mem=rng.choice(MEMBERS),
        dur=rng.randint(20, 400), dw=rng.choice(SMALL_WORDS[:8]),
    )


class Stories:
    """Consistent stories (`--stories consistent`): every figure is what the story says on the
    article's day - running totals per place grow with the days (a place's parts add up to at
    most their whole: the Gaza Strip's toll is its cities' and more), one night's toll is the
    same in every article of that place and day, a resolution's tallies and the member that
    vetoed it are the same in every article (at most 15 votes; one vote a month, reported in
    the week after it), the war's day is the article's - except
    `SLIP` of the figures, which an outlet gets wrong (drawn as in the random mode).  A real
    archive is mostly like this: a few per cent of its clusters conflict."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def _draw(self, *key: object) -> random.Random:
        return random.Random(f"{self.seed}|" + "|".join(map(str, key)))

    def rate(self, kind: str, place: str) -> int:
        if place == "غزة":  # the whole: its parts and more
            return sum(self.rate(kind, p) for p in GAZA_PARTS) + self.rate(kind, "غزة-own")
        return self._draw("rate", kind, place).randint(1, RATE[kind])

    def total(self, kind: str, place: str, day: dt.date) -> int:
        return self.rate(kind, place) * ((day - START).days + 3)

    def event(self, kind: str, place: str, day: dt.date, low: int, high: int) -> int:
        return self._draw("event", kind, place, day).randint(low, high)

    def vote(self, day: dt.date) -> "dict | None":
        """The Council's vote of this month (on the 10th) when `day` is in the week after it:
        its resolution number, tallies, the member that vetoed or abstained, the days of the
        truce it calls for; None on other days (no article then reports a vote)."""
        if not 10 <= day.day <= 16:
            return None
        month = (day.year - START.year) * 12 + day.month - START.month
        rng = self._draw("vote", month)
        v = rng.randint(9, 14)
        a = rng.randint(1, 15 - v)
        return {"r": 2700 + month, "v": v, "a": a, "b": rng.randint(0, 15 - v - a), "dur": rng.randint(20, 90),
                "mem": rng.choice(MEMBERS)}

    def fill(self, template: str, rng: random.Random, place: str, source: str, day: dt.date) -> str:
        if rng.random() < SLIP:  # an outlet's slip: any figure
            return _fill(template, rng, place, source)
        p = place  # the article's place (a figure of another place would need its own story)
        vote = self.vote(day)
        if vote is None and template in VOTE_SENTENCES[:5]:  # no vote this week: the war's day
            template = VOTE_SENTENCES[6]
        values = dict(vote or {}, h=rng.choice(HEDGES_AROUND), p=p, s=source if rng.random() < 0.5 else rng.choice(SOURCES),
                      d=DAYS[day.weekday()], dw=SMALL_WORDS[2], m=0, n=0, w=SMALL_WORDS[0])
        if template in FIGURE_SENTENCES:
            kind, what = STORY[FIGURE_SENTENCES.index(template)]
            if what == "total":
                values["n"] = self.total(kind, p, day)
                if "{m}" in template:  # "N thousand and M"
                    values["n"], values["m"] = divmod(values["n"], 1000)
                    if not values["n"] or not values["m"]:
                        return self.fill(FIGURE_SENTENCES[0], rng, place, source, day)
            elif what == "event":
                values["n"] = self.event(kind, p, day, 10, 90)
            elif what == "small":
                values["w"] = SMALL_WORDS[self.event(kind, p, day, 0, 7)]
            elif what == "held":
                values["n"] = 240 - 2 * ((day - START).days // 60)  # set free in batches, every two months
            else:
                values["n"] = 13  # the third batch
        elif "{dur}" in template and "الحرب" in template:  # the war's day: the article's
            values["dur"] = (day - START).days + 1
        return template.format(**values)


def article(rng: random.Random, i: int, stories: "Stories | None" = None) -> dict:
    place, source = rng.choice(PLACES), rng.choice(SOURCES)
    day = dt.date(2023, 10, 7) + dt.timedelta(days=rng.randint(0, 700))
    paragraphs: list[str] = []
    size = 0
    target = rng.randint(3300, 4700)
    while size < target:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            r = rng.random()
            if r < 0.36:
                t = rng.choice(FIGURE_SENTENCES if stories is None else STORY_SENTENCES)
            elif r < 0.45:
                t = rng.choice(VOTE_SENTENCES)
            else:
                t = rng.choice(PLAIN_SENTENCES)
            sentences.append(_fill(t, rng, place, source) if stories is None else stories.fill(t, rng, place, source, day))
        para = " ".join(sentences)
        paragraphs.append(para)
        size += len(para) + 2
    return {
        "id": f"gen-{i:06d}",
        "title": rng.choice(TITLES).format(p=place),
        "date": day.isoformat(),
        "source": rng.choice(OUTLETS),
        "text": "\n\n".join(paragraphs),
    }


def wire_copy(rng: random.Random, original: dict, i: int) -> dict:
    """Another outlet's copy of `original`: one paragraph dropped or a sentence added."""
    paras = original["text"].split("\n\n")
    if len(paras) > 3 and rng.random() < 0.5:
        del paras[rng.randrange(len(paras))]
    else:
        paras.append(rng.choice(PLAIN_SENTENCES))
    return {**original, "id": f"gen-{i:06d}", "source": rng.choice(OUTLETS), "text": "\n\n".join(paras)}


def generate(n: int, seed: int = 7, stories: str = "random") -> Iterator[dict]:
    """`n` articles, deterministic for a seed; about 5 % are wire copies of a recent one.
    `stories`: "random" (every figure drawn at random: most clusters conflict) or
    "consistent" (`Stories`: a few per cent of slips)."""
    if stories not in ("random", "consistent"):
        raise ValueError(f"stories must be 'random' or 'consistent', not {stories!r}")
    told = Stories(seed) if stories == "consistent" else None
    rng = random.Random(seed)
    recent: list[dict] = []
    for i in range(n):
        if recent and rng.random() < 0.05:
            doc = wire_copy(rng, rng.choice(recent), i)
        else:
            doc = article(rng, i, told)
            recent.append(doc)
            if len(recent) > 50:
                recent.pop(0)
        yield doc


def write_jsonl(path: Path, n: int, seed: int = 7, stories: str = "random") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for doc in generate(n, seed, stories):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--stories", choices=("random", "consistent"), default="random",
                    help="random: every figure drawn at random (most clusters conflict); consistent: "
                         "figures follow one story per place and month, with 1%% slips")
    args = ap.parse_args(argv)
    write_jsonl(args.out, args.n, args.seed, args.stories)
    return 0


if __name__ == "__main__":
    sys.exit(main())
