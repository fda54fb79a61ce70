"""The merge behind rule examples and templates: mappings by key, lists of items by id."""

from __future__ import annotations

import pytest

from noticelint.format.merge import MergeError, merge

BASE = {
    "controller": {"id": "c", "legal_name": "A AS", "contact": {"email": "a@example.no", "phone": "1"}},
    "parties": [{"id": "p1", "role": "processor", "country": "NO"}, {"id": "p2", "country": "SE"}],
    "languages": ["nb", "en"],
}


def test_mappings_merge_key_by_key_and_null_removes() -> None:
    merged = merge(BASE, {"controller": {"contact": {"phone": None, "web_form": "https://x"}}})
    assert merged["controller"]["contact"] == {"email": "a@example.no", "web_form": "https://x"}
    assert merged["controller"]["legal_name"] == "A AS"


def test_items_merge_by_id_and_new_ids_append() -> None:
    merged = merge(BASE, {"parties": [{"id": "p2", "country": "DK"}, {"id": "p3", "country": "FI"}]})
    assert merged["parties"] == [
        {"id": "p1", "role": "processor", "country": "NO"},
        {"id": "p2", "country": "DK"},
        {"id": "p3", "country": "FI"},
    ]


def test_delete_and_replace_an_item() -> None:
    merged = merge(BASE, {"parties": [{"id": "p1", "$delete": True}, {"id": "p2", "$replace": True, "x": 1}]})
    assert merged["parties"] == [{"id": "p2", "x": 1}]


def test_replace_a_whole_list_or_mapping() -> None:
    assert merge(BASE, {"parties": {"$replace": [{"id": "q"}]}})["parties"] == [{"id": "q"}]
    contact = merge(BASE, {"controller": {"contact": {"$replace": True, "phone": "2"}}})["controller"][
        "contact"
    ]
    assert contact == {"phone": "2"}


def test_plain_lists_and_scalars_replace() -> None:
    assert merge(BASE, {"languages": ["nb"]})["languages"] == ["nb"]


def test_the_base_is_not_changed() -> None:
    before = repr(BASE)
    merge(BASE, {"parties": [{"id": "p1", "country": None}], "controller": None})
    assert repr(BASE) == before


def test_deleting_an_unknown_id_is_an_error() -> None:
    with pytest.raises(MergeError, match="'nope'"):
        merge(BASE, {"parties": [{"id": "nope", "$delete": True}]})
