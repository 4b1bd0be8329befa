"""Zalo OA API client: send a customer-service text, refresh and keep the access token.

Replies go to `POST {api}/v3.0/oa/message/cs` with the `access_token` header. Zalo
answers most failures with HTTP 200 and a non-zero `error`; an expired access token
comes back as -216 ("Access token is invalid") or -124 ("Access token has expired").
It is then renewed at `POST {oauth}/v4/oa/access_token` (form: app_id, grant_type,
refresh_token; header `secret_key` = the app secret key). Each refresh token works
once and the answer carries its successor, so the new pair is kept in memory and, with
ZALO_TOKEN_FILE, on disk for the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import logging
import os
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import aiohttp

from bot.settings import ZaloSettings
from knowledge import log_tag

logger = logging.getLogger(__name__)

TOKEN_ERRORS = frozenset({-216, -124})


@dataclass(frozen=True)
class Tokens:
    access_token: str | None
    refresh_token: str | None

    def __repr__(self) -> str:  # never print a token, even in a debugger or a log
        return f"Tokens(access_token={'set' if self.access_token else None}, refresh_token={'set' if self.refresh_token else None})"


class TokenStore:
    """The current token pair: the environment's at first, then the rotated ones.

    With a file, tokens rotated by an earlier run win over the environment's, whose
    refresh token Zalo has already consumed. Processes sharing the file (the Rasa
    replicas of `make run-prod`) refresh one at a time (`exclusive`) and each adopts
    the pair another one saved (`saved`): Zalo's refresh tokens are single-use.
    """

    def __init__(self, initial: Tokens, path: Path | None = None) -> None:
        self._initial = initial
        self._path = path

    def load(self) -> Tokens:
        return self.saved() or self._initial

    def saved(self) -> Tokens | None:
        """The pair in the file, or None without a usable file."""
        if self._path is None or not self._path.exists():
            return None
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            logger.warning("Ignoring unreadable Zalo token file %s: %s", self._path, error)
            return None
        if not isinstance(data, dict):
            logger.warning("Ignoring Zalo token file %s: not a JSON object", self._path)
            return None
        access, refresh = data.get("access_token"), data.get("refresh_token")
        return Tokens(
            access if isinstance(access, str) and access else self._initial.access_token,
            refresh if isinstance(refresh, str) and refresh else self._initial.refresh_token,
        )

    @contextlib.asynccontextmanager
    async def exclusive(self) -> AsyncIterator[None]:
        """Held by one process at a time among those sharing the file (an flock beside it)."""
        if self._path is None:
            yield
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self._path.with_name(self._path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    async def save(self, tokens: Tokens) -> None:
        if self._path is not None:
            await asyncio.to_thread(self._write, tokens)

    def _write(self, tokens: Tokens) -> None:
        assert self._path is not None
        self._path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a crash never leaves half a file and loses the only
        # valid refresh token; readable by the owner only.
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".zalo-tokens-")
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"access_token": tokens.access_token, "refresh_token": tokens.refresh_token}, handle)
            os.replace(tmp, self._path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3  # tries per message on 5xx, 429 and timeouts
    backoff: float = 0.5  # seconds before the first retry, doubled for each next one
    timeout: float = 10.0  # seconds for one whole HTTP exchange


class _Outcome(Enum):
    SENT = "sent"
    RETRY = "retry"
    TOKEN_EXPIRED = "token_expired"
    FAILED = "failed"


class ZaloApiClient:
    def __init__(self, settings: ZaloSettings, policy: RetryPolicy | None = None, store: TokenStore | None = None) -> None:
        self._settings = settings
        self._policy = policy or RetryPolicy()
        self._store = store or TokenStore(Tokens(settings.access_token, settings.refresh_token), settings.token_file)
        self._tokens = self._store.load()
        self._session: aiohttp.ClientSession | None = None
        self._refresh_lock = asyncio.Lock()

    @property
    def tokens(self) -> Tokens:
        return self._tokens

    def _http(self) -> aiohttp.ClientSession:
        # Created on first use, inside the server's event loop, never at import.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self._policy.timeout))
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def send_text(self, user_id: str, text: str) -> bool:
        """Send one text (already within Zalo's length limit); False when it was not sent."""
        body = {"recipient": {"user_id": user_id}, "message": {"text": text}}
        refreshed = False
        attempt = 0
        while True:
            token = self._tokens.access_token
            if token is None:
                if refreshed or not await self.refresh_access_token(None):
                    logger.error("Zalo reply to user %s dropped: no access token", log_tag(user_id))
                    return False
                refreshed = True
                continue
            attempt += 1
            outcome = await self._post_message(body, token)
            if outcome is _Outcome.SENT:
                return True
            if outcome is _Outcome.TOKEN_EXPIRED and not refreshed:
                refreshed = True
                if await self.refresh_access_token(token):
                    attempt -= 1  # the retry with a fresh token is not a failed attempt
                    continue
                return False
            if outcome is _Outcome.RETRY and attempt < self._policy.attempts:
                await asyncio.sleep(self._policy.backoff * 2 ** (attempt - 1))
                continue
            logger.error("Zalo reply to user %s dropped after %d attempt(s)", log_tag(user_id), attempt)
            return False

    async def _post_message(self, body: dict[str, Any], token: str) -> _Outcome:
        url = f"{self._settings.api_url}/v3.0/oa/message/cs"
        try:
            async with self._http().post(url, json=body, headers={"access_token": token}) as response:
                status, raw = response.status, await response.text()
        except asyncio.TimeoutError:
            logger.warning("Zalo message API timed out after %.1fs", self._policy.timeout)
            return _Outcome.RETRY
        except aiohttp.ClientError as error:
            logger.warning("Zalo message API unreachable: %r", error)
            return _Outcome.RETRY
        if status >= 500 or status == 429:
            logger.warning("Zalo message API answered HTTP %d", status)
            return _Outcome.RETRY
        if status == 401:
            return _Outcome.TOKEN_EXPIRED
        if status >= 400:
            logger.error("Zalo message API refused the message: HTTP %d %s", status, raw[:300])
            return _Outcome.FAILED
        data = _json_object(raw)
        if data is None:
            # The message may have been sent: retrying could deliver it twice.
            logger.error("Zalo message API answered HTTP %d with no JSON object: %s", status, raw[:300])
            return _Outcome.FAILED
        code = data.get("error", 0)
        if code == 0:
            return _Outcome.SENT
        if code in TOKEN_ERRORS:
            logger.info("Zalo access token rejected (error %s)", code)
            return _Outcome.TOKEN_EXPIRED
        logger.error("Zalo message API error %s: %s", code, str(data.get("message", ""))[:300])
        return _Outcome.FAILED

    async def refresh_access_token(self, rejected: str | None) -> bool:
        """Get a new access token unless another task already replaced `rejected`."""
        async with self._refresh_lock, self._store.exclusive():
            current = self._tokens.access_token
            if current is not None and current != rejected:
                return True
            saved = self._store.saved()
            if saved is not None and saved.access_token not in (None, rejected):
                self._tokens = saved  # another replica refreshed: its refresh token is the live one
                logger.info("Zalo access token taken from ZALO_TOKEN_FILE, refreshed by another process")
                return True
            refresh_token = self._tokens.refresh_token
            if not (refresh_token and self._settings.app_id and self._settings.app_secret):
                logger.error("Zalo access token expired and cannot be refreshed: set ZALO_REFRESH_TOKEN, ZALO_APP_ID and ZALO_APP_SECRET")
                return False
            url = f"{self._settings.oauth_url}/v4/oa/access_token"
            form = {"app_id": self._settings.app_id, "grant_type": "refresh_token", "refresh_token": refresh_token}
            try:
                async with self._http().post(url, data=form, headers={"secret_key": self._settings.app_secret}) as response:
                    status, raw = response.status, await response.text()
            except (asyncio.TimeoutError, aiohttp.ClientError) as error:
                # Not retried: if Zalo did rotate, the old refresh token is spent anyway.
                logger.error("Zalo token refresh failed: %r", error)
                return False
            data = _json_object(raw) or {}
            access, refresh = data.get("access_token"), data.get("refresh_token")
            if status != 200 or not isinstance(access, str) or not access:
                logger.error(
                    "Zalo token refresh refused: HTTP %d error %s %s",
                    status,
                    data.get("error"),
                    str(data.get("error_description") or data.get("error_name") or raw[:200]),
                )
                return False
            self._tokens = Tokens(access, refresh if isinstance(refresh, str) and refresh else refresh_token)
            try:
                await self._store.save(self._tokens)
            except OSError as error:
                # Replies still work with the tokens in memory; only a restart would suffer.
                logger.error("Could not save the rotated Zalo tokens to ZALO_TOKEN_FILE: %s", error)
            logger.info("Zalo access token refreshed; the rotated refresh token is kept")
            return True


def _json_object(raw: str) -> dict[str, Any] | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
