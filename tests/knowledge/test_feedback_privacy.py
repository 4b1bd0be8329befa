"""Finding 4: the feedback store keeps no recognisable personal data, is private, forgets
old questions, and `make report` cannot be made to write escape sequences to staff's terminal."""

from __future__ import annotations

import logging
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa_sdk import Tracker
from sqlalchemy.engine import Engine

from knowledge.__main__ import main
from knowledge.feedback import FeedbackStore
from knowledge.privacy import PHONE

QUESTION = "tôi là Lan, sđt 0912 345 678, ở số 12 đường Lạch Tray, hỏi thủ tục đất đai"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def stored_questions(url: str) -> list[str]:
    engine = sa.create_engine(url, future=True)
    with engine.connect() as conn:
        rows = [r[0] + " | " + r[1] for r in conn.execute(sa.text("SELECT question, question_folded FROM feedback"))]
    engine.dispose()
    return rows


def test_questions_are_stored_masked_in_a_file_only_the_owner_reads(tmp_path: Path) -> None:
    os.umask(0o022)
    url = f"sqlite:///{tmp_path / 'sub' / 'feedback.db'}"
    store = FeedbackStore(url)
    store.record("unanswered", QUESTION, "zalo:246845883529197922", "zalo")
    store.close()
    [row] = stored_questions(url)
    assert "0912" not in row and "345 678" not in row and "số 12 đường" not in row and "so 12 duong" not in row
    assert PHONE in row and "thủ tục đất đai" in row
    assert mode(tmp_path / "sub" / "feedback.db") == 0o600


def test_an_existing_world_readable_store_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "feedback.db"
    path.touch(mode=0o644)
    store = FeedbackStore(f"sqlite:///{path}")
    store.record("up", "grdp 2024", "s")
    store.close()
    assert mode(path) == 0o600


def test_purge_deletes_only_what_is_past_the_retention_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'feedback.db'}"
    store = FeedbackStore(url)
    store.record("unanswered", "câu hỏi cũ", "a")
    store.record("unanswered", "câu hỏi mới", "b")
    old = (datetime.now(timezone.utc) - timedelta(days=100)).isoformat(timespec="seconds")
    with store._get_engine().begin() as conn:
        conn.execute(sa.text("UPDATE feedback SET created_at = :t WHERE question = 'câu hỏi cũ'"), {"t": old})
    assert store.purge(older_than_days=120) == 0
    store.close()
    monkeypatch.setenv("FEEDBACK_RETENTION_DAYS", "90")
    assert main(["purge-feedback", "--feedback-url", url]) == 0
    assert "deleted 1 feedback row(s) older than 90 days" in capsys.readouterr().out
    assert [q.split(" | ")[0] for q in stored_questions(url)] == ["câu hỏi mới"]


def test_the_report_escapes_terminal_sequences_and_masks_old_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'feedback.db'}"
    store = FeedbackStore(url)
    store.record("unanswered", "x", "a")
    with store._get_engine().begin() as conn:  # a row as stored before masking and cleaning existed
        conn.execute(sa.text("UPDATE feedback SET question = :q"),
                     {"q": "\x1b]0;pwned\x07\x1b[2J gọi 0912345678 \u202eabc\r\nFAKE LINE"})
    store.close()
    assert main(["report", "--feedback-url", url]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out and "\r" not in out
    assert "0912345678" not in out and "\\x1b" in out and "\\n" in out
    assert out.count("\n") == 3  # two headings and one row


async def test_a_feedback_store_error_is_logged_without_the_question(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import actions.feedback_store as module

    class Broken(FeedbackStore):
        def _get_engine(self) -> Engine:
            raise sa.exc.IntegrityError("INSERT INTO feedback ...", {"question": QUESTION}, Exception("boom"))

    monkeypatch.setattr(module, "_store", Broken(f"sqlite:///{tmp_path / 'f.db'}"))
    tracker = Tracker("s", {}, {"text": QUESTION}, [], False, None, {}, "action_listen")
    with caplog.at_level(logging.INFO):
        assert await module.record("unanswered", tracker, QUESTION) is False
    assert "IntegrityError" in caplog.text and "0912" not in caplog.text and "Lạch Tray" not in caplog.text


def test_database_errors_do_not_quote_their_parameters(tmp_path: Path) -> None:
    from knowledge.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE t (q TEXT UNIQUE)"))
        conn.execute(sa.text("INSERT INTO t VALUES (:q)"), {"q": QUESTION})
    with pytest.raises(sa.exc.IntegrityError) as raised, engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO t VALUES (:q)"), {"q": QUESTION})
    assert "0912" not in str(raised.value)
    engine.dispose()
