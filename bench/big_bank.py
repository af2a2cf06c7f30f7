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


def libyaml_seconds(path: Path) -> float:
    """The floor: reading the file and parsing it with libyaml alone (best of three)."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506
        times.append(time.perf_counter() - started)
    return min(times)


def in_process(env: dict, questions_dir: Path, profile: str | None) -> dict:
    """Validate and load in this process (no interpreter start-up), optionally profiled."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    from quizapp import create_app
    from quizapp.banks.services import load_paths, validate_paths

    app = create_app()
    timings = {}
    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
    with app.app_context():
        limit = app.config["MAX_BANK_BYTES"]
        started = time.perf_counter()
        report, _ = validate_paths([questions_dir], questions_dir, max_bytes=limit)
        assert not report.problems, report.problems[:3]
        timings["validate_in_process_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        load_paths([questions_dir], questions_dir, max_bytes=limit)
        timings["validate_and_load_in_process_s"] = round(time.perf_counter() - started, 2)
    if profiler is not None:
        profiler.stop()
        Path(profile).write_text(profiler.output_text(unicode=False, color=False))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--in-process", action="store_true",
                        help="validate and load in this process, not through `flask`")
    parser.add_argument("--profile", metavar="FILE", help="(with --in-process) write "
                        "pyinstrument's report here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="quizapp-bigbank-"))
    try:
        path = build(work / "questions", args.questions)
        env = {**os.environ, "QUESTIONS_DIR": str(work / "questions"), "SECRET_KEY": "x"}
        env.setdefault("DATABASE_URL", f"sqlite:///{work / 'db.sqlite3'}")
        flask = [str(Path(sys.executable).parent / "flask"), "--app", "wsgi"]
        subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        timings = {"questions": args.questions, "file_bytes": path.stat().st_size,
                   "libyaml_parse_s": round(libyaml_seconds(path), 2)}
        if args.in_process:
            timings.update(in_process(env, work / "questions", args.profile))
            timings["ratio_to_libyaml"] = round(timings["validate_and_load_in_process_s"]
                                                / timings["libyaml_parse_s"], 2)
            print(json.dumps(timings, indent=2))
            return
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
