"""Long lists in phone-sized pages, continued with "xem thêm"."""

from __future__ import annotations

from .query import Reply, button, intent_payload

PAGE_SIZE = 10  # a group of the key-project list whole (the largest has 10)


def page_reply(title: str, lines: list[str], page: int, query_payload: str, topic: str,
               footer: str | None = None) -> Reply:
    """Page `page` of `lines`; remembers how to fetch the next one."""
    start = page * PAGE_SIZE
    chunk = lines[start:start + PAGE_SIZE]
    reply = Reply()
    if not chunk:
        return reply.say("Danh sách đã hết.")
    heading = title if page == 0 else f"{title.removesuffix(':')} (tiếp, trang {page + 1}):"
    body = [heading, *chunk]
    more = start + PAGE_SIZE < len(lines)
    if more:
        body.append(f"… còn {len(lines) - start - PAGE_SIZE} mục nữa.")
    if footer:
        body.append(footer)
    buttons = [button("Xem thêm", intent_payload("show_more"))] if more else []
    reply.say("\n".join(body), buttons)
    reply.slots.update(topic=topic, page_query=query_payload if more else None, page=page + 1 if more else None)
    return reply
