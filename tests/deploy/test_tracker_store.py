"""The embedded profile's tracker store: same rows as Rasa's SQL store, fewer reads."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.core.utils import AvailableEndpoints
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from deploy.tracker_store import CachedSQLTrackerStore

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [ask_indicator]
entities: [indicator]
slots:
  indicator:
    type: text
    mappings: [{type: from_entity, entity: indicator}]
""")


def store(db: Path, **kwargs: Any) -> CachedSQLTrackerStore:
    return CachedSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(db), **kwargs)


def turn(text: str, indicator: str) -> list[Event]:
    return [UserUttered(text, {"name": "ask_indicator", "confidence": 1.0}),
            ActionExecuted("action_answer_indicator"), SlotSet("indicator", indicator),
            BotUttered(f"trả lời: {text}"), ActionExecuted("action_listen")]


def rows(db: Path, sender: str) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [r[0] for r in connection.execute(
            "SELECT type_name FROM events WHERE sender_id = ? ORDER BY id", (sender,))]


def full_rows(db: Path, sender: str) -> list[tuple[Any, ...]]:
    """Every column but the id, with the times taken out (two runs, two clocks)."""
    with sqlite3.connect(db) as connection:
        found = connection.execute("SELECT sender_id, type_name, timestamp, intent_name, action_name, data "
                                   "FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
    result = []
    for sender_id, type_name, timestamp, intent, action, data in found:
        payload = json.loads(data)
        assert payload.pop("timestamp") == timestamp
        result.append((sender_id, type_name, intent, action, payload))
    return result


async def play_turn(tracker_store: TrackerStore, sender: str, text: str, indicator: str) -> DialogueStateTracker:
    tracker = await tracker_store.get_or_create_tracker(sender)
    for event in turn(text, indicator):
        tracker.update(event)
    await tracker_store.save(tracker)
    return tracker


async def test_rows_are_those_rasas_sql_store_writes_and_reads(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.db", tmp_path / "theirs.db"
    for tracker_store, _db in ((store(ours), ours), (SQLTrackerStore(domain=DOMAIN, db=str(theirs)), theirs)):
        await play_turn(tracker_store, "a", "grdp bao nhiêu", "grdp")
        await play_turn(tracker_store, "a", "còn xuất khẩu", "export")
    assert full_rows(ours, "a") == full_rows(theirs, "a")
    assert len(full_rows(ours, "a")) == 1 + 2 * len(turn("", ""))
    reread = await SQLTrackerStore(domain=DOMAIN, db=str(ours)).retrieve("a")
    assert reread is not None
    assert reread.get_slot("indicator") == "export"
    assert [e.as_dict() for e in reread.events] == [e.as_dict() for e in (await store(ours).retrieve("a")).events]


async def test_a_saved_conversation_is_served_from_memory(tmp_path: Path) -> None:
    tracker_store = store(tmp_path / "t.db")
    saved = await play_turn(tracker_store, "a", "grdp", "grdp")
    assert await tracker_store.retrieve("a") is saved


async def test_a_turn_that_failed_before_saving_is_forgotten(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    tracker_store = store(db)
    await play_turn(tracker_store, "a", "grdp", "grdp")
    stored = len(rows(db, "a"))
    broken = await tracker_store.retrieve("a")
    assert broken is not None
    broken.update(UserUttered("câu hỏi dở dang"))
    broken.update(SlotSet("indicator", "half-done"))  # and then the turn raised
    again = await tracker_store.retrieve("a")
    assert again is not None and again is not broken
    assert len(again.events) == stored
    assert again.get_slot("indicator") == "grdp"
    await play_turn(tracker_store, "a", "xuất khẩu", "export")
    assert len(rows(db, "a")) == stored + len(turn("", ""))


async def test_a_first_turn_that_failed_leaves_only_the_listening_start(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    tracker_store = store(db)
    assert await tracker_store.retrieve("new") is None
    assert await tracker_store.retrieve("new") is None  # known to be absent: no query needed
    broken = await tracker_store.get_or_create_tracker("new")
    broken.update(UserUttered("xin chào"))  # and then the turn raised
    assert rows(db, "new") == ["action"]
    again = await tracker_store.retrieve("new")
    assert again is not None and again is not broken and len(again.events) == 1
    await play_turn(tracker_store, "new", "grdp", "grdp")
    assert rows(db, "new") == ["action"] + [e.type_name for e in turn("", "")]


def count_statements(tracker_store: CachedSQLTrackerStore) -> list[str]:
    statements: list[str] = []
    sa.event.listen(tracker_store.engine, "before_cursor_execute",
                    lambda conn, cursor, statement, *rest: statements.append(statement))
    return statements


async def test_a_sender_never_stored_costs_no_query(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    await play_turn(store(db), "earlier", "grdp", "grdp")
    tracker_store = store(db)  # a restart: what is stored is read once
    statements = count_statements(tracker_store)
    assert await tracker_store.retrieve("new") is None
    assert statements == []
    earlier = await tracker_store.retrieve("earlier")
    assert earlier is not None and earlier.get_slot("indicator") == "grdp"
    statements.clear()
    await play_turn(tracker_store, "brand new", "grdp", "grdp")
    assert not any(s.lstrip().upper().startswith("SELECT") for s in statements)


@pytest.mark.parametrize("stored_before", [2, 0])
async def test_past_the_sender_index_limit_unknown_senders_are_queried(tmp_path: Path, stored_before: int) -> None:
    db = tmp_path / "t.db"
    for number in range(stored_before):
        await play_turn(store(db), f"s{number}", "grdp", "grdp")
    tracker_store = store(db, sender_index_limit="1")
    for number in range(2 - stored_before):  # past the limit while running
        await play_turn(tracker_store, f"s{number}", "grdp", "grdp")
    assert tracker_store._stored_senders is None
    tracker_store._known.clear()
    statements = count_statements(tracker_store)
    assert await tracker_store.retrieve("new") is None
    assert len(statements) == 1
    for number in range(2):
        found = await tracker_store.retrieve(f"s{number}")
        assert found is not None and found.get_slot("indicator") == "grdp"


async def test_one_connection_serves_every_turn(tmp_path: Path) -> None:
    tracker_store = store(tmp_path / "t.db")
    connects: list[object] = []
    sa.event.listen(tracker_store.engine, "connect", lambda connection, record: connects.append(connection))
    for sender in ("a", "b", "a"):
        await play_turn(tracker_store, sender, "grdp", "grdp")
    assert len(connects) <= 1


async def test_a_tracker_from_elsewhere_is_saved_by_counting_rows(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    tracker_store = store(db)
    await play_turn(tracker_store, "a", "grdp", "grdp")
    other = await SQLTrackerStore(domain=DOMAIN, db=str(db)).retrieve("a")
    assert other is not None
    other.update(UserUttered("thêm"))
    await tracker_store.save(other)
    assert rows(db, "a")[-1] == "user"
    assert len(rows(db, "a")) == len(other.events)


async def test_a_new_session_is_stored_after_the_old_one(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    tracker_store = store(db)
    tracker = await play_turn(tracker_store, "a", "grdp", "grdp")
    before = len(rows(db, "a"))
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    await tracker_store.save(tracker)
    assert len(rows(db, "a")) == before + 3
    latest = await store(db).retrieve("a")  # Rasa reads back the latest session only
    assert latest is not None
    assert [e.type_name for e in latest.events][-2:] == ["session_started", "action"]


async def test_memory_holds_at_most_cache_size_conversations(tmp_path: Path) -> None:
    tracker_store = store(tmp_path / "t.db", cache_size="2")
    first = await play_turn(tracker_store, "a", "grdp", "grdp")
    await play_turn(tracker_store, "b", "grdp", "grdp")
    await play_turn(tracker_store, "c", "grdp", "grdp")
    again = await tracker_store.retrieve("a")
    assert again is not None and again is not first
    assert again.get_slot("indicator") == "grdp"
    assert len(tracker_store._known) == 2


@pytest.mark.parametrize("cache_size", [0, "0"])
async def test_cache_size_zero_turns_memory_off(tmp_path: Path, cache_size: Any) -> None:
    tracker_store = store(tmp_path / "t.db", cache_size=cache_size)
    saved = await play_turn(tracker_store, "a", "grdp", "grdp")
    assert await tracker_store.retrieve("a") is not saved


@pytest.mark.parametrize("setting", ["cache_size", "sender_index_limit"])
def test_a_negative_size_is_refused(tmp_path: Path, setting: str) -> None:
    with pytest.raises(ValueError, match=setting):
        store(tmp_path / "t.db", **{setting: -1})


class RecordingBroker:
    def __init__(self) -> None:
        self.published: list[dict[str, Any]] = []

    def publish(self, event: dict[str, Any]) -> None:
        self.published.append(event)


async def test_with_an_event_broker_every_new_event_is_published(tmp_path: Path) -> None:
    broker = RecordingBroker()
    tracker_store = store(tmp_path / "t.db", event_broker=broker)
    await play_turn(tracker_store, "a", "grdp", "grdp")
    await play_turn(tracker_store, "a", "xuất khẩu", "export")
    assert [e["event"] for e in broker.published].count("user") == 2


async def test_sqlite_writes_ahead(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    await play_turn(store(db), "a", "grdp", "grdp")
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_endpoints_yml_loads_this_store_not_rasas_silent_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTION_ENDPOINT_URL", "http://127.0.0.1:1/webhook")
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "a-token-for-the-endpoints-test")
    monkeypatch.setenv("TRACKER_DB_PATH", str(tmp_path / "tracker.db"))
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
    created = TrackerStore.create(endpoints.tracker_store, domain=DOMAIN)
    assert isinstance(created, CachedSQLTrackerStore)
    assert created.cache_size == 2000
    assert Path(created.engine.url.database) == tmp_path / "tracker.db"


async def test_the_conversation_database_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    import os
    import stat

    os.umask(0o022)
    db = tmp_path / "t.db"
    await play_turn(store(db), "a", "grdp", "grdp")
    for path in (db, tmp_path / "t.db-wal"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
