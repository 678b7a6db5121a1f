"""The runner's 100k ratio: each big build over the 10k builds just before and after it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run


def _child(seconds: float, cpu: float, error: str | None = None) -> run.ChildRun:
    result = {"error": error} if error else {"seconds": seconds}
    return run.ChildRun(result, seconds, 0.0, 0.0, cpu)


def test_each_big_build_is_judged_against_the_two_10k_builds_beside_it() -> None:
    builds = [_child(250, 500), _child(300, 620)]
    references = [_child(25, 50), _child(30, 60), _child(28, 64)]
    ratios = run._ratios_beside(builds, references)
    assert ratios["wall"] == pytest.approx([250 / 27.5, 300 / 29])
    assert ratios["cpu"] == pytest.approx([500 / 55, 620 / 62])


def test_a_failed_build_or_yardstick_gives_no_ratio() -> None:
    builds = [_child(250, 500), _child(0, 0, "boom"), _child(260, 520)]
    references = [_child(25, 50), _child(26, 52), _child(0, 0, "boom"), _child(27, 54)]
    ratios = run._ratios_beside(builds, references)
    assert ratios["wall"] == pytest.approx([250 / 25.5])


def _big(ratios: dict | None) -> run.SizeResult:
    metrics: dict = {
        "build": {"seconds": 300.0, "tree_cpu_s": 600.0},
        "reference_build": {"seconds": 25.0, "tree_cpu_s": 50.0},
    }
    if ratios is not None:
        metrics["reference_ratios"] = ratios
    return run.SizeResult(100_000, metrics=metrics)


def _ratio_target(result: run.SizeResult) -> run.Target:
    return next(t for t in run.targets([result]) if t.label.startswith("100k: full build"))


def test_the_target_is_the_median_of_the_ratios() -> None:
    target = _ratio_target(_big({"wall": [10.6, 9.4, 8.7], "cpu": [10.5, 9.3, 8.8]}))
    assert (target.wall, target.cpu, target.verdict) == (9.4, 9.3, True)
    target = _ratio_target(_big({"wall": [10.6, 9.4, 10.2], "cpu": [10.5, 9.3, 10.1]}))
    assert (target.wall, target.verdict) == (10.2, False)


def test_results_from_before_the_ratios_use_the_yardstick_builds_median() -> None:
    target = _ratio_target(_big(None))
    assert (target.wall, target.cpu, target.verdict) == (12.0, 12.0, False)
