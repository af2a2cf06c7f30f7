"""Drafting time on the two shipped articles and on 700 words of one of them: the first
draft in a process (which builds the patterns and automatons) and the median of three
more.

    .venv/bin/python eval/drafter/timing.py
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quizapp.drafting import SourceText, draft_bank  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import glossary  # noqa: E402


def main() -> None:
    names, _ = glossary()
    sources = ROOT / "questions" / "sources"
    texts = {slug: (sources / f"{slug}.txt").read_text(encoding="utf-8")
             for slug in ("kazakhstan-cultural-centre-beijing",
                          "central-asia-china-summit-astana")}
    words = texts["central-asia-china-summit-astana"].split(" ")
    texts["summit, first 700 words"] = " ".join(words[:700])
    for slug, body in texts.items():
        runs = []
        for _ in range(4):
            started = time.perf_counter()
            result = draft_bank(SourceText("t", "ar", body), names, bank_slug="t")
            runs.append(time.perf_counter() - started)
        print(f"{slug}: {len(body.split())} words, {len(result.bank['questions'])} questions, "
              f"first {runs[0]:.2f}s, then median {statistics.median(runs[1:]):.2f}s")


if __name__ == "__main__":
    main()
