"""Organisation names in the wording against the declared parties (CTL003, CTL004)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checkhelpers import Check, only
from tests.conftest import merge, yaml_dump


def _with_accountant(data: dict[str, Any], trade_name: str, sentence: str) -> str:
    for party in data["parties"]:
        if party["id"] == "regnskapsbyra":
            party["trade_name"] = trade_name  # its legal name stays: other wording names it
    return yaml_dump(merge(data, {"statement": {"text": {"nb": sentence, "en": "We keep accounts."}}}))


@pytest.mark.parametrize("connector", ["og", "and", "&", "i"])
def test_a_declared_name_with_lower_case_words_is_recognised_in_full(
    check: Check, example_data: dict[str, Any], connector: str
) -> None:
    name = f"Bilag {connector} Bok AS"
    findings = check(_with_accountant(example_data, name, f"Regnskapet føres av {name}."))
    assert only(findings, "CTL004") == []


def test_only_the_tail_of_a_longer_declared_name_is_still_undeclared(
    check: Check, example_data: dict[str, Any]
) -> None:
    findings = check(_with_accountant(example_data, "Bilag og Bok AS", "Regnskapet føres av Bok AS."))
    reported = only(findings, "CTL004")
    assert [f.message.split(" is named")[0] for f in reported] == ["Bok AS"]


def test_words_glued_to_the_head_make_another_name(check: Check, example_data: dict[str, Any]) -> None:
    # "Xbilag og Bok AS" is a name of its own, read in full, and not the declared "Bilag og Bok AS".
    findings = check(
        _with_accountant(example_data, "Bilag og Bok AS", "Regnskapet føres av Xbilag og Bok AS.")
    )
    assert [f.message.split(" is named")[0] for f in only(findings, "CTL004")] == ["Xbilag og Bok AS"]


def test_the_full_name_acting_as_controller_is_named_in_full(
    check: Check, example_data: dict[str, Any]
) -> None:
    findings = check(
        _with_accountant(
            example_data,
            "Bilag og Bok AS",
            "Bilag og Bok AS bruker Google Analytics for å analysere bruken av nettsidene.",
        )
    )
    messages = [f.message for f in only(findings, "CTL003")]
    assert messages and messages[0].startswith("Bilag og Bok AS acts as the controller here")
