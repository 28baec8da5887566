"""The recurring view of the Kazakhstan example, counted as a reader sees it.

    python -m bench.recurring_view          # needs ../shared/data beside the project

Builds the example as ``make example`` does (migrate; import ``examples/kazakhstan/*.txt`` and the
Kazakhstan files of ../shared/data the Makefile lists; analyse) in a fresh database, then prints, for
``/states/KAZ/recurring``: the headings, how many read "no answer", how many recommendations appear in
more than one group, how many groups hold a 2014 "Abolish the death penalty", the largest group, and
every heading.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from html import unescape

from bench.fresh import DATA, ROOT, configure

FILES = [
    *sorted((ROOT / "examples" / "kazakhstan").glob("*.txt")),
    DATA / "wg-reports" / "texts" / "kazakhstan2010.txt",
    DATA / "wg-reports" / "texts" / "kazakhstan2014.txt",
    DATA / "kazakhstan" / "ccpr_followup_2018.json",
    DATA / "kazakhstan" / "upr_2010_2014.csv",
]


def main() -> None:
    missing = [str(path) for path in FILES if not path.exists()]
    if missing:
        sys.exit(f"absent: {', '.join(missing)} (this benchmark needs ../shared/data beside the project)")
    configure()
    from django.test import Client

    from rightstrack.cli.main import app

    for args in (["migrate"], ["import", *map(str, FILES)], ["analyse"]):
        app(args, standalone_mode=False)
    client = Client()
    page = client.get("/states/KAZ/recurring").content.decode()
    headings = [
        " ".join(unescape(re.sub(r"<[^>]+>", "", h)).split())
        for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page, re.S)
    ]
    groups = json.loads(client.get("/states/KAZ/recurring.json").content)["groups"]
    shown = Counter(rec["id"] for group in groups for rec in group["recommendations"])
    abolish = [
        g for g in groups if any(r["text"] == "Abolish the death penalty" for r in g["recommendations"])
    ]
    print(
        f"headings {len(headings)}; reading 'no answer' {sum('no answer' in h for h in headings)}; "
        f"recommendations in more than one group {sum(n > 1 for n in shown.values())}; "
        f"groups holding the 2014 'Abolish the death penalty' {len(abolish)}; "
        f"largest group {max((len(g['recommendations']) for g in groups), default=0)}"
    )
    for heading in headings:
        print("  ", heading)


if __name__ == "__main__":
    main()
