"""scripts/build_catalog.py: deterministic output, and the committed catalogue is what it builds."""

from __future__ import annotations

import gzip
import importlib.util
import lzma
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
COMMITTED = REPO / "roles" / "catalog"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_catalog", REPO / "scripts" / "build_catalog.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_catalog", module)
    spec.loader.exec_module(module)
    return module


build_catalog = _load_script()


def test_gzip_output_does_not_depend_on_time_or_name(tmp_path: Path) -> None:
    payload = b'{"a":1}\n' * 1000
    build_catalog.write_gzip(tmp_path / "one.json.gz", payload)
    build_catalog.write_gzip(tmp_path / "two.json.gz", payload)
    one = (tmp_path / "one.json.gz").read_bytes()
    assert one == (tmp_path / "two.json.gz").read_bytes()
    assert gzip.decompress(one) == payload


def test_pay_streams_are_one_xz_file_and_addressable_by_soc() -> None:
    rows = [
        ["151231", "0000000", "146190", "39.36", "81870", *["1"] * 10],
        ["151231", "0019740", "3580", "42.14", "87650", *["2"] * 10],
        ["291141", "0000000", "3379720", "48.76", "101420", *["3"] * 10],
    ]
    data, blocks = build_catalog.pay_streams(rows)
    again, _ = build_catalog.pay_streams(rows)
    assert data == again
    text = lzma.decompress(data).decode()
    assert text.splitlines()[2].startswith("soc\tarea\temployment")
    assert text.count("\n") == 3 + 3
    offset, length, count = blocks["151231"]
    block = lzma.decompress(data[offset : offset + length]).decode().splitlines()
    assert count == 2 and block[1].startswith("151231\t0019740\t3580")


def test_bls_special_values_become_marks() -> None:
    cell = build_catalog._cell_value
    assert cell("81870", "") == "81870"
    assert cell("-", "5") == build_catalog.MARK_TOP_CODED
    assert cell("#", None) == build_catalog.MARK_TOP_CODED
    assert cell("-", "4") == build_catalog.MARK_NOT_PUBLISHED
    assert cell("*", None) == build_catalog.MARK_NOT_PUBLISHED
    assert cell("-", "8") == build_catalog.MARK_NOT_RELEASED
    assert cell("**", None) == build_catalog.MARK_NOT_RELEASED
    assert cell("-", "") == build_catalog.MARK_MISSING


def test_soc_mapping_rules() -> None:
    national = {"151231", "211018", "292010", "111011"}
    titles = {"151231": "A", "211018": "B", "292010": "C", "111011": "D"}
    codes = ["15-1231.00", "11-1011.03", "21-1014.00", "29-2011.01", "55-1011.00"]
    onet = dict.fromkeys(codes, "x")
    mapping = build_catalog.map_socs(codes, onet, national, titles)
    assert [(mapping[c]["soc"], mapping[c]["basis"]) for c in codes] == [
        ("151231", "exact"),
        ("111011", "parent"),
        ("211018", "combined"),
        ("292010", "broad"),
        (None, "none"),
    ]


@pytest.mark.skipif(
    not (DATA / "onet-29.3").is_dir() or not (DATA / "oews-may2025").is_dir(),
    reason="the shared data folder ../shared/data (O*NET 29.3, OEWS May 2025) is not here",
)
def test_a_fresh_build_matches_the_committed_catalogue_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "roles" / "catalog"
    manifest = build_catalog.build(DATA, out, quiet=True)
    committed = sorted(p.name for p in COMMITTED.iterdir())
    assert sorted(p.name for p in out.iterdir()) == committed
    for name in committed:
        assert (out / name).read_bytes() == (COMMITTED / name).read_bytes(), (
            f"roles/catalog/{name} differs from a fresh build: run scripts/build_catalog.py"
        )
    assert (tmp_path / "roles" / "NOTICE").read_bytes() == (REPO / "roles" / "NOTICE").read_bytes()
    assert manifest["counts"]["occupations"] == 1016
