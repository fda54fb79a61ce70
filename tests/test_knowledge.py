"""Behaviour of the knowledge tables and their loader."""

from __future__ import annotations

import datetime

import pytest

from noticelint.knowledge import VENDOR_CATEGORIES, Adequacy, Authority, Knowledge, Vendor, load_knowledge
from noticelint.knowledge.law_tables import journal_duties, journal_duty


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


def _vendor(knowledge: Knowledge, name: str) -> Vendor:
    vendor = knowledge.vendor_named(name)
    assert vendor is not None, name
    return vendor


# --- authorities ------------------------------------------------------------------------------


def test_norway_and_denmark_share_a_name_but_not_a_website(knowledge: Knowledge) -> None:
    norway = knowledge.authority("NO")
    denmark = knowledge.authority("DK")
    assert norway is not None and denmark is not None
    assert norway.native_name == denmark.native_name == "Datatilsynet"
    assert norway.website != denmark.website
    assert norway.website.endswith(".no")
    assert denmark.website.endswith(".dk")


def test_norway_has_contact_details(knowledge: Knowledge) -> None:
    norway = knowledge.authority("NO")
    assert norway is not None
    assert norway.postal_address == "Postboks 458 Sentrum, 0105 Oslo"
    assert norway.email == "postkasse@datatilsynet.no"
    assert norway.phone == "+47 22 39 69 00"


def test_authority_names_by_language(knowledge: Knowledge) -> None:
    norway = knowledge.authority("NO")
    denmark = knowledge.authority("DK")
    sweden = knowledge.authority("SE")
    assert norway is not None and denmark is not None and sweden is not None
    assert norway.name("nb") == "Datatilsynet"
    assert norway.name("nb-NO") == "Datatilsynet"
    assert norway.name("en") == "Norwegian Data Protection Authority"
    assert denmark.name("nb") == "Datatilsynet"
    assert sweden.name("nb") == sweden.english_name
    assert sweden.name("sv") == sweden.native_name
    assert sweden.name("xx") == sweden.english_name


def test_german_land_authority_resolves(knowledge: Knowledge) -> None:
    bavaria = knowledge.authority("DE-BY")
    assert bavaria is not None
    assert bavaria.country == "DE-BY"
    assert "lda.bayern.de" in bavaria.website
    assert "verify" in bavaria.confidence
    assert knowledge.authority("de-by") == bavaria


def test_unknown_authority_code_is_none(knowledge: Knowledge) -> None:
    assert knowledge.authority("XX") is None
    assert knowledge.authority("DE-XX") is None
    assert knowledge.authority("") is None


# --- EEA and adequacy -------------------------------------------------------------------------


def test_eea_membership(knowledge: Knowledge) -> None:
    assert knowledge.is_eea("NO")
    assert knowledge.is_eea("no")
    assert knowledge.is_eea("DE-BY")
    assert not knowledge.is_eea("US")
    assert not knowledge.is_eea("GB")
    assert not knowledge.is_eea("CH")
    assert len(knowledge.eea) == 30


def test_adequacy(knowledge: Knowledge) -> None:
    assert knowledge.adequacy_for("GB") is not None
    assert knowledge.adequacy_for("UK") == knowledge.adequacy_for("GB")
    united_states = knowledge.adequacy_for("US")
    assert united_states is not None
    assert "Data Privacy Framework" in united_states.scope
    assert "2023/1795" in united_states.decision
    assert knowledge.adequacy_for("NO") is None  # EEA, not a third country
    assert knowledge.adequacy_for("IN") is None


def test_no_country_is_both_eea_and_adequate(knowledge: Knowledge) -> None:
    assert not knowledge.eea & set(knowledge.adequacy)


def test_adequacy_decisions_added_and_renewed(knowledge: Knowledge) -> None:
    brazil = knowledge.adequacy_for("BR")
    assert brazil is not None
    assert "2026/179" in brazil.decision
    united_kingdom = knowledge.adequacy_for("GB")
    assert united_kingdom is not None
    assert "27 December 2031" in united_kingdom.decision
    united_states = knowledge.adequacy_for("US")
    assert united_states is not None
    assert "T-553/23" in united_states.scope and "C-703/25 P" in united_states.scope


def test_every_adequacy_row_says_whether_it_is_in_the_eea_agreement(knowledge: Knowledge) -> None:
    for item in knowledge.adequacy.values():
        assert item.eea_incorporated in {"yes", "no", "unknown"}, item


# --- vendors ----------------------------------------------------------------------------------


def test_vendor_facts_are_interpreted(knowledge: Knowledge) -> None:
    assert _vendor(knowledge, "Mailchimp").dpf_listed is True
    assert _vendor(knowledge, "Hotjar").sends_data_to_us is False
    assert _vendor(knowledge, "Hotjar").dpf_listed is None
    assert _vendor(knowledge, "Google Analytics").sends_data_to_us is True
    assert _vendor(knowledge, "Meta Pixel").dpf_listed is None  # "believed yes (verify)"
    assert _vendor(knowledge, "Microsoft 365").sends_data_to_us is True  # "limited (...)"
    assert _vendor(knowledge, "Plausible Analytics").sets_cookie is False
    assert _vendor(knowledge, "Cloudflare").sets_cookie is True  # "yes (security cookies)"


def test_vendor_values_are_kept_as_text(knowledge: Knowledge) -> None:
    hotjar = _vendor(knowledge, "Hotjar")
    assert hotjar.data_to_us.startswith("no (EU storage")
    assert _vendor(knowledge, "Meta Pixel").us_entity_dpf_listed == "believed yes (verify)"


def test_vendor_named_matches_service_and_alias_ignoring_case(knowledge: Knowledge) -> None:
    analytics = _vendor(knowledge, "Google Analytics")
    assert knowledge.vendor_named("google analytics") == analytics
    assert knowledge.vendor_named("GA4") == analytics
    assert knowledge.vendor_named("Google") is None
    assert analytics.names[0] == "Google Analytics"
    assert "GA" in analytics.names


def test_find_vendors_in_free_text(knowledge: Knowledge) -> None:
    text = "Vi bruker Google Analytics"
    found = knowledge.find_vendors(text)
    assert [(vendor.service, text[start:end]) for vendor, start, end, _ in found] == [
        ("Google Analytics", "Google Analytics")
    ]


def test_short_aliases_are_whole_words_and_case_sensitive(knowledge: Knowledge) -> None:
    assert knowledge.find_vendors("GAME") == []
    assert knowledge.find_vendors("Vi spiller et game") == []
    assert knowledge.find_vendors("ga til butikken") == []
    found = knowledge.find_vendors("Vi bruker GA og GA4.")
    assert [name for _, _, _, name in found] == ["GA", "GA4"]


def test_find_vendors_longest_name_wins_and_sorted_by_offset(knowledge: Knowledge) -> None:
    text = "Skjemaet bruker Google reCAPTCHA, og nyhetsbrevet sendes med Mailchimp."
    found = knowledge.find_vendors(text)
    assert [(vendor.service, name) for vendor, _, _, name in found] == [
        ("reCAPTCHA", "Google reCAPTCHA"),
        ("Mailchimp", "Mailchimp"),
    ]
    assert found[0][1] < found[1][1]


def test_find_vendors_case_insensitive_for_longer_names(knowledge: Knowledge) -> None:
    found = knowledge.find_vendors("Vi bruker MAILCHIMP-kontoen vår.")
    assert [vendor.service for vendor, _, _, _ in found] == ["Mailchimp"]


# --- categories and hosts ---------------------------------------------------------------------


def test_every_built_in_vendor_has_a_known_category(knowledge: Knowledge) -> None:
    assert knowledge.vendors
    for vendor in knowledge.vendors:
        assert vendor.category in VENDOR_CATEGORIES, vendor.service


def test_vendor_names_and_aliases_are_unique(knowledge: Knowledge) -> None:
    seen: dict[str, str] = {}
    for vendor in knowledge.vendors:
        for name in vendor.names:
            key = " ".join(name.split()).casefold()
            assert key not in seen, (name, vendor.service, seen.get(key))
            seen[key] = vendor.service


def test_hosts_are_normalised_host_names(knowledge: Knowledge) -> None:
    for vendor in knowledge.vendors:
        for host in vendor.hosts:
            assert host == host.strip().lower(), (vendor.service, host)
            assert "/" not in host and ":" not in host, (vendor.service, host)
            assert "*" not in host.removeprefix("*."), (vendor.service, host)


def test_vendor_for_host_exact(knowledge: Knowledge) -> None:
    pixel = knowledge.vendor_for_host("connect.facebook.net")
    assert pixel is not None and pixel.service == "Meta Pixel"
    analytics = knowledge.vendor_for_host("region1.google-analytics.com")
    assert analytics is not None and analytics.service == "Google Analytics"
    assert "www.googletagmanager.com" in analytics.hosts


def test_vendor_for_host_wildcard_matches_subdomains_only(knowledge: Knowledge) -> None:
    analytics = knowledge.vendor_for_host("www.google-analytics.com")
    assert analytics is not None and analytics.service == "Google Analytics"
    assert knowledge.vendor_for_host("ssl.google-analytics.com") == analytics  # *.google-analytics.com
    assert knowledge.vendor_for_host("google-analytics.com") is None  # "*." needs a subdomain
    assert knowledge.vendor_for_host("evilgoogle-analytics.com") is None


def test_vendor_for_host_longest_match_wins(knowledge: Knowledge) -> None:
    # *.cloudflare.com is Cloudflare; the exact host cdnjs.cloudflare.com is cdnjs.
    assert _vendor(knowledge, "Cloudflare") == knowledge.vendor_for_host("www.cloudflare.com")
    cdnjs = knowledge.vendor_for_host("cdnjs.cloudflare.com")
    assert cdnjs is not None and cdnjs.service == "cdnjs"
    # *.doubleclick.net is Google Marketing Platform; googleads.g.doubleclick.net is listed for Google Ads.
    ads = knowledge.vendor_for_host("googleads.g.doubleclick.net")
    assert ads is not None and ads.service == "Google Ads"
    marketing = knowledge.vendor_for_host("ad.doubleclick.net")
    assert marketing is not None and marketing.service == "Google Marketing Platform"


def test_vendor_for_host_longest_wildcard_wins() -> None:
    knowledge = load_knowledge(
        [
            {"service": "Bred Eksempel", "hosts": "*.eksempel.no"},
            {"service": "Smal Eksempel", "hosts": "*.cdn.eksempel.no"},
        ]
    )
    narrow = knowledge.vendor_for_host("a.cdn.eksempel.no")
    assert narrow is not None and narrow.service == "Smal Eksempel"
    broad = knowledge.vendor_for_host("www.eksempel.no")
    assert broad is not None and broad.service == "Bred Eksempel"


def test_vendor_for_host_ignores_case_scheme_port_path_and_trailing_dot(knowledge: Knowledge) -> None:
    pixel = _vendor(knowledge, "Meta Pixel")
    assert knowledge.vendor_for_host("Connect.Facebook.NET.") == pixel
    assert knowledge.vendor_for_host("https://connect.facebook.net:443/en_US/fbevents.js") == pixel
    assert knowledge.vendor_for_host("//connect.facebook.net/en_US/fbevents.js") == pixel


def test_vendor_for_unknown_or_empty_host_is_none(knowledge: Knowledge) -> None:
    assert knowledge.vendor_for_host("www.example.no") is None
    assert knowledge.vendor_for_host("") is None
    assert knowledge.vendor_for_host("   ") is None
    assert knowledge.vendor_for_host("facebook.net") is None


def test_name_index_finds_what_trying_every_name_finds(knowledge: Knowledge) -> None:
    from noticelint.knowledge import _mentions  # the index only rules names out

    names = [name for vendor in knowledge.vendors for name in (*vendor.names, *vendor.outdated_names)]
    texts = [
        " og ".join(names),
        "; ".join(name.upper() for name in names),
        "Vi bruker e-conomic, Make.com, X (Twitter), Cookie-Script og 24SevenOffice.",
        "Vi bruker GA4, GTM og AWS, men ikke GAME eller Gtm.",
        "Google Analyticsx, xGoogle Analytics, Google_Analytics, Hotjar-Ltd, Hotjar's, «Hotjar»",
        "İnfo ſtripe KLARNA Klarna\u212a Stripe",  # letters re.IGNORECASE folds differently
        "Stripe\nPayments Europe, Limited og Mailchimp\tSkjema",
    ]
    for kind in ("vendors", "outdated"):
        index = knowledge._name_index(kind)
        for text in texts:
            assert _mentions(text, index) == _mentions(text, index, every_name=True), (kind, text)


# --- outdated names ---------------------------------------------------------------------------


def test_outdated_name_without_full_stop(knowledge: Knowledge) -> None:
    text = "Tjenesten leveres av Google Inc («Google»)."
    found = knowledge.find_outdated_names(text)
    assert len(found) == 1
    _, start, end, name = found[0]
    assert text[start:end] == "Google Inc"
    assert name == "Google Inc"


def test_outdated_name_with_full_stop_is_found_once(knowledge: Knowledge) -> None:
    text = "Dette gjelder alle tjenester som tilbys av Google Inc. og partnerne."
    found = knowledge.find_outdated_names(text)
    assert len(found) == 1
    _, start, end, name = found[0]
    assert text[start:end] == "Google Inc."
    assert name == "Google Inc."


def test_outdated_names_are_whole_words(knowledge: Knowledge) -> None:
    assert knowledge.find_outdated_names("Google Incorporated") == []
    assert knowledge.find_outdated_names("Google Ireland Limited") == []


# --- configuration ----------------------------------------------------------------------------


# A service the built-in table does not know (Tripletex, used here before, is now a built-in row).
_LOCAL = "Regnskapsbyrå Eksempel"


def test_extra_vendor_rows_are_found() -> None:
    knowledge = load_knowledge([{"service": _LOCAL, "aliases": "Eksempel regnskap", "data_to_us": "no"}])
    found = knowledge.find_vendors(f"Regnskapet føres av {_LOCAL}.")
    assert [vendor.service for vendor, _, _, _ in found] == [_LOCAL]
    vendor = found[0][0]
    assert vendor.source == "user configuration"
    assert vendor.eea_entity == ""
    assert vendor.sends_data_to_us is False
    assert vendor.aliases == ("Eksempel regnskap",)


def test_extra_vendor_rows_may_leave_out_category_and_hosts() -> None:
    vendor = load_knowledge([{"service": _LOCAL}]).vendor_named(_LOCAL)
    assert vendor is not None
    assert vendor.category == ""
    assert vendor.hosts == ()


def test_extra_vendor_rows_may_give_hosts_as_text_or_list() -> None:
    knowledge = load_knowledge(
        [
            {"service": _LOCAL, "category": "Accounting", "hosts": "app.eksempel.no; *.Eksempel-CDN.no."},
            {"service": "Skjema Eksempel", "hosts": ["skjema.eksempel.no"]},
        ]
    )
    local = knowledge.vendor_named(_LOCAL)
    assert local is not None
    assert local.category == "accounting"
    assert local.hosts == ("app.eksempel.no", "*.eksempel-cdn.no")
    assert knowledge.vendor_for_host("static.eksempel-cdn.no") == local
    forms = knowledge.vendor_for_host("skjema.eksempel.no")
    assert forms is not None and forms.service == "Skjema Eksempel"


def test_extra_vendors_do_not_leak_into_later_loads() -> None:
    load_knowledge([{"service": _LOCAL, "hosts": "app.eksempel.no"}])
    assert load_knowledge().vendor_named(_LOCAL) is None
    assert load_knowledge().vendor_for_host("app.eksempel.no") is None


def test_extra_vendor_without_service_is_an_error() -> None:
    with pytest.raises(ValueError, match="service"):
        load_knowledge([{"aliases": "Foo"}])
    with pytest.raises(ValueError, match="service"):
        load_knowledge([{"service": "  "}])


# --- provenance -------------------------------------------------------------------------------


def test_the_eea_entity_column_holds_only_companies_in_the_eea(knowledge: Knowledge) -> None:
    # REC006 calls the eea_entity "the EEA contracting party": a company outside the EEA goes to
    # us_entity or other_entity instead.
    wrong = [
        f"{v.service}: {v.eea_entity} ({v.eea_entity_country or 'no country'})"
        for v in knowledge.vendors
        if v.eea_entity and not knowledge.is_eea(v.eea_entity_country)
    ]
    assert wrong == []
    proton = _vendor(knowledge, "Proton Mail")
    assert (proton.eea_entity, proton.other_entity, proton.other_entity_country) == ("", "Proton AG", "CH")
    assert _vendor(knowledge, "Mailchimp").eea_entity == ""
    assert _vendor(knowledge, "Google Analytics").eea_entity == "Google Ireland Limited"


def test_journal_duties_are_dated_and_sourced() -> None:
    duties = {duty.kind: duty for duty in journal_duties()}
    assert set(duties) == {"health", "animal_health"}
    for duty in duties.values():
        assert duty.source.strip() and duty.verified.strip() and duty.duty.strip()
        datetime.date.fromisoformat(duty.last_checked)
    # Health personnel: kept as long as needed, no minimum in law; animal-health personnel: ten years.
    assert duties["health"].minimum_retention == "" and duties["animal_health"].minimum_retention == "P10Y"
    assert journal_duty(["Borg Fysioterapi AS"], []) is duties["health"]
    assert journal_duty(["Eksempel Dyreklinikk AS"], ["pasientjournal"]) is duties["animal_health"]
    assert journal_duty([], ["Journalføring i henhold til helsepersonelloven"]) is duties["health"]
    assert journal_duty([], ["We keep patient records of your treatment"]) is duties["health"]
    assert journal_duty([], ["Journalistikk om helsehjelp"]) is None
    assert journal_duty([], ["helsehjelp"]) is None  # no journal spoken of


def test_every_row_says_where_it_comes_from(knowledge: Knowledge) -> None:
    rows: list[Authority | Vendor | Adequacy] = [
        *knowledge.authorities.values(),
        *knowledge.vendors,
        *knowledge.adequacy.values(),
    ]
    assert rows
    for row in rows:
        for column in ("source", "confidence"):
            assert getattr(row, column).strip(), f"{row!r}: empty {column}"
        if isinstance(row, Vendor) and not row.last_checked:
            # Never checked against a source: the row must say so rather than carry a date.
            assert row.confidence.startswith("unverified"), row
            continue
        datetime.date.fromisoformat(row.last_checked)


def test_a_vendor_row_from_background_knowledge_has_no_check_date(knowledge: Knowledge) -> None:
    # last_checked is the day the row was checked against its source; a row written from background
    # knowledge without re-reading the source was not checked on any day.
    unchecked = [v for v in knowledge.vendors if "not re-read" in v.source]
    assert unchecked and all(v.last_checked == "" for v in unchecked)
    assert _vendor(knowledge, "Google Analytics").last_checked == "2026-11-25"


def test_the_rights_by_basis_table_is_the_one_the_rules_and_the_notice_use() -> None:
    knowledge = load_knowledge()
    assert set(knowledge.rights_by_basis) == {f"6(1)({letter})" for letter in "abcdef"}
    assert "erasure" not in knowledge.rights_for("6(1)(c)")  # Art. 17(3)(b)
    assert "erasure" in knowledge.rights_for("6(1)(e)")  # limited, but it applies (17(3)(b))
    assert knowledge.bases_with("objection") == {"6(1)(e)", "6(1)(f)"}  # Art. 21(1)
    assert knowledge.bases_with("portability") == {"6(1)(a)", "6(1)(b)"}  # Art. 20(1)(a)
    assert knowledge.bases_with("withdrawal") == {"6(1)(a)"}  # Art. 7(3)
