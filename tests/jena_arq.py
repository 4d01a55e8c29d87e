"""Apache Jena ARQ from Debian (``libapache-jena-java`` 4.5.0), driven from the tests.

A second, independent SPARQL engine for the catalogue: ``tests/jena/RunQueries.java`` is
compiled once per session against Debian's jars and runs every query in one JVM (starting a JVM
per query would cost a second or more each).

Two things about Debian's package the tests work around:

- its jars carry no ``Class-Path``, and ``/usr/share/java/*`` holds conflicting SLF4J bindings
  (log4j-over-slf4j with slf4j-log4j12 stops the JVM at start-up): the class path is Jena's jars
  and the packages ``libapache-jena-java`` depends on, with ``slf4j-nop`` to keep Jena quiet;
- Debian moved Jena's bundled Xerces from ``org.apache.jena.ext.xerces`` to ``xerces`` but left its
  message files at the old place, so that Jena's datatypes fail to initialise ("internal error"
  in ``XSSimpleTypeDecl.applyFacets1``, a missing regular-expression message bundle): the files
  are copied from ``jena-core.jar`` to the package name the classes look them up under.

A missing Java, javac or Jena is a failure, never a skip (``.ci/run`` installs Jena).
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

JAVA_DIR = Path("/usr/share/java")
SOURCE = Path(__file__).parent / "jena" / "RunQueries.java"

#: Jena's modules and what ``libapache-jena-java`` depends on (``apt-cache depends``), by their
#: unversioned names in /usr/share/java.
JARS = (
    "jena-arq", "jena-base", "jena-core", "jena-dboe-base", "jena-dboe-index", "jena-dboe-storage",
    "jena-dboe-trans-data", "jena-dboe-transaction", "jena-iri", "jena-tdb2",
    "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
    "dexx.collection", "gson", "guava", "httpclient", "httpcore", "jackson-core", "jackson-databind",
    "jackson-annotations", "jsonld-java", "protobuf", "thrift", "slf4j-api", "slf4j-nop",
)

# where jena-core.jar keeps the bundled Xerces' message files, and where Debian's classes look
_XERCES_RESOURCES = "org/apache/jena/ext/"


class JenaMissing(AssertionError):
    """Java, javac or Debian's Jena is not installed."""


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise JenaMissing(f"{name} not found: install a JDK (Debian: default-jdk-headless)")
    return found


def class_path(work: Path) -> str:
    """The class path of Jena ARQ, with the Xerces message files where Debian's classes find them."""
    missing = [jar for jar in JARS if not (JAVA_DIR / f"{jar}.jar").is_file()]
    if missing:
        raise JenaMissing(
            f"{', '.join(missing)} not in {JAVA_DIR}: install Debian's libapache-jena-java (.ci/run does)"
        )
    resources = work / "xerces-messages"
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith(_XERCES_RESOURCES + "xerces/") and name.endswith(".properties"):
                target = resources / name[len(_XERCES_RESOURCES):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return ":".join([str(JAVA_DIR / f"{jar}.jar") for jar in JARS] + [str(resources)])


def compile_runner(work: Path) -> str:
    """Compile ``RunQueries.java`` into ``work``; the class path to run it with."""
    path = class_path(work)
    classes = work / "classes"
    classes.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("javac"), "-d", str(classes), "-cp", path, str(SOURCE)], check=True,
                   capture_output=True, text=True, timeout=300)
    return f"{classes}:{path}"


def run_queries(path: str, data: Path, queries: dict[str, str], work: Path) -> dict[str, bytes]:
    """Each query of ``queries`` (name -> SPARQL) run by Jena ARQ over ``data`` (TriG), in one JVM,
    with the union of the named graphs as default graph; name -> SPARQL JSON results."""
    arguments = []
    for name, text in queries.items():
        query_file, answer_file = work / f"{name}.rq", work / f"{name}.json"
        query_file.write_text(text, encoding="utf-8")
        arguments += [str(query_file), str(answer_file)]
    done = subprocess.run([_tool("java"), "-cp", path, "RunQueries", str(data), *arguments],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"Jena ARQ failed (status {done.returncode}):\n{done.stderr}"
    return {name: (work / f"{name}.json").read_bytes() for name in queries}
