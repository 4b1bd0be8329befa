"""Rasa's calls to the action server over kept-alive connections.

Rasa 3.6's `EndpointConfig.request` opens a new aiohttp session for every call, so
every custom action costs a TCP connect and close on both sides (about 5 % of the
Rasa process's CPU per message in `make bench`, and as much again in the action
server). Here each session borrows one connection pool per event loop instead, and
leaves it open when the session closes. Everything else about the call (headers,
authentication, timeouts, errors) is Rasa's.

An idle pooled connection is dropped after `KEEPALIVE_SECONDS`, shorter than the
idle limit of the servers Rasa calls (Sanic's 5 s keep-alive in the action server,
nginx's 30 s in the production profile), so Rasa never sends a request on a connection
the server is closing.
"""

from __future__ import annotations

import asyncio
import weakref

import aiohttp
import rasa.utils.endpoints as rasa_endpoints
from rasa.utils.endpoints import EndpointConfig

KEEPALIVE_SECONDS = 2.0
_SHARED = "_shared_pool"  # marks Rasa's method once replaced

_pools: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.TCPConnector] = weakref.WeakKeyDictionary()


def _pool() -> aiohttp.TCPConnector:
    loop = asyncio.get_running_loop()
    pool = _pools.get(loop)
    if pool is None or pool.closed:
        pool = _pools[loop] = aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS)
    return pool


def _session(self: EndpointConfig) -> aiohttp.ClientSession:
    """Rasa's `EndpointConfig.session`, on the loop's shared pool."""
    auth = None
    if self.basic_auth:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
    return aiohttp.ClientSession(
        headers=self.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=rasa_endpoints.DEFAULT_REQUEST_TIMEOUT),
        connector=_pool(),
        connector_owner=False,
    )


def reuse_action_connections() -> None:
    """Make Rasa's endpoint calls share kept-alive connections (idempotent)."""
    if getattr(EndpointConfig.session, _SHARED, False):
        return
    setattr(_session, _SHARED, True)
    EndpointConfig.session = _session


async def close_action_connections() -> None:
    """Close this loop's pool: at server stop, so no connection is left to the GC."""
    pool = _pools.pop(asyncio.get_running_loop(), None)
    if pool is not None:
        await pool.close()
