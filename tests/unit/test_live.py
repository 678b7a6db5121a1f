"""The folder is live: one index update at a time, and what an update says it did."""

from __future__ import annotations

from newsbrowse.index.model import Article, UpdateReport
from newsbrowse.tui.live import OpenArticle, UpdateQueue, change_summary, changed, compare_open


def test_one_update_at_a_time_and_one_more_for_whatever_came_meanwhile() -> None:
    queue = UpdateQueue()
    assert queue.request() is True, "nothing runs: start"
    assert queue.running
    assert queue.request() is False, "one runs: wait"
    assert queue.request() is False, "many batches meanwhile make one more run, not many"
    assert queue.finished() is True, "the one more run starts now"
    assert queue.running
    assert queue.finished() is False, "nothing came during it: done"
    assert not queue.running
    assert queue.request() is True


def test_a_request_by_hand_is_remembered_for_the_run_that_serves_it() -> None:
    queue = UpdateQueue()
    queue.request()
    assert not queue.manual
    queue.request(manual=True)  # R while the watch's update runs
    queue.request()  # then another batch of changes
    assert queue.finished() is True
    assert queue.manual, "the follow-up run answers the R: it says 'up to date'"
    assert queue.finished() is False
    assert not queue.manual
    assert queue.request(manual=True) and queue.manual


def test_a_failed_update_leaves_nothing_pending() -> None:
    queue = UpdateQueue()
    queue.request()
    queue.request()
    queue.failed()
    assert not queue.running
    assert queue.request() is True


def test_the_summary_counts_what_changed() -> None:
    assert change_summary(UpdateReport(added=2, changed=1, deleted=1)) == (
        "2 added · 1 changed · 1 removed"
    )
    assert change_summary(UpdateReport(added=1200)) == "1,200 added"
    assert change_summary(UpdateReport(unchanged=5)) is None
    assert not changed(UpdateReport(unchanged=5, skipped=[("x.bin", "binary")]))
    assert changed(UpdateReport(deleted=1))
    assert change_summary(UpdateReport(rebuilt=True)) == "index rebuilt"


def test_the_open_article_is_compared_with_the_index_copy() -> None:
    shown = Article(id="a.txt", path="/c/a.txt", text="Old text.", paragraphs=((0, 9),))
    same = Article(id="a.txt", path="/c/a.txt", text="Old text.", paragraphs=((0, 9),))
    edited = Article(id="a.txt", path="/c/a.txt", text="New text!", paragraphs=((0, 9),))
    assert compare_open(shown, same) is OpenArticle.SAME
    assert compare_open(shown, edited) is OpenArticle.CHANGED
    assert compare_open(shown, None) is OpenArticle.REMOVED
