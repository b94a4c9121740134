"""The CAMEO table: every row consistent (QuadClass, Goldstein range, PLOVER names)."""
import json
from importlib import resources

import pytest

from hadath.events.ontology import Ontology, quad_class


@pytest.fixture(scope="module")
def ontology():
    return Ontology.load()


def _plover_types():
    schema = json.loads(resources.files("hadath").joinpath(
        "resources/schema/article.schema.json").read_text("utf-8"))
    return set(schema["$defs"]["event"]["properties"]["plover"]["enum"])


def test_every_row_is_consistent(ontology):
    types = _plover_types()
    assert len(ontology.codes) > 200
    for code, row in ontology.codes.items():
        root = int(code[:2])
        assert 3 <= root <= 20, code
        expected = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        assert row.quad_class == expected == quad_class(code), code
        assert -10 <= row.goldstein <= 10, code
        assert row.plover in types, (code, row.plover)
        # cooperation scores positive, material conflict negative
        if root in (3, 4, 5, 6, 7):
            assert row.goldstein >= 0, code
        if root >= 15:
            assert row.goldstein < 0, code


def test_current_plover_names_and_modes(ontology):
    assert ontology["042"].plover == "CONSULT" and ontology["042"].mode == "visit"
    assert ontology["041"].mode == "phone"
    assert ontology["0314"].plover == "AGREE"
    assert ontology["112"].plover == "DISAPPROVE"      # ACCUSE in the 2021 table
    assert ontology["1042"].plover == "DEMAND"         # REQUEST in the 2021 table
    assert ontology["090"].plover == "INVESTIGATE"
    assert ontology["173"].plover == "COERCE"
    assert ontology["195"].plover == "ASSAULT" and ontology["195"].mode == "aerial"
    assert all(row.plover not in ("ACCUSE", "REQUEST") for row in ontology.codes.values())


def test_unknown_four_digit_code_falls_back_to_parent(ontology):
    assert ontology.get("1999") is None
    assert ontology.get("0429").code == "042"
