"""Helpers for the browser tour: axe-core (vendored), overflow and link finding."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE_VERSION = "4.14.1"
AXE_SOURCE = (Path(__file__).parent / "vendor" / f"axe-core-{AXE_VERSION}" / "axe.min.js").read_text()

# Serious and critical only (the bar); WCAG 2.1 A/AA rules and axe's best practices.
_AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ${v.help} — ` + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
}"""

_OVERFLOW = """(width) => {
  if (document.documentElement.scrollWidth <= width) return "";
  const scrolls = e => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (["auto", "scroll", "hidden"].includes(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  const right = e => e.getBoundingClientRect().left + Math.max(e.getBoundingClientRect().width, e.scrollWidth);
  const wide = [...document.querySelectorAll("body *")].filter(e => right(e) > width + 1 && !scrolls(e));
  const outer = wide.filter(e => !wide.some(o => o !== e && o.contains(e))).slice(0, 3);
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (typeof e.className === "string" && e.className ? "." + e.className.split(" ").join(".") : "");
  return document.documentElement.scrollWidth + "px: " + outer.map(name).join(", ");
}"""


class PageProblems:
    def __init__(self):
        self.items: list[str] = []

    def add(self, problem: str) -> None:
        self.items.append(problem)

    def extend(self, problems) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)


def axe_serious_violations(page) -> list[str]:
    return page.evaluate(_AXE_RUN)


def overflow_at(page, width: int) -> str:
    """Empty when nothing is wider than the viewport; otherwise the widest culprits."""
    return page.evaluate(_OVERFLOW, width)


def first_link(pattern: str):
    """A tour step: the first link in <main> of the page shown before whose path matches ``pattern``."""
    regex = re.compile(pattern)

    def find(page) -> str:
        hrefs = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.getAttribute('href'))")
        for href in hrefs:
            path = href.split("?")[0].split("#")[0]
            if regex.match(path):
                return path
        raise AssertionError(f"no link matching {pattern} on {page.url}")

    return find
