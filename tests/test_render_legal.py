"""The notice's legal wording: the German Land authority, direct marketing, erasure and complaint texts."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from noticelint.format.model import PrivacyStatement
from noticelint.render import render_notice


def _statement(data: dict[str, Any]) -> PrivacyStatement:
    return PrivacyStatement.model_validate(data)


def _md(data: dict[str, Any], lang: str = "nb") -> str:
    return render_notice(_statement(data), lang, "md")


def _german(example_data: dict[str, Any], **address: str) -> dict[str, Any]:
    data = copy.deepcopy(example_data)
    data["statement"]["jurisdiction"] = "DE"
    data["controller"]["country"] = "DE"
    data["controller"].setdefault("contact", {})["postal_address"] = {
        "city": "München",
        "country": "DE",
        **address,
    }
    data["complaint"] = {"authority": "DE"}
    return data


def test_german_private_controller_is_sent_to_its_land_authority(example_data: dict[str, Any]) -> None:
    text = _md(_german(example_data, region="DE-BY"), "en")
    assert "Bavarian" in text and "Federal Commissioner" not in text and "bfdi.bund.de" not in text


def test_german_private_controller_without_land_names_no_federal_authority(
    example_data: dict[str, Any],
) -> None:
    text = _md(_german(example_data), "en")
    assert "German federal state" in text and "where we are established" in text
    assert "Federal Commissioner" not in text and "bfdi.bund.de" not in text


def test_german_federal_public_body_is_sent_to_the_bfdi(example_data: dict[str, Any]) -> None:
    data = _german(example_data)
    data["controller"]["public_authority"] = True
    assert "Federal Commissioner for Data Protection" in _md(data, "en")


def test_english_reader_is_told_the_authority_s_own_name(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["complaint"] = {"authority": "NO"}
    text = _md(data, "en")
    assert "Datatilsynet, the Norwegian Data Protection Authority" in text
    assert "alleged infringement" in text


def test_direct_marketing_gets_the_absolute_right_to_object(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    plain = _md(data)
    assert "direkte markedsføring, også profilering" not in plain
    data["activities"][0]["direct_marketing"] = {"channels": ["email"], "electronic_ground": "prior_consent"}
    marketing = _md(data)
    assert "Du trenger ikke å begrunne protesten" in marketing
    assert "artikkel 21 nr. 2 og 3" in marketing
    assert "You do not need to give reasons" in _md(data, "en")


def test_erasure_grounds_are_complete_and_the_complaint_place_is_alleged(
    example_data: dict[str, Any],
) -> None:
    words = (Path(render_notice.__code__.co_filename).parent / "wording" / "nb.yaml").read_text(
        encoding="utf-8"
    )
    assert "det vil si\n    når vi ikke lenger" not in words
    for ground in (
        "rettslig plikt til å slette",
        "direkte markedsføring",
        "barn i\n    forbindelse med en nettjeneste",
    ):
        assert ground in words, ground
    data = copy.deepcopy(example_data)
    data["complaint"] = {"authority": "NO"}
    assert "der du mener at overtredelsen skjedde" in _md(data)  # Art. 77: the alleged infringement
