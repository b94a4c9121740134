"""`hadath serve` and `hadath ingest` refuse bad stores and options with one clear line."""
from __future__ import annotations

from hadath.cli import main


def one_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err, err
    return err


def test_serve_needs_an_existing_store(tmp_path, capsys):
    missing = tmp_path / "none.duckdb"
    assert main(["serve", "--db", str(missing)]) == 2
    assert str(missing) in one_line(capsys)
    assert not missing.exists()  # a reader never creates a store


def test_serve_refuses_a_bad_port(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "x.duckdb"), "--port", "70000"]) == 2
    assert "--port" in one_line(capsys)


def test_ingest_refuses_a_store_it_cannot_open(tmp_path, capsys):
    not_a_store = tmp_path / "notes.duckdb"
    not_a_store.write_text("these are notes, not a database", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("نص قصير للاختبار.", encoding="utf-8")
    assert main(["ingest", str(article), "--db", str(not_a_store)]) == 2
    assert str(not_a_store) in one_line(capsys)
    assert main(["ingest", str(article), "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 2
    assert "cannot connect" in one_line(capsys)
