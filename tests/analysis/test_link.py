"""Linking across mechanisms and cycles, recurring asks, and the split by State of the evaluation."""

from __future__ import annotations

from pathlib import Path

from rightstrack.analysis.embed import Embedder, HashingEmbedder
from rightstrack.analysis.link import CycleItem, link, recurring

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
    assert len(found_rows) / len(rows) >= 0.9  # measured 58/60


def test_link_finds_kazakhstan_2010_repeats_in_2014(data_dir: Path) -> None:
    from rightstrack.analysis.eval_tasks import repeat_pairs

    pairs, texts_new, texts_old = repeat_pairs(data_dir)
    assert pairs
    hits = link({k: texts_new[k] for k in pairs}, texts_old, HashingEmbedder(), k=3)
    assert all(any(b in pairs[a] for x, b, _ in hits if x == a) for a in pairs)


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
