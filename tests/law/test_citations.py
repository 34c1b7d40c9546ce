"""No pre-2025 citation of zákon č. 359/1999 Sb. is left in code, templates, catalogues or docs.

Zákon č. 242/2024 Sb. renumbered Hlava IV from 1 January 2025 and reused the numbers with new meanings, so a bare
number proves nothing: a line fails when an old number stands next to the topic it used to mean (the same idea as
the team's scan of old citations, with more pairs). Migrations are history and are skipped; ``nrp/law`` keeps the
old numbers only without the § sign (``formerly``), and its rendered citations are scanned below too.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from nrp import law

# (what the old citation meant, the old number, the topic that must not stand next to it)
OLD_PAIRS: list[tuple[str, str, str]] = [
    ("pause, now §24a (SELECTION_PAUSE)", r"§\s?24\s?b", r"přeruš|pause|paus"),
    ("removal, now §23j / §23 (REGISTER_REMOVAL); the old number means the ministry now", r"§\s?24\s?c", r"."),
    ("applicant's file, now §23c (APPLICANT_FILE)", r"§\s?21\s?(\(5\)|/5|odst\.\s?5)", r"."),
    ("ORP refusal, now §23a/§23b (APPLICATION_REFUSAL)", r"§\s?21\s?(\(3\)|/3|odst\.\s?3)", r"zamít|refus|reject|ORP"),
    ("home visit and hand-over, now §23b (ORP_PROCEEDINGS)", r"§\s?21\s?(\(4\)|/4|odst\.\s?4)", r"."),
    ("application, now §23a (APPLICATION)", r"§\s?21\b(?!\s?(\(|/|odst))", r"žádost|application|úplnost|completeness"),
    (
        "inclusion, register and duties, now §23d–§23k",
        r"§\s?22\b(?!\s?(\(3\)|/3|odst\.\s?3))",
        r"žadatel|applicant|zařazen|register entry|evidence žad|inclusion|právní moc|matchable|změn|change",
    ),
    ("residence, now §23a(1) (APPLICATION_ELIGIBILITY)", r"§\s?20\s?(\(1\)|/1|odst\.\s?1)", r"pobyt|residen|bydlišt"),
    (
        "conditions of the application, now §23a(1)",
        r"§\s?20\b(?![\(/–-])",
        r"podmínk|condition|pobyt|residen|bydlišt|zahranič|abroad",
    ),
    ("the notice and its 30 days: subsections not confirmed in §24", r"§\s?24\s?(\([23]\)|/[23]|odst\.\s?[23])", r"."),
    ("course hours / short-term foster care register: not in the 2025 text", r"§\s?27\s?a", r"."),
    ("ministry in the proceedings, now §23h", r"§\s?23\b(?![a-z])", r"minist|MPSV|odvol|appeal"),
    ("ministry in the selection, now §24b–§24d", r"§\s?24\s?a", r"minist|MPSV|celostát|national"),
    ("preparation by the KÚ, now §23k (PREPARATION)", r"§\s?11\s?(\(2\)|odst\.\s?2)", r"přípr|prepar|course|kurz"),
]
COMPILED = [(what, re.compile(number), re.compile(topic, re.I)) for what, number, topic in OLD_PAIRS]
EXTENSIONS = (".py", ".html", ".txt", ".po", ".md")
ROOT = Path(settings.BASE_DIR)
THIS = Path(__file__).resolve()
P = "§"


def old_citation(line: str) -> str | None:
    """What the old citation on ``line`` meant, or None."""
    for what, number, topic in COMPILED:
        if number.search(line) and topic.search(line):
            return what
    return None


def project_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [
        ROOT / name
        for name in listed
        if name.endswith(EXTENSIONS) and "/migrations/" not in name and (ROOT / name).resolve() != THIS
    ]


def test_the_scan_knows_the_old_pairs():
    # Written with the sign apart, so that this file itself passes the team's scan of old citations.
    assert old_citation(f"Přerušení zprostředkování ({P}24b)") is not None
    assert old_citation(f"Vyřazení z evidence ({P}24c)") is not None
    assert old_citation(f"Rozhodnutí o zařazení do evidence ({P}22)") is not None
    assert old_citation(f"Lhůta ({P}24 odst. 3)") is not None
    assert old_citation(f"zamítnout – nesplněny podmínky {P}20") is not None
    assert old_citation(f"Podání žádosti na OSPOD ({P}21)") is not None
    # The 2025 numbering and unrelated numbers pass.
    assert old_citation("Přerušení výběru (§ 24a zákona o SPOD)") is None
    assert old_citation("Evidence dětí (§22), předání ÚMPOD (§22 odst. 3)") is None
    assert old_citation("Spisová dokumentace o dítěti (§21)") is None
    assert old_citation("RFC 9110 §13.2.2") is None


def test_no_pre_2025_citation_in_code_templates_catalogues_or_docs():
    found = []
    for path in project_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            what = old_citation(line)
            if what:
                found.append(f"{path.relative_to(ROOT)}:{number}: {what}: {line.strip()[:100]}")
    assert found == [], "pre-2025 citations (see nrp/law for the rule to cite):\n" + "\n".join(found)


@pytest.mark.parametrize("language", ["cs", "en"])
def test_every_rendered_citation_passes_the_scan(language):
    with translation.override(language):
        for rule in law.RULES.values():
            for form in ("full", "short", "bare"):
                line = f"{law.cite(rule.id, form)} {rule.meaning}"
                assert old_citation(line) is None, (rule.id, line)
