"""`hadath export`: GDELT 2.0 event table, CSV, Parquet and JSON Lines."""
from __future__ import annotations

import csv
import io
import json

import pytest

from hadath.cli import main
from hadath.export.gdelt import COLUMNS
from hadath.store import open_store
from store_samples import articles


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("export") / "s.duckdb")
    with open_store(path) as store:
        store.add(articles())
    return path


def run_export(db, tmp_path, *args):
    out = tmp_path / "out"
    assert main(["export", "--db", db, *args, "-o", str(out)]) == 0
    return out


def test_gdelt_rows_have_the_event_table_columns(db, tmp_path):
    out = run_export(db, tmp_path, "--format", "gdelt", "--header")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(COLUMNS) and len(COLUMNS) == 61
    rows = [dict(zip(COLUMNS, line.split("\t"))) for line in lines[1:]]
    assert all(len(line.split("\t")) == 61 for line in lines)
    # The negated ASSAULT is not an event that happened: left out.
    assert sorted(r["EventCode"] for r in rows) == ["057", "10", "112"]
    agree = next(r for r in rows if r["EventCode"] == "057")
    assert (agree["Day"], agree["MonthYear"], agree["Year"]) == ("20230314", "202303", "2023")
    assert (agree["Actor1CountryCode"], agree["Actor2CountryCode"], agree["Actor1Name"]) == ("EGY", "JOR", "مصر")
    assert (agree["EventBaseCode"], agree["EventRootCode"], agree["QuadClass"]) == ("057", "05", "1")
    assert float(agree["GoldsteinScale"]) == 8.0
    assert (agree["ActionGeo_FullName"], agree["ActionGeo_Type"]) == ("القاهرة", "4")
    assert (float(agree["ActionGeo_Lat"]), float(agree["ActionGeo_Long"])) == (30.04, 31.24)
    assert agree["SOURCEURL"] == "https://example.org/news/water-talks"
    assert len(agree["DATEADDED"]) == 14


def test_gdelt_actor_types_come_from_cameo_codes():
    from hadath.export.gdelt import actor_parts
    assert actor_parts("SYRGOVMIL", "SYR") == ("SYRGOVMIL", "SYR", ["GOV", "MIL"])
    assert actor_parts("GOV", None) == ("GOV", "", ["GOV"])
    assert actor_parts(None, "EGY") == ("", "EGY", [])


def test_csv_and_parquet_hold_every_filtered_event(db, tmp_path):
    out = run_export(db, tmp_path, "--format", "csv", "--source", "صحيفة التجربة")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sorted(r["plover"] for r in rows) == ["DEMAND", "DISAPPROVE"]
    assert {r["article_url"] for r in rows} == {"https://example.org/news/border"}
    import pyarrow.parquet as pq
    table = pq.read_table(run_export(db, tmp_path, "--format", "parquet", "--country", "EGY"))
    assert table.num_rows == 3
    assert set(table.column("plover").to_pylist()) == {"AGREE", "ASSAULT", "DEMAND"}
    assert "trigger_start" in table.column_names and "article_url" in table.column_names


def test_jsonl_export_can_be_ingested_again(db, tmp_path):
    out = run_export(db, tmp_path, "--format", "jsonl")
    objs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(o["id"] for o in objs) == sorted(a["id"] for a in articles())
    with open_store(str(tmp_path / "copy.duckdb")) as copy:
        copy.add(objs)
        with open_store(db, read_only=True, persistent=False) as original:
            assert copy.counts() == original.counts()
    only = run_export(db, tmp_path, "--format", "jsonl", "--plover", "DEMAND")
    assert [json.loads(x)["id"] for x in only.read_text(encoding="utf-8").splitlines()] == ["sample-border"]


def test_bad_filters_are_one_clear_line(db, tmp_path, capsys):
    assert main(["export", "--db", db, "--format", "gdelt", "--country", "Egypt"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("hadath: --country:") and "\n" not in err
    assert main(["export", "--db", str(tmp_path / "none.duckdb"), "--format", "csv"]) == 2
    assert "no such store" in capsys.readouterr().err
