from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
EXAMPLE = SAMPLES / "example.txt"


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_texts() -> dict:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def model():
    from zuofeng_nlp import load_model
    return load_model()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Keep jieba's cache out of the user's home during tests."""
    monkeypatch.setenv("ZUOFENG_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))
