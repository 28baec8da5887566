"""The vendored Vega JavaScript is what package.json names, and is the Vega, Vega-Lite and Vega-Embed the
PDF renderer (vl-convert-python) bundles, so that a page and its PDF draw a chart alike; a new
vl-convert release shows up here as a failing test."""

from __future__ import annotations

import json
import re
from pathlib import Path

import vl_convert

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "src" / "rightstrack" / "web" / "static" / "vendor" / "vega"

# Each file's own version, as its build writes it.
BANNERS = {
    "vega": ("vega.min.js", r'\.version="(\d+\.\d+\.\d+)"'),
    "vega-lite": ("vega-lite.min.js", r'"use strict";var \w+="(\d+\.\d+\.\d+)"'),
    "vega-embed": ("vega-embed.min.js", r'const \w+="(\d+\.\d+\.\d+)",'),
}
# vl-convert-python 1.9.0 bundles Vega-Lite 6.4.1; its API names only "6.4", so the patch is written here.
RENDERER_VEGA_LITE = "6.4.1"


def _vendored(name: str) -> str:
    file, pattern = BANNERS[name]
    found = re.search(pattern, (VENDOR / file).read_text(encoding="utf-8"))
    assert found is not None, f"no version in {file}"
    return found.group(1)


def test_the_vendored_files_are_the_versions_package_json_and_its_lock_name() -> None:
    declared = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for name in BANNERS:
        assert _vendored(name) == declared[name] == locked[f"node_modules/{name}"]["version"], name
        assert locked[f"node_modules/{name}"]["license"] == "BSD-3-Clause"
        assert (VENDOR / f"LICENSE-{name}").is_file()
    assert declared["vega-interpreter"] == locked["node_modules/vega-interpreter"]["version"]


def test_the_browser_draws_with_the_vega_lite_the_pdf_renderer_uses() -> None:
    browser = _vendored("vega-lite")
    renderer = vl_convert.get_vegalite_versions()
    # vl-convert renders with its newest Vega-Lite unless told otherwise (reports/charts.py does not).
    assert ".".join(browser.split(".")[:2]) == renderer[-1].removeprefix("v").replace("_", ".")


def test_vega_and_vega_embed_are_the_renderers() -> None:
    renderer = {"vega": vl_convert.get_vega_version(), "vega-embed": vl_convert.get_vega_embed_version()}
    for name, theirs in renderer.items():
        assert _vendored(name) == theirs.removeprefix("v"), (
            f"{name}: browser {_vendored(name)}, renderer {theirs}"
        )
    assert _vendored("vega-lite") == RENDERER_VEGA_LITE
