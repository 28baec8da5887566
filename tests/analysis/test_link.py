"""Linking across mechanisms and cycles, recurring asks, and the split by State of the evaluation."""

from __future__ import annotations

from pathlib import Path

from rightstrack.analysis.embed import Embedder, HashingEmbedder
from rightstrack.analysis.link import CycleItem, concern_partners, link, recurring

from .conftest import EXAMPLES


def test_link_returns_the_top_k_per_item_best_first() -> None:
    a = {
        "u1": "Abolish the death penalty",
        "u2": "Ratify the Convention on the Rights of Persons with Disabilities",
    }
    b = {
        "c1": "The State party should ratify the Convention on the Rights of Persons with Disabilities.",
        "c2": "The State party should consider abolishing the death penalty.",
        "c3": "The State party should guarantee freedom of assembly.",
    }
    links = link(a, b, HashingEmbedder(), k=2)
    assert [(x, y) for x, y, _ in links][::2] == [("u1", "c2"), ("u2", "c1")]
    assert len(links) == 4 and all(-1 <= score <= 1 for _, _, score in links)
    assert links[0][2] >= links[1][2]


def test_link_finds_a_known_upr_ccpr_pair_of_seed_001(use_embedder: Embedder) -> None:
    from rightstrack.analysis.eval_tasks import upr_ccpr_pairs

    pairs, upr, ccpr = upr_ccpr_pairs(EXAMPLES.parents[1])
    assert pairs["art19.1"] == {"50"}  # incitement to discord (art. 164) ↔ freedom of expression
    found = {b for a, b, _ in link({"art19.1": upr["art19.1"]}, ccpr, use_embedder, k=3)}
    assert found & pairs["art19.1"]
    rows = {a: b for a, b in pairs.items()}
    hits = link({k: upr[k] for k in rows}, ccpr, use_embedder, k=3)
    found_rows = {a for a, b, _ in hits if b in rows[a]}
    assert len(found_rows) / len(rows) >= 0.95  # measured 60/60 (58/60 before the concern lift)


def test_seed_001_media_rows_reach_the_recommendation_behind_the_committees_concern(
    use_embedder: Embedder,
) -> None:
    from rightstrack.analysis.eval_tasks import upr_ccpr_pairs

    pairs, upr, ccpr = upr_ccpr_pairs(EXAMPLES.parents[1])
    assert concern_partners(ccpr) == {"9": "10", "49": "50"}
    for row in ("art19.7", "art19.9"):  # media freedom: closer to concern 49 than to recommendation 50
        assert pairs[row] == {"50"}
        lifted = [b for a, b, _ in link({row: upr[row]}, ccpr, use_embedder, k=3)]
        plain = [b for a, b, _ in link({row: upr[row]}, ccpr, use_embedder, k=3, concerns={})]
        assert "50" in lifted and "50" not in plain
        assert lifted.index("50") < lifted.index("49")  # equal scores: the recommendation first


def test_concern_paragraphs_pair_with_the_next_paragraph_only_when_it_asks_something() -> None:
    items = {
        "CCPR-9": "The Committee is concerned that the law does not define discrimination. (...)",
        "CCPR-10": "The State party should ensure that its anti-discrimination framework protects everyone.",
        "CCPR-21": "While noting the new Code, the Committee remains concerned about torture in custody.",
        "CCPR-22": "The State party should review its legislation on torture.",
        "CCPR-30": "The Committee is concerned about prison conditions.",
        "CCPR-31": "The Committee welcomes the adoption of the new law.",
        "CCPR-40": "The Committee regrets the lack of information on trafficking.",
        "CCPR-42": "The State party should combat trafficking.",
        "CCPR-50": "The Committee is concerned about defamation and recommends that it be decriminalised.",
        "CCPR-51": "The State party should decriminalise defamation.",
    }
    assert concern_partners(items) == {"CCPR-9": "CCPR-10", "CCPR-21": "CCPR-22"}
    assert concern_partners({"9": items["CCPR-9"], "x-10": items["CCPR-10"]}) == {}  # other series


def test_a_recommendation_paragraph_takes_its_concerns_score_when_higher() -> None:
    a = {"u1": "Protect journalists and bloggers from intimidation and assaults"}
    b = {
        "49": "The Committee is concerned about intimidation of journalists and bloggers, and assaults.",
        "50": "The State party should revise its criminal provisions on defamation.",
        "52": "The State party should guarantee freedom of assembly.",
    }
    lifted = link(a, b, HashingEmbedder(), k=3)
    plain = link(a, b, HashingEmbedder(), k=3, concerns={})
    score = {y: s for _, y, s in lifted}
    assert [y for _, y, _ in lifted][:2] == ["50", "49"]  # same score, the recommendation first
    assert score["50"] == score["49"] == max(s for _, _, s in plain)
    assert plain[0][1] == "49"
    assert score["52"] == {y: s for _, y, s in plain}["52"]  # paragraphs without a concern unchanged
    explicit = link(a, b, HashingEmbedder(), k=3, concerns={"49": "52"})
    assert {y: s for _, y, s in explicit}["52"] == score["49"]


def test_a_pair_scores_the_same_whichever_side_each_text_is_on() -> None:
    upr = {
        "u1": "Protect journalists and bloggers from intimidation",
        "u2": "Ratify the Convention on the Rights of Persons with Disabilities",
    }
    ccpr = {
        "49": "The Committee is concerned about intimidation of journalists and bloggers.",
        "50": "The State party should revise its criminal provisions on defamation.",
        "10": "The State party should ratify the Convention on the Rights of Persons with Disabilities.",
    }
    forward = {(x, y): s for x, y, s in link(upr, ccpr, HashingEmbedder(), k=3)}
    backward = {(y, x): s for x, y, s in link(ccpr, upr, HashingEmbedder(), k=2)}
    assert forward == backward


def test_link_finds_kazakhstan_2010_repeats_in_2014(data_dir: Path) -> None:
    from rightstrack.analysis.eval_tasks import repeat_pairs, reverse

    pairs, texts_new, texts_old = repeat_pairs(data_dir)
    assert pairs
    hits = link({k: texts_new[k] for k in pairs}, texts_old, HashingEmbedder(), k=3)
    assert all(any(b in pairs[a] for x, b, _ in hits if x == a) for a in pairs)
    back = reverse(pairs)
    hits = link({k: texts_old[k] for k in back}, texts_new, HashingEmbedder(), k=3)
    assert all(any(b in back[a] for x, b, _ in hits if x == a) for a in back)


def test_link_scores_count_items_pairs_precision_and_average_precision() -> None:
    from rightstrack.analysis.eval_tasks import link_scores, reverse

    a = {"u1": "Abolish the death penalty", "u2": "Ratify the Convention against Torture"}
    b = {
        "c1": "The State party should abolish the death penalty.",
        "c2": "The State party should ratify the Convention against Torture.",
        "c3": "The State party should guarantee freedom of assembly.",
        "c4": "The State party should protect journalists.",
    }
    gold = {"u1": {"c1", "c4"}, "u2": {"c2"}}
    scores = link_scores(gold, a, b, HashingEmbedder())
    ranked = {x: [y for z, y, _ in link(a, b, HashingEmbedder(), k=4, min_score=-1) if z == x] for x in a}
    assert ranked["u1"][0] == "c1" and ranked["u2"][0] == "c2"
    place = ranked["u1"].index("c4") + 1
    assert scores.items == 1.0
    assert scores.pairs == (2 + (place <= 3)) / 3
    assert scores.precision == (2 + (place <= 3)) / 6
    assert abs(scores.average_precision - ((1 + 2 / place) / 2 + 1) / 2) < 1e-9
    assert reverse(gold) == {"c1": {"u1"}, "c4": {"u1"}, "c2": {"u2"}}


def test_recurring_groups_asks_repeated_across_cycles_with_their_levels() -> None:
    items = [
        CycleItem("2010-1", "Ratify the Optional Protocol to the Convention against Torture", 1, "not"),
        CycleItem(
            "2014-7", "Ratify the Optional Protocol to the Convention against Torture (OPCAT)", 2, "partially"
        ),
        CycleItem(
            "2019-3", "Ratify the Optional Protocol to the Convention against Torture promptly", 3, None
        ),
        CycleItem("2010-2", "Guarantee the independence of the judiciary", 1, "not"),
        CycleItem("2014-9", "Improve conditions in prisons", 2, None),
    ]
    groups = recurring(items, HashingEmbedder(), threshold=0.6)
    assert len(groups) == 1
    assert groups[0].cycles == (1, 2, 3)
    assert groups[0].levels == {1: ["not"], 2: ["partially"], 3: [None]}


def test_evaluation_folds_never_share_a_state_between_train_and_test(data_dir: Path) -> None:
    from rightstrack.analysis.data import load_upr_info
    from rightstrack.analysis.eval_classify import state_folds

    rows = load_upr_info(data_dir)
    states = [row.state for row in rows]
    folds = state_folds(states, 5)
    tested: set[str] = set()
    for train, test in folds:
        train_states, test_states = {states[k] for k in train}, {states[k] for k in test}
        assert not train_states & test_states
        assert not tested & test_states
        tested |= test_states
    assert tested == set(states)


def test_subject_score_pairs_texts_about_the_same_issue_that_share_few_words() -> None:
    from rightstrack.analysis.eval_tasks import upr_ccpr_pairs
    from rightstrack.analysis.link import lexical_similarity, topic_similarity

    pairs, upr, ccpr = upr_ccpr_pairs(EXAMPLES.parents[1])
    row = upr["art14.1"]  # Criminal Procedure Code: prosecutors and defence
    assert "38" in pairs["art14.1"]  # the Committee's paragraph on the independence of the judiciary
    topics = topic_similarity([row], [ccpr["38"], ccpr["52"]])
    assert topics is not None
    judiciary, assembly = topics[0]
    assert judiciary > 0.5 > 0.1 > assembly  # both "Justice" in UPR Info's issues; assembly is not
    words = lexical_similarity([row], [ccpr["38"]])[0, 0]
    assert words < 0.1  # the words alone barely tell


def test_without_the_subject_score_link_keeps_words_and_embeddings_only() -> None:
    a = {"u1": "Abolish the death penalty"}
    b = {"c1": "The State party should consider abolishing the death penalty.", "c2": "Ratify the CRPD."}
    plain = {y: s for _, y, s in link(a, b, HashingEmbedder(), k=2, topic_weight=0.0)}
    lifted = {y: s for _, y, s in link(a, b, HashingEmbedder(), k=2)}
    assert lifted["c1"] > plain["c1"]  # both are about the death penalty
    assert lifted["c1"] <= 1.0 and lifted["c1"] - plain["c1"] <= 0.03
