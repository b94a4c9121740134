"""Start-up of `hadath extract` on one short article: no heavy library is imported
that the article does not need (HTML extraction, encoding detection, Dask, Arrow,
the store, the web server), so that start-up stays well under 2 s."""
import json
import subprocess
import sys

HEAVY = ("trafilatura", "charset_normalizer", "dask", "distributed", "pyarrow", "duckdb",
         "fastapi", "uvicorn", "psycopg", "pandas")

PROBE = """
import contextlib, io, json, sys
from hadath.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    status = main(["extract", sys.argv[1]])
print(json.dumps({"status": status, "out": out.getvalue(),
                  "heavy": sorted(m for m in sys.modules if m.split(".")[0] in sys.argv[2:])}))
"""


def test_extract_on_a_short_text_imports_nothing_heavy(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل.", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", PROBE, str(path), *HEAVY],
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads(proc.stdout.decode("utf-8").splitlines()[-1])
    assert result["status"] == 0 and json.loads(result["out"])["id"] == "short"
    assert {m.split(".")[0] for m in result["heavy"]} == set(), result["heavy"]
