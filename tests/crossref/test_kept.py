"""The cross-referencing steps' per-process memo: least recently used out past its size."""

from tracker.crossref.kept import Kept


def test_the_least_recently_used_key_goes_first_past_the_size():
    kept = Kept(2)
    kept.put("first", 1)
    kept.put("second", 2)
    assert kept.get("first") == 1  # used again: "second" is now the least recently used
    kept.put("third", 3)
    assert list(kept) == ["first", "third"]
    assert kept.get("second", "missed") == "missed"


def test_story_reports_and_rule_memos_share_the_one_kind():
    from tracker.crossref import story_reads
    from tracker.crossref.discrepancies import figures, wording

    assert all(isinstance(m, Kept) for m in (story_reads._REPORTS, wording.KEPT, figures.DATED))
    assert story_reads._REPORTS.size == 20_000


def test_a_scoped_value_lives_for_its_block_and_an_inner_block_joins_it():
    from contextvars import ContextVar

    from tracker.crossref.kept import scoped

    var: ContextVar[Kept | None] = ContextVar("test_scoped", default=None)
    with scoped(var, lambda: Kept(2)):
        outer = var.get()
        assert isinstance(outer, Kept)
        with scoped(var, lambda: Kept(3)):
            assert var.get() is outer  # the run's batches share what the run keeps
        assert var.get() is outer
    assert var.get() is None
