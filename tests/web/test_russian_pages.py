"""Every public and portal page of the Kazakhstan example speaks Russian when asked: no English message of
the catalogue is left on it, and every chart (title, description, axis and legend titles, the categories it
shows) is Russian.

What counts as "an English message left on the page" (the rule, kept deliberately narrow so that the
original words of documents, which stay in English, are never counted):

- the catalogue's msgids, except those of 2 characters or fewer, those without a lowercase letter (codes and
  acronyms: "UPR", "CCPR", "IRI", "PDF"), those whose Russian is the English (names of things: "RightsTrack",
  "UPR Info") and the names of languages and file formats;
- a text node of the page (or a ``title`` / ``aria-label`` / ``placeholder`` / ``alt`` attribute) counts
  when, with its whitespace collapsed, it *is* such a msgid, or starts with one followed by a colon, a
  bracket or a figure ("Recommendations (120)"); a msgid with placeholders counts when its words around the
  placeholders make up the whole text node. Text inside an element written by a document's author is not
  interface text and does not count: a msgid is looked for in whole text nodes only, never inside a
  sentence, so a recommendation that says "fully implemented" is not a finding.
- every Vega-Lite spec of the page (the JSON the browser draws) and every chart of a report: each title,
  description, axis and legend title and each categorical value of a coloured or positional field must
  contain Cyrillic or be a number, a year, a cycle or a code (no lowercase Latin letter), or a theme label
  of the data (themes are the vocabularies' own words).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.conftest import ROOT

CATALOGUE = ROOT / "src" / "rightstrack" / "locale" / "ru" / "LC_MESSAGES" / "django.po"
SKIPPED_TAGS = {"script", "style", "code", "pre", "blockquote"}
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN_WORD = re.compile(r"[a-z]{3,}")


def _unquote(lines: list[str]) -> str:
    return "".join(json.loads(line) for line in lines)


def catalogue() -> dict[str, str]:
    """msgid → msgstr of the Russian catalogue (plural forms: the singular and its first form)."""
    found: dict[str, str] = {}
    for entry in CATALOGUE.read_text(encoding="utf-8").split("\n\n")[1:]:
        parts: dict[str, list[str]] = {}
        key = ""
        for line in entry.splitlines():
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$', line)
            if match:
                key = match.group(1)
                parts[key] = [match.group(2)]
            elif line.startswith('"') and key:
                parts[key].append(line)
        if "msgid" in parts:
            found[_unquote(parts["msgid"])] = _unquote(parts.get("msgstr", parts.get("msgstr[0]", ['""'])))
    return found


#: Placeholders that stand for a figure, and those that stand for a reference ("124.4", "KAZ").
FIGURES = {"n", "total", "cycle", "year", "score", "c", "a", "r", "v", "number", "minutes", "seconds", "size"}
FIGURES |= {"limit", "contacted", "responded", "done", "overdue", "not", "fully", "partially", "none"}
FIGURES |= {"undetermined"}
REFERENCES = {"ref", "paragraph", "code", "symbol"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]")


def _placeholder(match: re.Match[str]) -> str:
    name = match.group(1) or "n"
    if name in FIGURES or match.group(0).endswith("d"):
        return r"[\d\s.,%–-]+"
    return r"\S+" if name in REFERENCES else r"\S.{0,60}?"


def english_messages() -> list[re.Pattern[str]]:
    """The msgids a Russian page must not show, as patterns over a whole text node."""
    patterns = []
    for msgid, msgstr in catalogue().items():
        words = PLACEHOLDER.sub("", msgid)
        if len(words.strip()) <= 2 or not re.search(r"[a-z]", words) or msgstr == msgid:
            continue
        text = " ".join(msgid.split())
        body, at = "", 0
        for match in PLACEHOLDER.finditer(text):
            body += re.escape(text[at : match.start()]) + _placeholder(match)
            at = match.end()
        body += re.escape(text[at:])
        patterns.append(re.compile(rf"{body}(?:\s*:|\s*\(.*\)|\s+[\d\s.,%]+)?", re.S))
    return patterns


def data_texts() -> set[str]:
    """The original words of the data (document titles, recommendation, assessment and measure texts,
    names, theme labels): their first 30 characters, whitespace collapsed. They stay in the source's
    language."""
    from rightstrack.actionplans.models import Measure
    from rightstrack.assessments.models import Assessment, Stakeholder
    from rightstrack.documents.models import SourceDocument
    from rightstrack.recommendations.models import Recommendation, Term

    texts: list[str] = [
        *(t for row in Measure.objects.values_list("text", "theme", "completion_form") for t in row),
        *SourceDocument.objects.values_list("title", flat=True),
        *Recommendation.objects.values_list("text", flat=True),
        *Recommendation.objects.exclude(position_statements=None).values_list(
            "position_statements__words", flat=True
        ),
        *Stakeholder.objects.values_list("name", flat=True),
        *Term.objects.values_list("label", flat=True),
    ]
    for original, public in Assessment.private_objects.values_list("original_text", "public_text"):
        texts += [original, public, *original.split("\n"), *public.split("\n")]
    return {" ".join(text.split())[:30] for text in texts if text and text.strip()}


def names_in_data() -> list[str]:
    """Names and titles of the data (stakeholders, documents), longest first: a text node that quotes
    one ("Keep «NGO Coalition from the Republic of Kazakhstan»") is checked without it."""
    from rightstrack.assessments.models import Stakeholder
    from rightstrack.documents.models import SourceDocument

    names = {*Stakeholder.objects.values_list("name", flat=True)}
    names |= {*SourceDocument.objects.values_list("title", flat=True)}
    return sorted((" ".join(n.split()) for n in names if n and n.strip()), key=len, reverse=True)


def is_data(node: str, data: set[str]) -> bool:
    """Whether a text node is the data's words, maybe after a colon or with a bracketed note ("Other
    (upr-info-issues)")."""
    node = node.lstrip(":·—– ")
    return node[:30] in data or re.sub(r"\s*\([^)]*\)$", "", node)[:30] in data


class _Text(HTMLParser):
    """The text nodes and labelling attributes of a page, and the JSON of its ``<script>`` blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[str] = []
        self.scripts: list[str] = []
        self._skip: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self._skip.append(tag)
        self._script = tag == "script"
        for name, value in attrs:
            if name in ATTRIBUTES and value:
                self.nodes.append(value)

    def handle_endtag(self, tag: str) -> None:
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts.append(data)
        if self._skip:
            return
        text = " ".join(data.split())
        if text:
            self.nodes.append(text)


def english_left(html: str, patterns: list[re.Pattern[str]], data: set[str]) -> list[str]:
    """The text nodes of ``html`` that are an English message of the catalogue (not the data's words)."""
    parser = _Text()
    parser.feed(html)
    interface = {node for node in parser.nodes if not is_data(node, data)}
    return sorted({node for node in interface for p in patterns if p.fullmatch(node)})


SHORT = 120  # characters: longer text nodes are sentences of the data, not the interface
NOMINATIVE_MONTHS = "Январь|Февраль|Март|Апрель|Май|Июнь|Июль|Август|Сентябрь|Октябрь|Ноябрь|Декабрь"
NUMBER_SIGN = re.compile(r"\b[Nn][°º]\s*\w|\b(?:No\.|#)\s*\d")  # Russian writes "№ 12"
PLACE = re.compile(r"^(?:page|paragraph|row|cell|line) \S+(?:, |$| \()")  # core.records.Place.describe
DAY_AND_MONTH = re.compile(rf"\b\d{{1,2}} ({NOMINATIVE_MONTHS}|[A-Z][a-z]+ \d{{4}})\b")


def other_english(html: str, data: set[str], quoted: list[str]) -> list[str]:
    """Interface text (short: a heading, a title, a list item, a cell; never a quoted paragraph) with a
    State's English name, a day with the month in the nominative ("3 Декабрь 2012", should be
    "3 декабря 2012"), an English date, a number written "n° 12" / "No. 12" / "#12" (Russian: "№ 12")
    or a place in a document in English ("paragraph 124.4, line 321")."""
    from rightstrack.core.states import all_states

    names = re.compile(r"\b(" + "|".join(re.escape(s.name) for s in all_states()) + r")\b")
    parser = _Text()
    parser.feed(html)
    found = set()
    for node in parser.nodes:
        if is_data(node, data) or len(node) > SHORT:
            continue
        for name in quoted:
            node = node.replace(name, "")
        if any(pattern.search(node) for pattern in (names, DAY_AND_MONTH, NUMBER_SIGN, PLACE)):
            found.add(node)
    return sorted(found)


def vega_specs(html: str) -> list[dict[str, Any]]:
    parser = _Text()
    parser.feed(html)
    specs = []
    for script in parser.scripts:
        try:
            value = json.loads(script)
        except ValueError:
            continue
        if isinstance(value, dict) and "vega-lite" in str(value.get("$schema", "")):
            specs.append(value)
    return specs


def _is_russian(value: Any, themes: set[str]) -> bool:
    if value is None or not isinstance(value, str):
        return True
    return bool(CYRILLIC.search(value)) or not LATIN_WORD.search(value) or value in themes


def english_in_chart(spec: dict[str, Any], themes: set[str]) -> list[str]:
    """The words of a Vega-Lite spec a reader sees that are still English."""
    seen: list[Any] = [spec.get("title"), spec.get("description")]
    rows = spec.get("data", {}).get("values", [])
    for name, channel in spec.get("encoding", {}).items():
        if not isinstance(channel, dict):
            continue
        seen.append(channel.get("title"))
        if name in {"x", "y", "color"} and channel.get("type") in {"nominal", "ordinal"}:
            field = channel.get("field")
            seen += [row.get(field) for row in rows]
            seen += channel.get("scale", {}).get("domain", [])
    return sorted({str(value) for value in seen if not _is_russian(value, themes)})


@pytest.fixture
def people(kazakhstan_example: list[Path]) -> dict[str, Client]:
    """Clients asking for Russian: anonymous, a contributor of an NGO of the example, an editor."""
    from rightstrack.assessments.models import Stakeholder
    from rightstrack.portal.models import Membership, Role

    organisation = Stakeholder.objects.filter(kind="ngo").order_by("pk").first()
    assert organisation is not None
    clients = {}
    for name, role in (("anonymous", None), ("contributor", Role.CONTRIBUTOR), ("editor", Role.EDITOR)):
        client = Client(HTTP_ACCEPT_LANGUAGE="ru")
        if role is not None:
            user = User.objects.create_user(name, f"{name}@example.org", "a-long-passphrase-1")
            Membership.objects.create(
                user=user, role=role, organisation=organisation if role == Role.CONTRIBUTOR else None
            )
            client.force_login(user)
        clients[name] = client
    return clients


def public_pages() -> list[str]:
    from rightstrack.assessments.models import Stakeholder
    from rightstrack.recommendations.models import Recommendation, Review

    ccpr = Review.objects.filter(state_id="KAZ", mechanism__code="CCPR").order_by("cycle").first()
    assert ccpr is not None
    assessed = Recommendation.objects.filter(assessments__isnull=False).order_by("pk").first()
    assert assessed is not None
    pages = [
        "/",
        "/recommendations",
        f"/recommendations/{assessed.pk}",
        "/states/KAZ",
        "/states/KAZ/UPR/1",
        "/states/KAZ/UPR/2",
        f"/states/KAZ/CCPR/{ccpr.cycle}",
        "/states/KAZ/recurring",
        "/stakeholders",
        "/accounts/login/",
        *(f"/stakeholders/{pk}" for pk in Stakeholder.objects.values_list("pk", flat=True)),
    ]
    return pages


def portal_pages() -> dict[str, list[str]]:
    """The portal as a contributor (with a draft of their organisation's) and as an editor."""
    from rightstrack.assessments.models import Assessment, FollowUpCampaign, Stakeholder
    from rightstrack.recommendations.models import Recommendation, Review

    review = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=2)
    recommendation = Recommendation.objects.filter(review=review).order_by("pk").first()
    assert recommendation is not None
    organisation = Stakeholder.objects.filter(kind="ngo").order_by("pk").first()
    draft = Assessment.private_objects.create(
        recommendation=recommendation, stakeholder=organisation, original_text="Some progress."
    )
    campaigns = FollowUpCampaign.objects.values_list("pk", flat=True)
    return {
        "contributor": [
            "/portal/",
            f"/portal/reviews/{review.pk}/",
            f"/portal/recommendations/{recommendation.pk}/assess/",
            f"/portal/assessments/{draft.pk}/",
            f"/portal/assessments/{draft.pk}/history/",
            "/portal/upload/",
        ],
        "editor": [
            "/portal/",
            f"/portal/assessments/{draft.pk}/history/",
            "/portal/upload/",
            "/portal/moderation/",
            "/portal/suggestions/",
            *(f"/portal/campaigns/{pk}/" for pk in campaigns),
            "/portal/imports/spreadsheet/",
            "/portal/imports/evidence/",
            "/portal/campaigns/",
            "/portal/stakeholders/duplicates/",
            "/portal/invitations/new/",
        ],
    }


REPORT_LINK = re.compile(r'href="(/states/[^"?]+/reports/\w+\.html)"')


def _themes() -> set[str]:
    from rightstrack.recommendations.models import Term

    return set(Term.objects.values_list("label", flat=True))


def test_every_page_of_the_example_is_russian_when_asked(people: dict[str, Client], settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    patterns = english_messages()
    themes = _themes()
    data = data_texts()
    quoted = names_in_data()
    visits = [("anonymous", page) for page in public_pages()]
    visits += [(who, page) for who, pages in portal_pages().items() for page in pages]
    english: dict[str, list[str]] = {}
    charts: dict[str, list[str]] = {}
    reports: set[str] = set()
    drawn = 0
    for who, page in visits:
        answer = people[who].get(page, follow=True)
        assert answer.status_code == 200, (who, page, answer.status_code)
        html = answer.content.decode()
        if page not in reports:
            new = set(REPORT_LINK.findall(html)) - reports
            reports |= new
            visits += [("anonymous", report) for report in sorted(new)]
        assert '<html lang="ru">' in html, page
        left = english_left(html, patterns, data) + other_english(html, data, quoted)
        if left:
            english[f"{who} {page}"] = left
        specs = vega_specs(html)
        drawn += len(specs)
        for spec in specs:
            words = english_in_chart(spec, themes)
            if words:
                charts[f"{page} {spec.get('title')}"] = words
    assert drawn >= 4 and len(reports) >= 5, (drawn, reports)  # the dashboard's charts; the reports linked
    assert not english and not charts, json.dumps([english, charts], ensure_ascii=False, indent=1)


def test_the_machines_reasons_read_in_russian(kazakhstan_mia: Path) -> None:
    """Every reason the claim reader gives for the example's assessments is Russian but for the quoted
    words and figures; in English it stays as the reader wrote it."""
    from django.utils import translation

    from rightstrack.analysis.claims import extract_claim
    from rightstrack.assessments.models import Assessment
    from rightstrack.web.reasons import claim_level, machine_reason, place_words

    claims = [
        extract_claim(text) for text in Assessment.private_objects.values_list("original_text", flat=True)
    ]
    assert len({claim.reason.split(":")[0].split(" (")[0] for claim in claims}) >= 5
    with translation.override("ru"):
        for claim in claims:
            shown = machine_reason(claim.reason)
            phrase = re.split(r": ['\"]|\(\d", shown)[0].replace("UPR Info", "")  # a name
            assert CYRILLIC.search(phrase) and not LATIN_WORD.search(phrase), (claim.reason, shown)
            assert CYRILLIC.search(claim_level(claim.level)), claim.level
        assert machine_reason("rules: Issue, 93 % probable from the recommendation's words") == (
            "rules: Вопрос, вероятность 93 % по словам рекомендации"
        )
    with translation.override("en"):
        assert machine_reason(claims[0].reason) == claims[0].reason
    with translation.override("ru"):
        assert place_words("paragraph 124.4, line 321 (recommendations)") == (
            "пункт 124.4, строка файла 321 (recommendations)"
        )


def test_every_chart_builder_speaks_the_language_it_is_given() -> None:
    """Each of ``core/charts.py``'s builders, given gettext, draws no English word (the page test sees
    only the charts the example has data for); without it, the chart is in English."""
    from django.utils import translation
    from django.utils.translation import gettext

    from rightstrack.core import charts

    def built() -> list[dict[str, Any]]:
        translate = gettext if translation.get_language() == "ru" else charts.english
        return [
            charts.recommendations_per_cycle(
                [{"cycle": "1", "mechanism": "UPR", "recommendations": 3}], translate
            ),
            charts.responses_per_cycle(
                [{"cycle": "1", "response": p, "recommendations": 2} for p in charts.POSITION_ORDER],
                translate,
            ),
            charts.levels_by_theme(
                [{"theme": "Women's rights", "level": lv, "recommendations": 1} for lv in charts.LEVEL_ORDER],
                translate,
            ),
            charts.response_rate(
                [
                    {"group": g, "status": st, "stakeholders": 1}
                    for g in ("NGOs", "the State", "UN agencies")
                    for st in ("responded", "did not respond")
                ],
                translate,
            ),
            charts.state_vs_civil_society(
                [{"theme": "Women's rights", "state": 0.5, "civil_society": 0.2}], translate
            ),
        ]

    with translation.override("ru"):
        left = {spec["title"]: english_in_chart(spec, {"Women's rights"}) for spec in built()}
    assert not any(left.values()), left
    with translation.override("en"):
        assert built()[1]["encoding"]["color"]["scale"]["domain"] == list(charts.POSITION_ORDER)


def test_every_state_has_the_uns_russian_name() -> None:
    from rightstrack.core.state_names import state_name
    from rightstrack.core.states import all_states

    names = {state.code: state_name(state.code, "ru") for state in all_states()}
    assert all(CYRILLIC.search(name) for name in names.values()), names
    assert len(set(names.values())) == len(names) == 195
    assert names["KAZ"] == "Казахстан" and names["RUS"] == "Российская Федерация"
    assert names["GBR"] == "Соединенное Королевство Великобритании и Северной Ирландии"
    assert names["KGZ"] == "Кыргызстан" and names["TUR"] == "Тюркийе"
    assert state_name("KAZ", "en") == "Kazakhstan"
