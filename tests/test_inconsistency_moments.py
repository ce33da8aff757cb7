"""find_inconsistencies(moments_of=docs): a check wants only the inconsistencies citing its new
articles' claims, so the part/whole constraints read only the claims of those articles' moments
(reconcile.inconsistencies.at_moments_of).  The inconsistencies citing a claim of `docs` are the
same, in the same order, as with every claim read; on a generated archive (random figures: many
parts above wholes, several stories per day), consistent stories, and the fixtures."""

import random

import pytest

from crosscheck import pipeline
from crosscheck.reconcile.inconsistencies import at_moments_of, find_inconsistencies
from crosscheck.reconcile.hierarchy import ADDITIVE_KINDS


def _citing(found, docs):
    return [i.model_dump_json() for i in found if any(c.doc in docs for c in i.claims)]


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    from corpus_support import generated_corpus

    out = [pipeline.analyse(["fixtures"])]
    for seed, stories in ((7, "random"), (3, "consistent")):
        path = generated_corpus(tmp_path_factory.mktemp("gen"), 150, seed=seed, stories=stories)
        out.append(pipeline.analyse([str(path)]))
    return out


def _undated(cl, docs):
    if not any(c.doc in docs for c in cl.claims):
        return cl
    return cl.model_copy(update={"claims": [c.model_copy(update={"as_of": None}) if c.doc in docs else c
                                            for c in cl.claims]})


def test_the_inconsistencies_of_some_articles_read_at_their_moments_only(archives):
    rng = random.Random(5)
    compared = cited = cited_undated = read = every = 0
    for analysis in archives:
        clusters = analysis.clusters
        full = find_inconsistencies(clusters)
        docs_all = sorted({d.id for d in analysis.documents})
        additive = [cl for cl in clusters if cl.kind in ADDITIVE_KINDS and cl.claims]
        for _ in range(25):
            docs = set(rng.sample(docs_all, rng.choice([1, 1, 2, 5])))
            want = _citing(full, docs)
            got = _citing(find_inconsistencies(clusters, moments_of=docs), docs)
            assert got == want
            # the same articles undated: their claims are of their own article's moment
            undated = [_undated(cl, docs) for cl in clusters]
            want = _citing(find_inconsistencies(undated), docs)
            assert _citing(find_inconsistencies(undated, moments_of=docs), docs) == want
            cited_undated += bool(want)
            compared += 1
            cited += bool(want)
            read += sum(len(cl.claims) for cl in at_moments_of(additive, docs))
            every += sum(len(cl.claims) for cl in additive)
    assert compared == 75 and cited >= 20 and cited_undated >= 10, (cited, cited_undated)  # many of the samples are cited by some inconsistency
    assert read < every / 3, (read, every)  # work: the part/whole constraints read those moments' claims


def test_a_cluster_with_a_claim_without_a_number_is_kept_whole(archives):
    analysis = archives[0]
    cl = next(cl for cl in analysis.clusters if len(cl.claims) > 1)
    odd = cl.model_copy(update={"claims": [cl.claims[0].model_copy(update={"value": "نعم"})] + cl.claims[1:]})
    (kept,) = at_moments_of([odd], {"no-such-article"})
    assert kept.claims == odd.claims
