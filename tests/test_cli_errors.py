"""No traceback reaches a user: every sub-command, given bad arguments and bad files, says so on one line.

Each case runs ``aicareers ...`` in this process (``aicareers.cli.main``) and asserts its exit
status (2: the command line or a file named on it is at fault; 1: the documented status of an
unreachable server) and that standard error holds exactly one line (besides the line where
``import-esco`` announces the files it found). A few cases also run as a real process, where an
escaped exception would print a traceback.
"""

from __future__ import annotations

import csv
import io
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aicareers.cli import main, make_parser

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> Path:
    """Bad files: a text file named .zip, a file where a folder should be, broken N-Quads, ESCO
    files split by semicolons and by tabs."""
    folder = tmp_path_factory.mktemp("bad")
    (folder / "bad.zip").write_text("not a zip\n")
    (folder / "afile").write_text("x\n")
    (folder / "bad.nq").write_text("<a> <b> .\n")
    for name, delimiter in (("semicolons", ";"), ("tabs", "\t")):
        esco = folder / name
        esco.mkdir()
        for source in (FIXTURES / "esco_csv").iterdir():
            with open(source, newline="", encoding="utf-8") as handle:
                rows = list(csv.reader(handle))
            with open(esco / source.name, "w", newline="", encoding="utf-8") as handle:
                csv.writer(handle, delimiter=delimiter).writerows(rows)
    return folder


#: (command line with {bad} for the bad files' folder, exit status, words the line must hold)
CASES = [
    ("nosuchcommand", 2, "invalid choice"),
    ("build --bogus", 2, "unrecognized arguments"),
    ("build --backend nope", 2, "invalid choice"),
    ("build --facts {bad}/nope --no-html --out {bad}/o", 2, "no facts files"),
    ("build --out {bad}/afile/x --no-html", 2, "is not a folder"),
    ("build --out /proc/x --no-html", 2, "cannot write /proc/x"),
    ("build --esco {bad}/nope.zip --no-html --out {bad}/o", 2, "no such file or folder"),
    ("build --esco {bad}/bad.zip --no-html --out {bad}/o", 2, "not a zip file"),
    ("html --out {bad}/afile/x", 2, "is not a folder"),
    ("html --lang de", 2, "invalid choice"),
    ("query", 2, "give a query"),
    ("query --list --format xml", 2, "invalid choice"),
    ("query nosuchquery", 2, "unknown query"),
    ("query role-skills --role " + "x" * 100_000, 2, "(100000 characters)"),
    ("query - --graph {bad}/nope.nq", 2, "no SPARQL query"),
    ("query role-skills --graph {bad}/nope.nq", 2, "no such graph file"),
    ("query role-skills --graph {bad}/bad.nq", 2, "invalid N-Quads"),
    ("query role-skills --timeout -1", 2, "must be a positive number of seconds"),
    ("query role-skills --timeout 0", 2, "must be a positive number of seconds"),
    ("query role-skills --timeout abc", 2, "not a number of seconds"),
    ("query role-skills --max-memory 1", 2, "too small"),
    ("query role-skills --max-memory lots", 2, "not a memory size"),
    ("query role-skills --endpoint http://[::1", 2, "not a valid URL"),
    ("query role-skills --endpoint ftp://x/", 2, "not an http(s) URL"),
    ("query role-skills --store-path {bad}/afile --backend oxigraph", 2, "cannot open the Oxigraph store"),
    ("query role-skills --param x", 2, "write --param VAR=VALUE"),
    ("query {bad}/nope/x.rq", 2, "no such query file"),
    ("serve --port 99999", 2, "a port is 0 to 65535"),
    ("serve --port -1", 2, "a port is 0 to 65535"),
    ("serve --timeout 0", 2, "must be a positive number of seconds"),
    ("serve --timeout -1", 2, "must be a positive number of seconds"),
    ("serve --max-results 0", 2, "must be at least 1"),
    ("serve --max-workers 0", 2, "must be at least 1"),
    ("serve --max-memory lots", 2, "not a memory size"),
    ("serve --graph {bad}/nope.nq", 2, "not found"),
    ("serve --graph {bad}/bad.nq", 2, "invalid N-Quads"),
    ("push --endpoint http://[::1", 2, "not a valid URL"),
    ("push --endpoint ftp://x", 2, "not an http(s) URL"),
    ("push --endpoint http://127.0.0.1:9 --store http://[::1", 2, "not a valid URL"),
    ("push --endpoint http://127.0.0.1:9 --timeout -1", 2, "must be a positive number of seconds"),
    ("push --endpoint http://127.0.0.1:9 --timeout 0", 2, "must be a positive number of seconds"),
    ("push --endpoint http://127.0.0.1:9 --graph {bad}/nope.nq", 2, "not found"),
    ("push --endpoint http://127.0.0.1:9 --timeout 5", 1, "cannot reach the server"),
    ("import-esco {bad}/nope --out x.nt", 2, "no such file or folder"),
    ("import-esco {bad} --out x.xml", 2, "unknown suffix '.xml'"),
    ("import-esco {bad} --out x.nt --lang ../x", 2, "not a language tag"),
    ("import-esco {bad} --out {bad}/afile/x.nt", 2, "no such folder"),
    ("import-esco {bad} --out /proc/x.nt", 2, "cannot be written"),
    ("import-esco {bad}/bad.zip --out {bad}/o.nt", 2, "not a zip file"),
    ("import-esco {bad}/semicolons --out {bad}/o.nt --esco-version 1.1.1 --quiet", 2, "split by semicolons"),
    ("import-esco {bad}/tabs --out {bad}/o.nt --esco-version 1.1.1 --quiet", 2, "split by tabs"),
    ("import-rome {bad}/nope.zip --out x.nt", 2, "no such file or folder"),
    ("import-rome {bad}/bad.zip --out {bad}/o.nt", 2, "not a zip file"),
    ("import-rome {bad}/bad.zip --out x.xml", 2, "unknown suffix '.xml'"),
    ("import-rome {bad}/bad.zip --out {bad}/afile/x.nt", 2, "is not a folder"),
    ("import-rome {bad}/bad.zip --out /proc/x.nt", 2, "cannot write here"),
    ("import-onet {bad}/nope.zip --out x.nt", 2, "no such file or folder"),
    ("import-onet {bad}/bad.zip --out {bad}/o.nt", 2, "not a zip file"),
    ("import-onet {bad}/bad.zip --out x.xml", 2, "unknown suffix '.xml'"),
    ("import-onet {bad}/bad.zip --out {bad}/afile/x.nt", 2, "is not a folder"),
    ("import-onet {bad}/bad.zip --out {bad}/o.nt --occupation ../x", 2, "is not an O*NET-SOC code"),
    ("from zzzzzzzqqq", 2, "unknown job title 'zzzzzzzqqq'; no job title has a close name"),
    ("from journaliste --top -1", 2, "aicareers from: error: argument --top: must be 0 or more"),
    ("from journaliste --max-moves 0", 2, "must be at least 1"),
    ("from journaliste --format xml", 2, "invalid choice"),
    ("from journaliste --graph {bad}/nope.nq", 2, "no such N-Quads file"),
    ("from journaliste --graph {bad}/bad.nq", 2, "invalid N-Quads"),
    ("path zzzzzzz", 2, "unknown role"),
    ("path prompt-engineer --max-steps -1", 2, "must be at least 1"),
    ("path prompt-engineer --graph {bad}/nope.nq", 2, "no such N-Quads file"),
    ("path prompt-engineer --graph {bad}/bad.nq", 2, "invalid N-Quads"),
    ("gap prompt-engineer zzzzz", 2, "unknown role"),
    ("profile zzzzz", 2, "unknown role"),
    ("profile prompt-engineer --top -5", 2, "must be 0 or more"),
    ("similar prompt-engineer -k -1", 2, "must be at least 1"),
    ("similar prompt-engineer -k 0", 2, "must be at least 1"),
    ("rank skills --top -1", 2, "must be 0 or more"),
    ("rank zzz", 2, "invalid choice"),
    ("export --format gexf --out {bad}/afile/x.gexf", 2, "cannot write"),
    ("export --format gexf --out /proc/x.gexf", 2, "cannot write /proc/x.gexf"),
    ("salaries zzzzzzz", 2, "unknown role"),
    ("salaries --country Narnia", 2, "unknown place 'Narnia'; no place has a close name; the places are: Europe, France, Silicon Valley (silicon-valley)"),
    ("salaries --seniority zzz", 2, "unknown seniority"),
    ("salaries prompt-engineer --format xml", 2, "invalid choice"),
    ("salaries prompt-engineer --graph {bad}/nope.nq", 2, "no such N-Quads file"),
    ("salaries prompt-engineer --graph {bad}/bad.nq", 2, "invalid N-Quads"),
]


def test_every_sub_command_is_driven():
    """The cases name every sub-command that ``aicareers --help`` lists."""
    commands = set(make_parser()._subparsers._group_actions[0].choices)
    driven = {case.split()[0] for case, _, _ in CASES}
    assert commands <= driven, commands - driven


@pytest.mark.parametrize("line, status, words", CASES, ids=[c[0][:60] for c in CASES])
def test_a_bad_command_line_gets_one_line_and_its_status(line, status, words, bad, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    argv = shlex.split(line.replace("{bad}", str(bad)))
    try:
        got = main(argv)
    except SystemExit as stop:  # argparse's usage errors
        got = stop.code
    err = capsys.readouterr().err
    # import-esco announces the version and files it found before reading them: not an error line
    err = "".join(line for line in err.splitlines(True) if not line.startswith("ESCO "))
    # the command cache says when it makes an entry (the wait that follows): a note, not an error
    err = "".join(line for line in err.splitlines(True) if not re.match(r"aicareers: no cache(d projection)? of ", line))
    assert got == status, err
    assert len(err.strip().splitlines()) == 1, err
    assert words in err, err
    assert len(err) < 3000  # a long argument is not echoed in full
    assert not (bad / "o.nt").exists()  # nothing half-written


@pytest.mark.parametrize("line", [
    "push --endpoint http://[::1",
    "import-esco {bad}/semicolons --out {bad}/o.nt --esco-version 1.1.1",
    "serve --port 99999",
    "query role-skills --graph {bad}/bad.nq --backend oxigraph",
])
def test_in_a_real_process_no_traceback(line, bad):
    argv = shlex.split(line.replace("{bad}", str(bad)))
    done = subprocess.run([sys.executable, "-m", "aicareers", *argv], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    # import-esco prints which files it found before it reads them; the error is the last line
    assert done.stderr.strip().splitlines()[-1].startswith("aicareers "), done.stderr


def test_an_unwritable_out_fails_before_the_import(bad, tmp_path):
    """`import-esco --out x.xml` and an unwritable --out stop before reading the download."""
    esco = tmp_path / "esco"
    shutil.copytree(FIXTURES / "esco_csv", esco)
    for out in ("x.xml", "/proc/x.nt"):
        done = subprocess.run([sys.executable, "-m", "aicareers", "import-esco", str(esco), "--out", out,
                               "--esco-version", "1.1.1"], capture_output=True, text=True, timeout=300)
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1, done.stderr  # the error only: no "ESCO ... languages" line


@pytest.fixture(scope="module")
def bulk_graph(tmp_path_factory) -> Path:
    """A small N-Quads graph whose cross product does not fit in 64 MB."""
    path = tmp_path_factory.mktemp("bulk") / "bulk.nq"
    path.write_text("".join(f'<urn:x:n{i}> <urn:x:value> "value number {i}" <urn:x:g> .\n' for i in range(3000)),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("backend", ["rdflib", "oxigraph"])
def test_the_query_command_stops_a_query_past_its_memory_limit(bulk_graph, backend, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d"))
    status = main(["query", "-", "--graph", str(bulk_graph), "--backend", backend, "--max-memory", "64M"])
    out, err = capsys.readouterr()
    assert status == 1 and not out
    assert len(err.strip().splitlines()) == 1, err  # Oxigraph's own "memory allocation failed" stays out
    assert "needed more memory than its limit of 64 MB" in err, err


@pytest.mark.parametrize("backend", ["rdflib", "oxigraph"])
def test_the_query_command_gives_deep_nesting_its_real_cause(bulk_graph, backend, capsys, monkeypatch):
    for depth, expected in ((100, 0), (20_000, 2)):
        query = "SELECT ?x WHERE { BIND(" + "(" * depth + "1" + ")" * depth + " AS ?x) }"
        monkeypatch.setattr(sys, "stdin", io.StringIO(query))
        status = main(["query", "-", "--graph", str(bulk_graph), "--backend", backend, "--format", "csv"])
        out, err = capsys.readouterr()
        assert status == expected, err
        if expected:
            # the BIND's own parentheses and the braces count too
            assert f"nests brackets {depth + 2} deep; at most 256" in err and len(err.splitlines()) == 1
            assert "malformed" not in err
        else:
            assert out.splitlines() == ["x", "1"]
