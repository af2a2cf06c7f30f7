"""Time validating and loading a 10,000-question bank.

    .venv/bin/python bench/big_bank.py --questions 10000

Builds the bank from the shipped questions (new ids, same content), in a temporary
questions folder with the real sources and glossary, then times `validate` and `load`
(twice: the second load must change nothing) into a fresh database.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


class _NoAliases(yaml.SafeDumper):
    """Banks may not use anchors; clones share objects, so never write any."""

    def ignore_aliases(self, data):
        return True


def build(folder: Path, count: int) -> Path:
    shutil.copytree(ROOT / "questions" / "sources", folder / "sources")
    shutil.copy(ROOT / "questions" / "glossary.yaml", folder / "glossary.yaml")
    banks = [yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in sorted((ROOT / "questions" / "banks").glob("*.yaml"))]
    pool = [(bank, q) for bank in banks for q in bank["questions"]]
    questions = []
    for n in range(count):
        bank, question = pool[n % len(pool)]
        questions.append({**question, "id": f"big-{n:05d}-{question['id']}"[:80]})
    big = {"slug": "big-bank", "title": {"ar": "بنك كبير", "en": "A big bank"},
           "description": {"ar": "للقياس", "en": "For the benchmark"},
           "sources": sorted({s for b in banks for s in b["sources"]}),
           "tags": sorted({t for b in banks for t in b.get("tags", [])}),
           "questions": questions}
    (folder / "banks").mkdir()
    path = folder / "banks" / "big-bank.yaml"
    text = yaml.dump(big, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=10_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="quizapp-bigbank-"))
    try:
        path = build(work / "questions", args.questions)
        env = {**os.environ, "QUESTIONS_DIR": str(work / "questions"), "SECRET_KEY": "x"}
        env.setdefault("DATABASE_URL", f"sqlite:///{work / 'db.sqlite3'}")
        flask = [str(Path(sys.executable).parent / "flask"), "--app", "wsgi"]
        subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        timings = {"questions": args.questions, "file_bytes": path.stat().st_size}
        for name, command in (("validate_s", ["bank", "validate"]),
                              ("first_load_s", ["bank", "load"]),
                              ("second_load_s", ["bank", "load"])):
            started = time.perf_counter()
            result = subprocess.run([*flask, *command], cwd=ROOT, env=env,
                                    capture_output=True, text=True)
            timings[name] = round(time.perf_counter() - started, 2)
            if result.returncode:
                sys.exit(result.stderr[-3000:])
            timings[name.replace("_s", "_output")] = result.stdout.strip().splitlines()[-1]
        print(json.dumps(timings, indent=2, ensure_ascii=False))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
