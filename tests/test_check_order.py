"""``order``: the keys of a mapping follow the profile's section order (or ``order``); a key
to move is a finding at the key: the fewest keys whose moving puts the others in order."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPORT_META, lint_with, make_rule

RULE = make_rule("TS101", "order", path="sections", message="{key} comes after {after}")


def report(*keys: str) -> str:
    return REPORT_META + "sections:\n" + "".join(f"  {key}:\n    heading: {key}\n" for key in keys)


def test_the_profiles_order(tmp_path: Path) -> None:
    assert (
        lint_with(tmp_path, report("measures", "leadership", "shortcomings", "plans"), RULE) == []
    )


def test_a_section_put_too_early_is_one_finding_at_it(tmp_path: Path) -> None:
    found = lint_with(tmp_path, report("measures", "plans", "leadership", "shortcomings"), RULE)
    assert found == [(10, 3, "TS101", "shortcomings comes after plans")]


def test_a_section_put_too_late_is_one_finding_at_it(tmp_path: Path) -> None:
    found = lint_with(tmp_path, report("leadership", "shortcomings", "plans", "measures"), RULE)
    assert found == [(14, 3, "TS101", "measures comes after leadership")]


def test_each_section_to_move_is_a_finding(tmp_path: Path) -> None:
    keys = ("plans", "measures", "shortcomings", "leadership")
    assert lint_with(tmp_path, report(*keys), RULE) == [
        (8, 3, "TS101", "shortcomings comes after plans"),
        (14, 3, "TS101", "leadership comes after shortcomings"),
    ]


def test_the_national_profile_puts_shortcomings_before_leadership(tmp_path: Path) -> None:
    keys = ("measures", "shortcomings", "leadership", "plans")
    assert lint_with(tmp_path, report(*keys), RULE, profile="national") == []
    assert lint_with(tmp_path, report(*keys), RULE) == [
        (12, 3, "TS101", "leadership comes after shortcomings"),
    ]


def test_an_order_of_its_own_and_unknown_keys(tmp_path: Path) -> None:
    rule = {**RULE, "options": {"order": ["plans", "measures"]}}
    assert lint_with(tmp_path, report("plans", "other", "measures"), rule) == []
    assert lint_with(tmp_path, report("measures", "other", "plans"), rule) == [
        (12, 3, "TS101", "plans comes after measures"),
    ]
