"""An undated article at no place tells the story whose rare words its figure sentences share
(crosscheck.reconcile.story_words, grouping.split_stories): a building's collapse in a town the
gazetteer does not know and an outbreak of a virus told in one corpus are two stories, though
neither names a known place and one of their articles is undated."""

from __future__ import annotations

from test_reconciler_factory import claim

from crosscheck.reconcile.grouping import group_claims
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.reconcile.settings import default_config
from crosscheck.reconcile.story_words import StoryWords

COLLAPSE = "ارتفع عدد قتلى انهيار البرج السكني في بلدة الضفاف الخضراء إلى {} بحسب رئيسة البلدية"
COLLAPSE2 = "قالت رئيسة البلدية إن فرق الإنقاذ انتشلت جثثا من أنقاض البرج السكني المنهار في بلدة الضفاف"
VIRUS = "ارتفعت وفيات فيروس النسيم التنفسي في المقاطعة إلى {} بحسب وزارة الصحة"
VIRUS2 = "أعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس النسيم التنفسي وعزل المخالطين في المستشفيات"


def members(grouping, doc):
    g = next(g for g in grouping.groups if any(m.claim.doc == doc for m in g.members))
    return sorted(m.claim.doc for m in g.members)


def corpus():
    return [claim("a1", "killed", 4, location=None, as_of="2021-06-25", as_of_from="metadata",
                  sentence=COLLAPSE.format(4)),
            claim("a2", "killed", 11, location=None, as_of="2021-06-28", as_of_from="metadata",
                  sentence=COLLAPSE.format(11)),
            claim("a3", "killed", 79, location=None, sentence=COLLAPSE2),
            # the outbreak: its dated article names its country, months before (another
            # cluster of the same quantity)
            claim("b1", "killed", 7, location="yemen", as_of="2021-02-09", as_of_from="metadata",
                  sentence=VIRUS.format(7)),
            claim("b1", "killed", 9, location="yemen", as_of="2021-02-09", as_of_from="metadata",
                  sentence=VIRUS2),
            claim("b2", "killed", 19, location=None, sentence=VIRUS.format(19))]


def test_an_undated_article_of_another_story_stays_apart():
    g = group_claims(corpus())
    assert members(g, "a1") == ["a1", "a2", "a3"]  # the collapse's undated article stays
    assert members(g, "b2") == ["b2"]
    [moved] = [m for gr in g.groups for m in gr.members if m.claim.doc == "b2"]
    assert any("another story" in n and "b1" in n for n in moved.notes)
    # 19 in the outbreak is no fall from the collapse's 11, nor a rise to compare
    [cl] = [cl for cl in reconcile(corpus()) if any(c.doc == "a1" for c in cl.claims)]
    assert sorted(c.value for c in cl.claims) == [4, 11, 79]
    off = default_config().model_copy(update={"story_word_margin": None})
    assert members(group_claims(corpus(), off), "b2") == ["a1", "a2", "a3", "b2"]


def test_one_story_told_in_the_same_words_is_not_split():
    """A corpus of one story: the undated article shares the story's words (in every article)
    with the cluster's dated articles; that another article repeats its very sentence (a wire
    copy) makes it no other story."""
    one = [c for c in corpus() if c.doc.startswith("a")] + [
        claim("a4", "killed", 150, location="yemen", as_of="2021-02-01", as_of_from="metadata",
              sentence=COLLAPSE2)]
    assert members(group_claims(one), "a3") == ["a1", "a2", "a3"]


def test_words_are_read_within_the_unit():
    """Units are grouped independently (the store groups them a batch at a time): an article's
    words are read from its figures of the cluster's unit only, so the outbreak's cases (another
    kind) do not tell where its undated toll belongs."""
    cases = [c.model_copy(update={"kind": "infected"}) if c.doc == "b1" else c for c in corpus()]
    assert members(group_claims(cases), "b2") == ["a1", "a2", "a3", "b2"]


def test_an_article_with_no_shared_rare_word_stays():
    """No signal (no rare word shared with any other article): the undated article stays where
    its scope put it."""
    lone = corpus()[:3] + [claim("b2", "killed", 19, location=None, sentence="قتل 19 شخصا")]
    assert members(group_claims(lone), "b2") == ["a1", "a2", "a3", "b2"]


def test_word_lookups_are_bounded_by_max_df():
    """A word carried by more than `max_df` articles is never looked up: 300 copies of one
    sentence cost no postings reads, whatever their number."""
    pairs = [(f"d{i}", VIRUS.format(i)) for i in range(300)]
    words = StoryWords(pairs, max_df=64)
    assert words.scores("d0") == {}
    assert words.lookups == 0
    few = StoryWords(pairs[:40] + [("z", VIRUS2)], max_df=64)
    few.scores("d0")
    assert 0 < few.lookups <= 40 * len(few.words["d0"])
    read = few.lookups
    few.scores("d0")  # asked again (the article is in several clusters): read once
    assert few.lookups == read


def test_a_unit_grouped_alone_splits_as_in_the_whole():
    """The store groups units a batch at a time: grouped alone, the unit of the tolls moves the
    undated article exactly as the whole corpus does."""
    from crosscheck.reconcile.grouping import unit_key

    cfg = default_config()
    whole = corpus() + [claim("b1", "infected", 95, location=None, sentence=VIRUS2,
                              as_of="2021-02-09", as_of_from="metadata")]
    alone = group_claims(whole, cfg, {unit_key(corpus()[0], cfg)})
    assert members(alone, "b2") == members(group_claims(whole), "b2") == ["b2"]
