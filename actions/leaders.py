"""People and their posts, as a curated list of the city's leaders gives them ("Theo bài viết về Hội nghị …:
ông Lê Tiến Châu là Bí thư Thành ủy, …; ông Lê Ngọc Châu là Phó Bí thư Thành ủy, Chủ tịch UBND thành phố; …").

Read by the curated answers (who holds a post, a post claimed of a person) and by the passage search (a post
named where the documents' sentences name the person: "Bí thư Thành ủy chỉ ra những hạn chế gì?").
"""

from __future__ import annotations

import re

from knowledge import KnowledgeBase

_PERSON = re.compile(r"^(?:ông|bà) [^;]+? là (.+)$")
# "ông Lê Anh Quân", "đồng chí Đỗ Mạnh Hiến": a person named as typed, capitals and all
PERSON_NAMED = re.compile(r"\b(?:ông|bà|đồng chí)\s+((?:[A-ZĐ]\w*\s+){1,3}[A-ZĐ]\w*)")
MIN_PEOPLE = 3  # clauses of a list of people: fewer is a sentence about someone, not the list


def people_of(text: str) -> list[tuple[str, str]]:
    """The clauses of a curated list of people and their posts, with each one's posts; [] for any other text."""
    _, colon, body = text.partition(": ")
    clauses = body.rstrip(".").split("; ")
    people = [(c, m.group(1)) for c in clauses if (m := _PERSON.match(c))]
    return people if colon and len(clauses) >= MIN_PEOPLE and len(people) == len(clauses) else []


def name_of(clause: str) -> str:
    """"ông Lê Tiến Châu là Bí thư Thành ủy, …" → "Lê Tiến Châu"."""
    return clause.split(" là ")[0].split(" ", 1)[1]


_POSTS: dict[str, dict[str, set[str]]] = {}  # by the list's text: its posts normalized once per process


def posts_of(kb: KnowledgeBase, text: str) -> dict[str, set[str]]:
    """Each clause of a curated list of people, with its posts as residents shorten them; {} for any other text."""
    if text not in _POSTS:
        _POSTS[text] = {clause: {post_key(kb, post) for post in posts.split(", ")} for clause, posts in people_of(text)}
    return _POSTS[text]


def posts_asked(posts: dict[str, set[str]], asked: str) -> set[str]:
    """The posts of the list the question names; "phó bí thư" is not also "bí thư"."""
    found = {k for keys in posts.values() for k in keys if k and f" {k} " in asked}
    return {k for k in found if not any(k != other and k in other for other in found)}


_PLACE_WORDS = re.compile(r"(?: (?:thanh uy|thanh pho|hai phong|tp|hp))+$")


def post_key(kb: KnowledgeBase, post: str) -> str:
    """A post as residents shorten it: "Phó Bí thư Thường trực Thành ủy" → "pho bi thu thuong truc"."""
    return _PLACE_WORDS.sub("", kb.normalize_question(post)).strip()


def holder_named(kb: KnowledgeBase, asked: str) -> str | None:
    """The name of the one person whose post the question (normalized) names, by the curated lists."""
    found = holder_clause(kb, asked)
    return name_of(found[0]) if found else None


def holder_clause(kb: KnowledgeBase, asked: str) -> tuple[str, str] | None:
    """The clause of the one person whose post the text (normalized) names ("ông Lê Tiến Châu là Bí thư Thành ủy,
    …"), and the citation of the document whose list says so."""
    asked = f" {asked} "
    for info in kb.answers():
        posts = posts_of(kb, info.answer.answer)
        claimed = posts_asked(posts, asked)
        holders = [clause for clause, keys in posts.items() if claimed & keys]
        if len(holders) == 1:
            return holders[0], info.document.citation
    return None
