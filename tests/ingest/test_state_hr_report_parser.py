"""Parser of the Government-commissioned "Report on Human Rights in Kazakhstan", proven on seed 002.

Runs without Django: ``.venv/bin/pytest tests/ingest/test_state_hr_report_parser.py -p no:django``.
"""

from __future__ import annotations

import doctest
import importlib
import random
from datetime import date
from pathlib import Path

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import (
    AgencyRecord,
    MeasureRecord,
    ParsedDocument,
    Place,
    ReviewKey,
    TreatyRecord,
)
from rightstrack.ingest.sources.state_hr_report.dates import deadline_end
from rightstrack.ingest.sources.state_hr_report.parser import KIND, detect, parse

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SEED = SEEDS / "002_7fd15b15d9ac74c6.txt"
PACKAGE = (
    Path(__file__).resolve().parents[2] / "src" / "rightstrack" / "ingest" / "sources" / "state_hr_report"
)
MODULES = sorted(path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__")
CORE = "b. Core International Human Rights Treaties (UN)"
PLAN = "Human Rights Priority Action Plan"
UPR_TABLE = "b. Past Universal Periodic Reviews for Kazakhstan"


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed 002 not found at {SEED} (../shared absent)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document(seed_text: str) -> ParsedDocument:
    return parse(seed_text)


@pytest.fixture(scope="module")
def measures(document: ParsedDocument) -> dict[str, MeasureRecord]:
    return {measure.number: measure for measure in document.measures}


@pytest.fixture(scope="module")
def treaties(document: ParsedDocument) -> dict[str, TreatyRecord]:
    first: dict[str, TreatyRecord] = {}
    for treaty in document.treaties:
        if treaty.code:
            first.setdefault(treaty.code, treaty)  # ILO conventions come again in the thematic table
    return first


def rejection(text: str) -> DocumentRejected:
    with pytest.raises(DocumentRejected) as caught:
        parse(text)
    return caught.value


def seed(name: str) -> str:
    found = sorted(SEEDS.glob(f"{name}_*.txt"))
    if not found:
        pytest.skip(f"seed {name} not found in {SEEDS}")
    return found[0].read_text(encoding="utf-8")


# --- detection ------------------------------------------------------------------------------------


def test_it_detects_the_report(seed_text: str) -> None:
    assert detect(seed_text)


@pytest.mark.parametrize("name", ["000", "001", "003", "004"])
def test_it_does_not_detect_the_other_seeds(name: str) -> None:
    assert not detect(seed(name))


# --- the document as a whole ------------------------------------------------------------------------


def test_it_names_kind_title_authors_and_the_third_cycle_review(document: ParsedDocument) -> None:
    assert document.kind == KIND == "state-hr-report"
    assert document.title == "Report on Human Rights in Kazakhstan"
    assert document.review == ReviewKey("KAZ", "UPR", cycle=3, session=34, year=2019)
    assert document.author is not None
    assert (document.author.name, document.author.kind) == ("Acquis EU Law & Policy", "")
    assert [(s.name, s.kind) for s in document.stakeholders][1] == (
        "Ministry of Foreign Affairs of the Republic of Kazakhstan",
        "state",
    )


def test_every_problem_is_non_fatal_and_names_its_line_and_section(document: ParsedDocument) -> None:
    assert document.problems
    for problem in document.problems:
        assert not problem.fatal
        assert problem.place.line is not None and problem.place.section


def test_it_reads_windows_line_ends_alike(seed_text: str, document: ParsedDocument) -> None:
    again = parse(seed_text.replace("\n", "\r\n"))
    assert again.measures == document.measures and again.treaties == document.treaties


# --- the action plan --------------------------------------------------------------------------------


def test_it_reads_every_measure_of_the_nine_sections_in_order(document: ParsedDocument) -> None:
    numbers = [measure.number for measure in document.measures]
    assert len(numbers) == 26
    assert numbers[:4] == ["1.1", "1.2", "2.1", "2.2"] and numbers[-1] == "9.9"
    assert len({measure.theme for measure in document.measures}) == 9


def test_it_reads_a_measure_in_full(measures: dict[str, MeasureRecord]) -> None:
    measure = measures["2.3"]
    assert measure.text == (
        "Introduction of a separate clinical protocol, taking into account the leadership of OHCHR, the "
        "UNITED Nations on the effective investigation and documentation of torture and other cruel, "
        "inhuman or degrading treatment and punishment (Istanbul Protocol)"
    )
    assert (measure.completion_form, measure.deadline_text, measure.deadline) == (
        "order",
        "1st half of 2022",
        date(2022, 6, 30),
    )
    assert measure.agencies == [
        AgencyRecord("Ministry of Health", "MOH"),
        AgencyRecord("National Centre for Human Rights", "NCHR"),
    ]
    assert measure.theme == "Ensuring the rights of victims of trafficking"
    assert measure.place == Place(line=1182, section=PLAN)


def test_it_reads_month_and_range_deadlines(measures: dict[str, MeasureRecord]) -> None:
    assert (measures["5.1"].deadline_text, measures["5.1"].deadline) == ("February 2022", date(2022, 2, 28))
    assert (measures["2.4"].deadline_text, measures["2.4"].deadline) == ("2021-2023", date(2023, 12, 31))
    assert (measures["9.2"].deadline_text, measures["9.2"].deadline) == (
        "July 2021 until the end of 2021",
        date(2021, 12, 31),
    )
    assert (measures["9.1"].deadline_text, measures["9.1"].deadline) == ("2022", date(2022, 12, 31))
    assert measures["5.1"].completion_form == "introduction of the Concept and Draft Act at the MVK"
    assert [agency.acronym for agency in measures["5.1"].agencies] == ["MIOR", "MTSN", "NCHR"]


def test_it_joins_the_cells_a_page_break_split(measures: dict[str, MeasureRecord]) -> None:
    assert measures["6.1"].text.endswith(
        "international experience, extensive discussion with the public and academia"
    )
    assert measures["6.1"].completion_form == (
        "Proposals for consideration by the IWWG at the Prosecutor General's Office of the Republic of "
        "Kazakhstan"
    )
    assert measures["9.1"].text.startswith(
        "Making changes and additions to the Criminal, Criminal Procedure and Criminal-Executive Codes of "
        "the Republic of Kazakhstan in terms of: - granting a stay of sentence in case of serious illness "
        "of the convict;"
    )
    assert measures["9.1"].agencies[-1] == AgencyRecord("National Centre for Human Rights", "NCHR")
    assert measures["4.2"].text.endswith(
        "raising awareness, strengthening cooperation with civil society in conflict "
        "prevention and protection of women"
    )


def test_it_keeps_an_agency_named_with_commas_whole(measures: dict[str, MeasureRecord]) -> None:
    assert [agency.acronym or agency.name for agency in measures["4.2"].agencies] == [
        "MIOR",
        "MIA",
        "GP",
        "MTSN",
        "MON",
        "ASPR",
        "NCJDD",
        "mayors of the capital, cities of republican importance and regions",
        "NCHR",
    ]


def test_it_builds_one_register_of_agencies_with_their_acronyms(document: ParsedDocument) -> None:
    register = {id(agency): agency for measure in document.measures for agency in measure.agencies}
    by_acronym = {agency.acronym: agency.name for agency in register.values() if agency.acronym}
    assert len(register) == 30 == len(set(register.values()))
    assert by_acronym["MFA"] == "Ministry of Foreign Affairs"
    assert by_acronym["GP"] == "Prosecutor General's Office"
    assert by_acronym["MTSN"] == "Ministry of Labour and Social Protection of Population"
    assert by_acronym["SC"] == "Supreme Court"
    assert by_acronym["NCHR"] == "National Centre for Human Rights"
    assert by_acronym["MU"] == "MU"  # not expanded, reported


def test_it_reuses_one_agency_object_for_every_spelling(measures: dict[str, MeasureRecord]) -> None:
    foreign = measures["1.1"].agencies[0]  # "Foreign Ministry"
    assert foreign is measures["3.1"].agencies[1]  # "MFA"
    assert foreign is next(a for a in measures["9.8"].agencies if a.acronym == "MFA")  # "the Ministry of ..."
    supreme = next(a for a in measures["2.5"].agencies if a.acronym == "SC")  # "Sun (agreed)"
    assert supreme is next(a for a in measures["1.1"].agencies if a.acronym == "SC")  # "Armed Forces"
    labour = [a for a in measures["1.1"].agencies if a.acronym == "MTSN"]  # "MTHSN"
    assert labour == [measures["2.1"].agencies[0]]  # "MTSN"


def test_it_reports_acronyms_it_cannot_expand_and_agencies_named_twice(document: ParsedDocument) -> None:
    messages = [problem.describe() for problem in document.problems]
    assert f"line 1175 ({PLAN}): acronym 'MU' is not in the register of agencies: kept as written" in messages
    assert (
        "line 1214 (Human Rights Priority Action Plan): Anti-Corruption Agency is named twice for measure 9.5"
        in messages
    )


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("until the end of 2021", date(2021, 12, 31)),
        ("1st half of 2022", date(2022, 6, 30)),
        ("IV quarter 2021", date(2021, 12, 31)),
        ("2nd quarter of 2022", date(2022, 6, 30)),
        ("December 2021", date(2021, 12, 31)),
        ("by 15 July 2022", date(2022, 7, 15)),
        ("annually", None),
    ],
)
def test_it_reads_the_last_day_a_deadline_allows(text: str, end: date | None) -> None:
    assert deadline_end(text) == end


# --- treaties -------------------------------------------------------------------------------------


def test_it_codes_every_core_treaty_in_table_order(document: ParsedDocument) -> None:
    core = [treaty.code for treaty in document.treaties if treaty.place.section == CORE]
    assert core == [
        "ICCPR", "ICCPR-OP1", "ICCPR-OP2", "ICESCR", "ICESCR-OP", "CERD", "CEDAW", "CEDAW-OP", "CAT",
        "OPCAT", "CRC", "CRC-OPAC", "CRC-OPSC", "CRC-OPIC", "CMW", "CED", "CRPD", "CRPD-OP",
    ]  # fmt: skip


def test_it_reads_status_and_date_of_core_treaties(treaties: dict[str, TreatyRecord]) -> None:
    assert treaties["ICCPR"] == TreatyRecord(
        treaty="International Covenant on Civil and Political Rights (CCPR), 1976",
        code="ICCPR",
        status="ratified",
        place=Place(line=717, section=CORE),
        date=date(2006, 1, 24),
        date_text="24 Jan 2006",
        note="signed 2 Dec 2003",
    )
    assert treaties["ICCPR-OP2"] == TreatyRecord(
        treaty="Second Optional Protocol to the International Covenant on Civil and Political Rights, "
        "aiming at the abolition of the death penalty, 1991",
        code="ICCPR-OP2",
        status="signed",
        place=Place(line=719, section=CORE),
        date=date(2020, 9, 23),
        date_text="23 Sep 2020",
    )
    assert (treaties["CERD"].status, treaties["CERD"].date) == ("acceded", date(1998, 8, 26))
    assert treaties["CERD"].note.startswith(
        "declaration/reservation: 29 May 2008 “In accordance with article 14"
    )
    assert (treaties["CAT"].status, treaties["CAT"].date, treaties["CAT"].place.line) == (
        "acceded",
        date(1998, 8, 26),
        727,
    )
    assert (treaties["ICCPR-OP1"].status, treaties["ICCPR-OP1"].date, treaties["ICCPR-OP1"].date_text) == (
        "ratified",
        None,
        "2009",
    )
    assert (treaties["CMW"].status, treaties["CMW"].date) == ("not signed", None)
    assert (treaties["CRC-OPIC"].status, treaties["CRPD-OP"].status) == ("not signed", "signed")
    assert (treaties["CRPD"].date, treaties["CRPD"].note) == (date(2015, 4, 21), "signed 11 Dec 2008")


def test_it_reads_the_ilo_table_and_reports_its_count(
    document: ParsedDocument, treaties: dict[str, TreatyRecord]
) -> None:
    ilo = [t for t in document.treaties if t.place.section == "d. ILO – Ratifications for Kazakhstan"]
    assert len(ilo) == 25 and sum(1 for t in ilo if t.code) == 24
    assert (
        treaties["ILO-C087"].treaty
        == "Freedom of Association and Protection of the Right to Organise Convention, 1948 (No. 87)"
    )
    assert (treaties["ILO-C087"].status, treaties["ILO-C087"].date) == ("ratified", date(2000, 12, 13))
    assert treaties["ILO-C138"].note == "In Force; Minimum age specified: 16 years"
    assert treaties["ILO-C148"].date == date(1996, 7, 30)
    amendment = next(t for t in ilo if not t.code)
    assert (amendment.status, amendment.date) == ("accepted", date(2017, 6, 8))
    assert (
        "line 946 (d. ILO – Ratifications for Kazakhstan): the text says 25 ILO conventions are ratified "
        "(line 120); the ILO table lists 24"
    ) in [problem.describe() for problem in document.problems]
    assert document.stated_counts["ILO conventions ratified"] == 25


def test_it_reads_council_of_europe_osce_and_thematic_treaties(document: ParsedDocument) -> None:
    by_name = {treaty.treaty: treaty for treaty in document.treaties}
    tax = by_name["Convention on Mutual Administrative Assistance in Tax Matters"]
    assert (tax.code, tax.status, tax.date, tax.note) == (
        "ETS-127",
        "ratified",
        date(2015, 4, 8),
        "signed 23 Dec 2013; entry into force 1 Aug 2015",
    )
    venice = by_name["European Commission for Democracy through Law (Venice Commission)"]
    assert (venice.status, venice.date_text) == ("member", "March 2012")
    assert by_name["Helsinki Final Act"].status == by_name["Charter of Paris"].status == "signed"
    assert by_name["Rome Statute of the International Criminal Court"].status == "not signed"
    paris = by_name["Paris Agreement"]
    assert (paris.status, paris.date, paris.note) == ("ratified", date(2016, 12, 6), "signed 2 August 2016")
    hostages = by_name["International Convention Against the Taking of Hostages"]
    assert (hostages.status, hostages.note) == ("acceded", "entry into force 22 Mar 1996")
    protocol_ii = [
        t for t in document.treaties if t.treaty.endswith("Non-International Armed Conflicts (Protocol II)")
    ]
    assert len(protocol_ii) == 1 and protocol_ii[0].date == date(1992, 5, 5)
    assert len(document.treaties) == 82


# --- UPR ------------------------------------------------------------------------------------------


def test_it_reads_the_upr_cycles_their_symbols_and_the_last_figures(document: ParsedDocument) -> None:
    first, second, third = document.review_infos
    assert first.review == ReviewKey("KAZ", "UPR", cycle=1, session=7, year=2010)
    assert (first.held_on, first.adopted_on, first.symbols) == (
        date(2010, 2, 12),
        date(2010, 6, 23),
        ("A/HRC/14/10",),
    )
    assert second.review == ReviewKey("KAZ", "UPR", cycle=2, session=20, year=2014)
    assert second.symbols == ("A/HRC/28/10", "A/HRC/DEC/28/106")
    assert third.review == ReviewKey("KAZ", "UPR", cycle=3, session=34, year=2019)
    assert (third.held_on, third.adopted_on) == (date(2019, 11, 7), date(2020, 3, 12))
    assert third.symbols == ("A/HRC/43/10", "A/HRC/43/10/Add.1", "A/HRC/DEC/43/109")
    assert (third.total, third.accepted, third.noted) == (245, 214, 31)
    assert (first.total, second.total) == (None, None)
    assert third.place == Place(line=444, section=UPR_TABLE)


def test_it_reports_sessions_the_calendar_contradicts(document: ParsedDocument) -> None:
    assert (
        f"line 434 ({UPR_TABLE}): the table says Working Group session 14 for cycle 1; the UPR calendar has "
        "session 7 (2010): session 7 kept"
    ) in [problem.describe() for problem in document.problems]


def test_it_reports_each_unnumbered_ohchr_priority(document: ParsedDocument) -> None:
    letter = [problem for problem in document.problems if problem.place.section.startswith("OHCHR letter")]
    assert len(letter) == 15 and not document.recommendations
    assert letter[0].describe() == (
        "line 545 (OHCHR letter: Scope of international obligations and cooperation with international HR "
        "mechanisms and bodies): OHCHR priority 'Strengthening the national legislative framework, by "
        "ratifying the HR…' cites no recommendation number: not placed"
    )
    assert letter[-1].place.section == "OHCHR letter: D. Rights of specific persons or groups / Migrants"


def test_it_places_ohchr_priorities_that_cite_paragraph_numbers(seed_text: str) -> None:
    numbered = seed_text.replace(
        "- Introducing legislation and modalities for the follow up to the views of the United Nations "
        "Treaty Bodies on individual communications.",
        "- Introducing legislation on the views of the Treaty Bodies (recommendations 130.12 and 130.15).",
    )
    document = parse(numbered)
    assert [(r.ref, r.ref_scheme, r.text, r.place.line) for r in document.recommendations] == [
        ("130.12", "ohchr-paragraph", "Introducing legislation on the views of the Treaty Bodies.", 547),
        ("130.15", "ohchr-paragraph", "Introducing legislation on the views of the Treaty Bodies.", 547),
    ]


# --- rejections ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "  \n\t\n "])
def test_it_rejects_an_empty_text(text: str) -> None:
    assert str(rejection(text)) == "line 1: the text is empty"


def test_it_rejects_a_text_truncated_at_half(seed_text: str) -> None:
    lines = seed_text.split("\n")
    error = rejection("\n".join(lines[: len(lines) // 2]))
    assert str(error) == (
        "line 610 (Human Rights Priority Action Plan): no Human Rights Priority Action Plan table (columns "
        "'Completion form' ... 'Responsible performers'): the text is truncated or is not this report"
    )


def test_it_rejects_a_plan_cut_before_its_last_sections(seed_text: str) -> None:
    lines = seed_text.split("\n")
    error = rejection("\n".join(lines[:1200]))
    assert str(error) == (
        "line 1200 (Human Rights Priority Action Plan): the action plan has 6 sections where the decree "
        "(line 1118) lists 9 areas of work: the plan is truncated"
    )


def test_it_rejects_shuffled_lines(seed_text: str) -> None:
    lines = seed_text.split("\n")
    error = rejection("\n".join(random.Random(1).sample(lines, len(lines))))
    assert error.place is not None and error.place.section == "title"
    assert (
        "not a Government-commissioned 'Report on Human Rights in <State>': the first line is not the title"
        in error.reason
    )


def test_it_rejects_shuffled_lines_under_a_kept_title(seed_text: str) -> None:
    title, *body = seed_text.split("\n")[2:]
    error = rejection("\n".join([title, *random.Random(1).sample(body, len(body))]))
    assert error.place is not None and error.place.section == PLAN and error.place.line is not None


def test_it_rejects_measure_numbers_that_skip(seed_text: str) -> None:
    error = rejection(seed_text.replace("2.4.\t", "2.5.\t", 1))
    assert str(error) == (f"line 1183 ({PLAN}): action plan measure numbers skip: expected 2.4, found 2.5")


def test_it_rejects_swapped_plan_rows(seed_text: str) -> None:
    lines = seed_text.split("\n")
    lines[1186], lines[1187] = lines[1187], lines[1186]  # measures 3.1 and 3.2
    error = rejection("\n".join(lines))
    assert str(error) == (f"line 1187 ({PLAN}): action plan measure numbers skip: expected 3.1, found 3.2")


def test_it_rejects_a_measure_row_missing_columns(seed_text: str) -> None:
    error = rejection(seed_text.replace("\tMH, NCHR (as agreed)", "", 1))
    assert str(error) == f"line 1182 ({PLAN}): measure 2.3 has 4 of 5 columns filled (truncated row?)"


def test_it_rejects_the_coalition_slides() -> None:
    error = rejection(seed("004"))
    assert str(error) == (
        "line 3 (title): not a Government-commissioned 'Report on Human Rights in <State>': the first line "
        "is not the title but '4th Cycle of the Universal Periodic Review of the Republic of Kazakhstan'"
    )


def test_it_rejects_a_report_without_its_core_treaty_table(seed_text: str) -> None:
    error = rejection(seed_text.replace("<b>Signature</b>", "<b>Signed</b>", 1))
    assert "no table of the core international human rights treaties" in error.reason


# --- code quality -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", MODULES)
def test_its_doctests_pass_and_its_modules_stay_small(name: str) -> None:
    module = importlib.import_module(f"rightstrack.ingest.sources.state_hr_report.{name}")
    failures, _ = doctest.testmod(module)
    assert failures == 0
    assert len((PACKAGE / f"{name}.py").read_text(encoding="utf-8").splitlines()) < 300
