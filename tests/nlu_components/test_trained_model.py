"""The trained model really contains this project's components (not just config.yml)."""

import json
import tarfile
from pathlib import Path

import pytest

MODEL = Path(__file__).resolve().parents[2] / "models" / "hp-assistant.tar.gz"


@pytest.mark.model
@pytest.mark.skipif(not MODEL.exists(), reason="no trained model; `make test` trains it first")
def test_trained_model_uses_the_vietnamese_components() -> None:
    with tarfile.open(MODEL) as archive:
        member = next(m for m in archive.getmembers() if m.name.lstrip("/") == "metadata.json")
        metadata = json.load(archive.extractfile(member))  # type: ignore[arg-type]
    text = json.dumps(metadata)
    assert "bot.nlu.tokenizer.VietnameseTokenizer" in text
    assert "bot.nlu.extractor.KnowledgeEntityExtractor" in text
