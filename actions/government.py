"""The two-tier local government: old ward/commune → new unit."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from knowledge import (
    AddressMatch,
    AddressResult,
    DistrictChange,
    KnowledgeBase,
    Reorganisation,
    fold,
    fold_aligned,
    reorganisation_of,
    unit_folded,
)

from .feedback_buttons import feedback_buttons
from .query import Query, Reply, button

MAX_CHOICES = 5


def address_source(kb: KnowledgeBase) -> str:
    """The unit data and the library that ships it, as the build recorded them."""
    reorg = reorganisation_of(kb)
    return f"Nguồn: dữ liệu sắp xếp đơn vị hành chính cấp xã {reorg.dataset}, đi kèm thư viện {reorg.package}."


def made_of(reorg: Reorganisation) -> str:
    """"theo dữ liệu … (hiệu lực 01/07/2025), thành phố Hải Phòng mới gồm Hải Phòng và Hải Dương cũ", from the unit data."""
    return (f"theo dữ liệu sắp xếp đơn vị hành chính (hiệu lực {reorg.effective}), thành phố {reorg.provinces[0]} "
            f"mới gồm {' và '.join(reorg.provinces)} cũ")


def _describe(match: AddressMatch) -> str:
    old = f"{match.old_ward} ({match.old_district}, {match.old_province} cũ)"
    if match.unusable or not match.new_units:
        return (f"{old}: dữ liệu nguồn thiếu tên đơn vị mới của đơn vị này, nên tôi không trả lời để tránh "
                "nói sai. Bạn vui lòng hỏi UBND phường/xã nơi cư trú.")
    if match.is_split:
        names = ", ".join(u.name for u in match.new_units)
        main = next((u.name for u in match.new_units if u.is_default), None)
        text = (f"{old} được chia cho {len(match.new_units)} đơn vị mới: {names}. "
                "Nhà bạn thuộc đơn vị nào tùy vị trí cụ thể (thôn, tổ dân phố).")
        if main:
            text += f" Phần chính của đơn vị cũ thuộc {main}."
    else:
        unit = match.new_units[0]
        verb = {"renamed": "đổi tên thành", "unchanged": "giữ nguyên là"}.get(match.mapping_type, "nay thuộc")
        text = f"{old} {verb} {unit.name}, thành phố Hải Phòng."
    # A repair's reason (`repair_note`) is for reviewers: never shown to a resident.
    return text


# "bà ở Vạn Mỹ chứ ko phải Máy Chai": the unit denied is not the one asked
DENIED_PART = re.compile(r"[,;]?\s*(?:chứ|chu|chớ)\s+(?:không|khong|ko|k|hông)\s+phải\b.*$|"
                         r"[,;]?\s*(?:chu|cho)\s+(?:khong|ko|k)\s+phai\b.*$", re.IGNORECASE)


# "phường Văn An, Chí Linh — à nhầm, ý tôi là phường Bến Tắm": what comes before the correction is not asked
CORRECTED_PART = re.compile(r"^.*\b(?:nhầm|nham)\b[\s,.:;—–-]*(?:(?:ý|y) (?:tôi|toi|mình|minh|em|tớ|to) (?:là|la|hỏi|hoi)\b)?",
                            re.IGNORECASE)


def _query_text(q: Query) -> str:
    if q.text.startswith("/"):  # a button payload: the entities say it all
        return " ".join(q.all("old_unit"))
    text = DENIED_PART.sub("", q.text)
    corrected = CORRECTED_PART.sub("", text)
    return corrected if corrected.strip(" ?.!,") else text


def names_an_old_unit(kb: KnowledgeBase, text: str) -> bool:
    """"à nhầm, bà ở Vạn Mỹ chứ ko phải Máy Chai" after a conversion: an old unit by its bare name."""
    return bool(kb.convert_address(DENIED_PART.sub("", text)).matches)


# Kinds of new unit typed short or with a final consonant swapped: "hp h có bn p, bn xã", "mấy đặt khu"
# ("đặt" is a word, so the speller keeps it; "đặt khu công nghiệp" places one)
_KINDS_TYPED = ((re.compile(r"\b(bao nhieu|may) p\b"), r"\1 phuong"),
                (re.compile(r"\bdat khu\b(?! (?:cong nghiep|kinh te|do thi|vuc|dan cu|nha))"), "dac khu"))


def kinds_typed(folded: str) -> str:
    """`folded` with the kinds of unit it types short written out."""
    for typed, kind in _KINDS_TYPED:
        folded = typed.sub(kind, folded)
    return folded


COUNT_QUESTION = re.compile(r"\b(?:bao nhieu|(?<!bo )may|so luong|tong so)\b.*\b(?:xa|phuong|don vi|dac khu)\b")  # "bộ máy"


MERGER = re.compile(r"\b(?:sap nhap|sat nhap|hop nhat|nhap vao|nhap voi|gop voi|gop vao)\b")


def answer_merger(kb: KnowledgeBase, province: str | None) -> Reply:
    """"HP sáp nhập với Quảng Ninh à?", "hợp nhất với tỉnh nào?": which old provinces the new city
    is made of, from the unit data; a wrong province named is said to be wrong first."""
    said = made_of(reorganisation_of(kb))
    text = f"Không đúng: {said}; {province} không nằm trong đó." if province else f"{said[:1].upper()}{said[1:]}."
    reply = Reply().say(f"{text}\n{address_source(kb)}", feedback_buttons())
    reply.slots.update(topic="government")
    reply.answer_id = "address:merger"
    return reply


# a place below a ward or commune, which the unit data does not list
_BELOW_A_WARD = re.compile(r"\b(?:to dan pho|tdp|thon|xom|khu pho|ngo|ngach|so nha|tuyen pho)\b")


FEW_TO_NAME = 5  # "mấy đặc khu, tên gì": a kind with this few units is listed by name


# "Có 3 đặc khu đúng không?", "hp mới có 126 xã phường à": a count claimed
COUNT_CLAIMED = re.compile(r"\b(\d+) (xa|phuong|dac khu|don vi)\b")


def _count_verdict(counts: dict[str, int], asked: str) -> str:
    """"Đúng. " or "Không đúng: … " for each count the question claims of a kind of new unit (all units for
    "đơn vị"); "" when none is claimed."""
    named = {fold(kind): (kind.lower(), n) for kind, n in counts.items()} | {"don vi": ("đơn vị", sum(counts.values()))}
    wrong: list[str] = []
    right: list[str] = []
    for number, kind in COUNT_CLAIMED.findall(asked):
        if kind in named:
            said, actual = named[kind]
            (right if int(number) == actual else wrong).append(f"có {actual} {said}")
    if wrong:
        return f"Không đúng: {', '.join(wrong)}.\n"
    return "Đúng.\n" if right else ""


def answer_unit_count(kb: KnowledgeBase, q: Query | None = None) -> Reply:
    counts, _ = kb.new_unit_counts()
    parts = ", ".join(f"{n} {kind.lower()}" for kind, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    asked = kinds_typed(fold(q.text)) if q is not None else ""
    named = ""
    for kind, n in counts.items():
        if n <= FEW_TO_NAME and fold(kind) in asked:
            members = sorted(u for u in kb.new_unit_names() if fold(u).startswith(fold(kind)))
            named += f" Các {kind.lower()}: {', '.join(members)}."
    reorg = reorganisation_of(kb)
    verdict = _count_verdict(counts, asked)
    reply = Reply().say(
        verdict + f"Theo dữ liệu sắp xếp đơn vị hành chính (hiệu lực {reorg.effective}), thành phố {reorg.provinces[0]} mới "
        f"(gồm {' và '.join(reorg.provinces)} cũ) có {sum(counts.values())} đơn vị hành chính cấp xã: {parts}.{named}\n"
        f"{address_source(kb)}",
        feedback_buttons(),
    )
    reply.slots.update(topic="units")
    reply.answer_id = "address:counts"
    return reply


# "nghe nói Đồ Sơn thành đặc khu rồi hả": a place claimed to be one of the special zones
_SPECIAL_ZONE_CLAIMED = re.compile(r"\b(?:thanh|la|len|tro thanh|thuoc)\s+dac khu\b(?!\s+(?:nao|gi|j)\b)")
_SPECIAL_ZONE = "dac khu"


def claims_a_special_zone(text: str) -> bool:
    return _SPECIAL_ZONE_CLAIMED.search(fold(text)) is not None


def special_zone_verdict(kb: KnowledgeBase, q: Query) -> Reply:
    """Whether the place named before the claim is one of the special zones, with the zones the data has
    and, for an old district, the units its wards went to."""
    folded = fold(q.text)
    claim = _SPECIAL_ZONE_CLAIMED.search(folded)
    named_before = folded[:claim.start()] if claim else folded
    zones = [u for u in kb.new_unit_names() if fold(u).startswith(_SPECIAL_ZONE)]
    listed = f"thành phố có {len(zones)} đặc khu: {', '.join(zones)}"
    into = [(m.old_ward, u.name) for m in kb.convert_address(q.text).matches for u in m.new_units]
    if any(fold(zone).removeprefix(_SPECIAL_ZONE).strip() in named_before for zone in zones):
        verdict = f"Đúng: theo dữ liệu sắp xếp đơn vị hành chính, {listed}."
    elif into and all(unit in zones for _, unit in into):
        # "xã Hoàng Châu thành đặc khu à": an old commune that is now part of one
        verdict = (f"Đúng một phần: {into[0][0]} nay thuộc {into[0][1]} (một phần của đặc khu, không tự thành đặc khu); "
                   f"theo dữ liệu sắp xếp đơn vị hành chính, {listed}.")
    else:
        district = kb.district_answer(q.text)
        if district is not None and district.units:
            verdict = (f"Không đúng: theo dữ liệu sắp xếp đơn vị hành chính, {listed}; {district.district} cũ không "
                       f"trở thành đặc khu. Các phường, xã của {district.district} cũ nay thuộc: {', '.join(district.units)}.")
        else:
            verdict = f"Không đúng: theo dữ liệu sắp xếp đơn vị hành chính, {listed}; nơi bạn nêu không phải đặc khu."
    reply = Reply().say(f"{verdict}\n{address_source(kb)}", feedback_buttons())
    reply.slots.update(topic="units")
    reply.answer_id = "address:counts"
    return reply


# ("đại diện cho khối các phường": the wards as a group, not the members of one)
MEMBERS_QUESTION = re.compile(r"\b(?:gom|bao gom|hop thanh|sap nhap tu|tu nhung|(?<!khoi )(?:nhung xa|nhung phuong|cac xa|cac phuong)|"
                              r"gop tu|duoc gop|gop lai tu|tu bao nhieu|tu may|doi ten tu|tu (?:phuong|xa|don vi)(?: cu)? nao)\b")


# "… được sáp nhập cùng những phường nào?", "… nhập chung với xã nào?": the others of its new unit
TOGETHER_WITH = re.compile(r"\b(?:cung|chung|voi|vs) (?:voi |vs )?(?:nhung |cac )?(?:phuong|xa|don vi|p|x)(?: cu)? (?:nao|gi|j)\b")


_UNIT_POINTED = re.compile(r"\b(?:dac khu|phuong|xa|don vi|p|x)(?: moi)? (?:do|nay|ay|day)\b")


def _as_typed_or_read(kb: KnowledgeBase, q: Query, find: Callable[[str], list[str]]) -> list[str]:
    """What `find` finds in the question as typed, else as read ("phườg Gia Viên mới", "xa Mao Dien")."""
    return find(q.text) or find(kb.normalize_question(q.text))


def new_units_named(kb: KnowledgeBase, q: Query) -> list[str]:
    """New units named with their type word."""
    return _as_typed_or_read(kb, q, kb.new_units_in)


def unit_pointed_at(kb: KnowledgeBase, q: Query) -> str | None:
    """"đặc khu đó", "phường mới đó" after one old unit converted to one new unit: that new unit."""
    last = [(district, ward) for district, ward in _last_converted(q) if ward]
    if len(last) != 1 or not _UNIT_POINTED.search(fold(q.text)):
        return None
    matches = kb.convert_address(f"{last[0][1]}, {last[0][0]}").matches
    units = {u.name for m in matches for u in m.new_units}
    return units.pop() if len(units) == 1 else None


def new_unit_members(kb: KnowledgeBase, q: Query) -> Reply | None:
    """"Đặc khu Cát Hải gồm những xã nào cũ?": the old units a new one was formed from."""
    if not MEMBERS_QUESTION.search(fold(q.text)):
        return None
    named = new_units_named(kb, q)
    if len(named) > 1:  # "xa cam giang": Xã Cẩm Giang and Xã Cẩm Giàng differ only by a tone mark
        reply = Reply().say(f"Có {len(named)} đơn vị mới tên chỉ khác nhau ở dấu thanh: {', '.join(named)}. "
                            "Bạn hỏi đơn vị nào? Bạn gõ lại câu hỏi với tên có dấu giúp tôi, ví dụ: "
                            f"“{named[0]} gồm những xã nào cũ?”")
        reply.slots.update(topic="address")
        return reply
    if not named and (pointed := unit_pointed_at(kb, q)) is not None:
        named = [pointed]  # "đặc khu đó gồm bao nhiêu xã cũ" after Cát Bà: the unit it went to
    if not named:
        return None
    unit = named[0]
    members = kb.new_unit_members(unit)
    listed = "; ".join(f"{ward} ({district})" for ward, district in members)
    reply = Reply().say(f"{unit} được hình thành từ (toàn bộ hoặc một phần) {len(members)} đơn vị cũ: {listed}.\n"
                        + address_source(kb), feedback_buttons())
    reply.slots.update(topic="address")
    reply.answer_id = f"address:{unit}"
    return reply


def _change_text(kb: KnowledgeBase, change: DistrictChange) -> str:
    """The first step of a chain: a district as written before 1/1/2025."""
    return (f"{change.before} cũ được sắp xếp lại từ ngày {change.effective} theo {change.resolution}; "
            f"ngay trước ngày {reorganisation_of(kb).effective} là {change.after}.")


# "phường Cát Dài (quận Lê Chân)", "xa an hong huyen an duong": the old unit as the resident wrote it
_TYPED_UNIT = re.compile(r"\b(phường|xã|thị trấn|phuong|xa|thi tran)\s+(\w+(?:\s+\w+){0,2}?)"
                         r"(?=\s*(?:[,(.?!]|$|\s(?:quận|huyện|thị xã|thành phố|tp|cũ|giờ|nay|sau|thuộc|quan|huyen|thi xa|"
                         r"thanh pho|cu|gio|thuoc)\b))", re.IGNORECASE)
_KINDS = {"phuong": "phường", "xa": "xã", "thi tran": "thị trấn"}
_NO_NAME = frozenset("nao gi moi nay cu do khac ay kia".split())


def typed_unit(text: str) -> str | None:
    """The old ward or commune the question names, as typed ("phường Cát Dài"), or None."""
    found = _TYPED_UNIT.search(text)
    if found is None or fold(found.group(2)).split()[0] in _NO_NAME:
        return None  # "… giờ thuộc những phường nào": a question, no unit's name
    kind = _KINDS.get(fold(found.group(1)), found.group(1).lower())
    return f"{kind} {' '.join(w[:1].upper() + w[1:] for w in found.group(2).split())}"


def renamed_before(kb: KnowledgeBase, change: DistrictChange, unit: str | None = None) -> Reply:
    """A commune written with a district's former name that the mapping does not know: it was
    renamed or merged on 1/1/2025. Say so and ask for its current name, never "không tìm thấy".
    `unit`: the commune as the resident wrote it (`typed_unit`)."""
    written = f" ({unit})" if unit else ""
    reply = Reply().say(
        f"{_change_text(kb, change)} Tên phường/xã bạn viết{written} không còn trong danh sách đơn vị của {change.after} "
        f"ngay trước ngày {reorganisation_of(kb).effective}: nhiều khả năng đơn vị này đã đổi tên hoặc sáp nhập từ ngày {change.effective}, "
        "và tôi chưa có danh sách các thay đổi đó. Bạn cho biết tên phường/xã hiện nay (sau ngày "
        f"{change.effective}) để tôi chỉ đúng đơn vị mới." + _same_name_elsewhere(kb, unit) + "\n" + address_source(kb)
    )
    reply.slots.update(topic="address")
    return reply


def _same_name_elsewhere(kb: KnowledgeBase, unit: str | None) -> str:
    """Units of the name written that the data has under another district ("xã An Hồng, huyện An Dương":
    the data has Phường An Hồng of Quận Hồng Bàng), offered as what they are: maybe the unit moved."""
    if unit is None:
        return ""
    same = [m for m in kb.convert_address(unit.split(" ", 1)[1]).matches if not m.unusable and m.new_units]
    if not same or len(same) > MAX_CHOICES:
        return ""
    return ("\nTrong dữ liệu có đơn vị cùng tên ở quận/huyện khác (có thể là đơn vị của bạn nếu đã được chuyển sang "
            "từ trước ngày " + reorganisation_of(kb).effective + "):\n" + "\n".join(_describe(m) for m in same))


def _last_converted(q: Query) -> list[tuple[str, str]]:
    """(old district, old ward) of each unit the last answer converted (its `last_answer_id`); the ward is ""
    for a district answered whole."""
    last = str(q.slots.get("last_answer_id") or "")
    if not last.startswith("address:"):
        return []
    return [(district, ward) for district, _, ward in (entry.partition("/") for entry in last.removeprefix("address:").split(";"))]


def places_last_given(q: Query) -> list[str]:
    """The folded names of the units the last answer converted, each old unit then its district ("ở đó có dự án
    gì không" after Cát Bà: "cat ba", "cat hai")."""
    return [unit_folded(name) for district, ward in _last_converted(q) for name in (ward, district) if name]


def district_of_the_last(q: Query) -> str | None:
    """"ở Ninh Giang" after several old units of one name were given: that name in the district said."""
    if q.text.startswith("/"):
        return None
    given = [(district, ward) for district, ward in _last_converted(q) if ward]
    said = f" {fold(q.text)} "
    chosen = [(district, ward) for district, ward in given if f" {unit_folded(district)} " in said]
    if len(given) < 2 or len(chosen) != 1 or any(f" {unit_folded(ward)} " in said for _, ward in given):
        return None
    district, ward = chosen[0]
    return f"{ward}, {district}"


def _in_the_last_district(result: AddressResult, q: Query) -> tuple[AddressMatch, ...]:
    """The matches in the district of the unit converted just before, if that leaves one."""
    districts = {district for district, _ in _last_converted(q)}
    near = tuple(m for m in result.matches if m.old_district in districts)
    return near if len(near) == 1 else ()


# "… là p Cát Bà đúng ko": a unit claimed with its type word after the verb that claims it
_CLAIMED_UNIT = re.compile(r"\b(?:thuoc|vao|ve|sang|thanh|la|nhap)\s+((?:phuong|xa|p|x|dac khu)\s+"
                           r"(?!(?:nao|gi|j|moi|nay|do|khac)\b)\w+(?:\s+(?!(?:dung|phai|ko|khong|k|a|ha|nhi|chu|roi|luon|"
                           r"nhe|nha|hay|hem|hong|moi|nao|ak)\b)\w+)?)")
_TYPE_TYPED = {"p": "phường", "x": "xã"}


def _no_such_unit(text: str) -> str | None:
    """The unit claimed, as typed with its type word written out, when it is no unit at all."""
    match = _CLAIMED_UNIT.search(fold_aligned(text))
    if match is None:
        return None
    typed = text[match.start(1):match.end(1)]
    first, _, rest = typed.partition(" ")
    return f"{_TYPE_TYPED.get(first.lower(), first)} {rest}"


def _without_the_unit_claimed(text: str) -> tuple[str, str] | None:
    """The question less the new unit it claims, and that unit's name (folded, no type word), if it claims one."""
    match = _CLAIMED_UNIT.search(fold_aligned(text))
    if match is None or text.startswith("/"):  # a button's payload claims nothing
        return None
    return text[:match.start(1)] + text[match.end(1):], match.group(1).partition(" ")[2]


# "phường Cát Bi cũ giờ vẫn giữ tên Cát Bi đúng ko", "vẫn giữ nguyên tên à", "không đổi tên hả"
_NAME_KEPT = re.compile(r"\b(?:giu (?:nguyen )?ten|van (?:mang )?ten|khong doi ten|ten van|van giu nguyen)\b")
_UNIT_TYPE = re.compile(r"^(?:phuong|xa|thi tran|dac khu)\s+")


def _name_kept_verdict(match: AddressMatch) -> str:
    """Whether the old unit's name lives on in the new unit it went to."""
    own = _UNIT_TYPE.sub("", fold(match.old_ward))
    keeping = [u.name for u in match.new_units if _UNIT_TYPE.sub("", fold(u.name)) == own]
    if keeping and len(keeping) == len(match.new_units):
        return f"Đúng: {match.old_ward} nay thuộc {keeping[0]}, vẫn mang tên này."
    if keeping:
        return f"Đúng một phần: {match.old_ward} được chia cho {len(match.new_units)} đơn vị mới, trong đó {keeping[0]} mang tên này."
    return f"Không đúng: {match.old_ward} không còn giữ tên; nay thuộc {', '.join(u.name for u in match.new_units)}."


def _units_claimed(kb: KnowledgeBase, q: Query) -> list[str]:
    """The new units the question says an old one became ("… giờ thuộc phườg Hồng An đúng ko")."""
    return _as_typed_or_read(kb, q, kb.new_units_claimed)


def _district_claim_verdict(kb: KnowledgeBase, q: Query, district: str, units: Sequence[str]) -> str | None:
    """"Huyện Bạch Long Vĩ giờ nhập vào đặc khu Cát Hải đúng không?": the new unit claimed for an old district."""
    claimed = _units_claimed(kb, q)
    if not claimed:
        return None
    if wrong := [u for u in claimed if u not in units]:
        return (f"Không đúng: theo dữ liệu sắp xếp đơn vị hành chính, các phường, xã của {district} cũ không thuộc "
                f"{', '.join(wrong)}.")
    return "Đúng." if len(claimed) == len(units) else f"Đúng một phần: {district} cũ nay thuộc {len(units)} đơn vị mới."


def _claim_verdict(kb: KnowledgeBase, q: Query, match: AddressMatch) -> str | None:
    """"Phường Sở Dầu giờ thuộc phường Hồng An đúng không?": the new unit claimed, against the data."""
    if match.new_units and _NAME_KEPT.search(fold(q.text)):
        return _name_kept_verdict(match)
    own = fold(match.old_ward)
    named = _units_claimed(kb, q)
    claimed = [u for u in named if fold(u) != own]
    if not claimed and match.new_units and (unknown := _no_such_unit(q.text)) is not None:
        # "tt Cát Bà h là p Cát Bà đúng ko": a new unit the data does not have
        return f"Không đúng: theo dữ liệu sắp xếp đơn vị hành chính, không có đơn vị mới nào là {unknown}."
    if not claimed or not match.new_units:
        return None
    actual = {u.name for u in match.new_units}
    if all(u in actual for u in claimed) and len(claimed) < len(actual):
        # "Lạch Tray giờ là phường Gia Viên à": one of the units it was divided among
        return f"Đúng một phần: {match.old_ward} được chia cho {len(actual)} đơn vị mới, trong đó có {', '.join(claimed)}."
    if all(u in actual for u in claimed):
        return "Đúng."
    wrong = ", ".join(u for u in claimed if u not in actual)
    return f"Không đúng: theo dữ liệu sắp xếp đơn vị hành chính, {match.old_ward} không thuộc {wrong}."


# "… thị trấn An Lão cũ giờ là xã gì? còn xã Quốc Tuấn …?": one question after another
_PARTS = re.compile(r"\?+\s*|[.;]\s+(?=(?:còn|con|thế còn|the con|với|voi|và|va)\b)", re.IGNORECASE)


# "Vẫn thuộc quận Ngô Quyền chứ nhỉ?" after a ward converted: a district claimed for the new ward
_STILL_IN_A_DISTRICT = re.compile(r"\b(?:van|con)\s+(?:thuoc|la|nam trong|o)\s+(?:quan|huyen|thi xa)\b")


def _no_districts(kb: KnowledgeBase) -> Reply:
    reply = Reply().say(
        f"Không đúng: theo dữ liệu sắp xếp đơn vị hành chính (hiệu lực {reorganisation_of(kb).effective}), các phường, "
        "xã, đặc khu mới trực thuộc thành phố; không còn cấp quận, huyện (chính quyền địa phương 2 cấp).\n"
        + address_source(kb), feedback_buttons())
    reply.slots.update(topic="address")
    reply.answer_id = "address:no_districts"
    return reply


def convert_address(kb: KnowledgeBase, q: Query, claim: bool = False) -> Reply:
    if members := new_unit_members(kb, q):
        return members
    parts = [part for part in _PARTS.split(q.text) if part.strip()]
    if not q.text.startswith("/") and len(parts) > 1 and all(kb.convert_address(part).matches for part in parts):
        # each old unit asked is converted, in the order asked
        replies_of = [convert_address(kb, replace(q, text=part), claim) for part in parts]
        whole = Reply()
        for one in replies_of:
            whole.messages += [dict(m, buttons=[]) if m.get("buttons") else m for m in one.messages]
        whole.messages[-1]["buttons"] = feedback_buttons()
        whole.slots.update(topic="address")
        given = [one.answer_id.removeprefix("address:") for one in replies_of if one.answer_id]
        whole.answer_id = "address:" + ";".join(given) if given else None
        return whole
    if claim and q.slots.get("topic") == "address" and _STILL_IN_A_DISTRICT.search(fold(q.text)):
        return _no_districts(kb)
    if (chosen := district_of_the_last(q)) is not None:
        q = replace(q, text=chosen)  # "ở Ninh Giang" after the communes named Hồng Phong: that one
    result: AddressResult = kb.convert_address(_query_text(q))
    if (claimless := _without_the_unit_claimed(_query_text(q))) is not None and any(
            claimless[1] in fold(m.old_ward) for m in result.matches) and (other := kb.convert_address(claimless[0])).matches:
        result = other  # "xã Bắc Hưng nhập vào xã Tiên Lãng đúng không?": Bắc Hưng asked, not thị trấn Tiên Lãng
    if not result.matches and result.renamed_before is None and not q.text.startswith("/"):
        # "Phường Dư Hàg Kênh quận Lê Chăn": the names with their typos corrected
        corrected = kb.convert_address(kb.normalize_question(q.text))
        result = corrected if corrected.matches or corrected.renamed_before is not None else result
    if len(result.matches) > 1 and not result.districts and (near := _in_the_last_district(result, q)):
        result = replace(result, matches=near)  # "còn Minh Đức" after a ward of Đồ Sơn: Đồ Sơn's
    unit = typed_unit(q.text)  # the old unit as written, said back when the data does not have it
    if result.renamed_before is not None:
        return renamed_before(kb, result.renamed_before, unit)
    if not result.matches and (district := kb.district_answer(_query_text(q))):
        lead = _change_text(kb, district.changed) + " " if district.changed else ""
        if unit is not None:
            # the unit asked is not in the data: said, with its name as written, before the district's units
            lead += (f"Tôi không tìm thấy {unit} trong danh sách đơn vị của {district.district} ngay trước ngày "
                     f"{reorganisation_of(kb).effective} (có thể đơn vị này đã được sáp nhập hoặc đổi tên trước đó). ")
        units = (f"nay thuộc {district.units[0]}." if len(district.units) == 1 else
                 f"nay thuộc {len(district.units)} đơn vị mới: {', '.join(district.units)}. "
                 "Bạn cho biết phường/xã cũ để tôi chỉ đúng đơn vị mới.")
        if claim and (verdict := _district_claim_verdict(kb, q, district.district, district.units)):
            lead = f"{verdict}\n{lead}"  # "huyện Bạch Long Vĩ nhập vào đặc khu Cát Hải đúng ko": said first
        reply = Reply().say(
            f"{lead}Các phường, xã của {district.district} ({district.province} cũ) {units}"
            + _same_name_elsewhere(kb, unit) + "\n" + address_source(kb),
            feedback_buttons(),
        )
        reply.slots.update(topic="address")
        reply.answer_id = f"address:{district.district}"
        return reply
    if not result.matches and _BELOW_A_WARD.search(fold(q.text)):
        # "vậy tổ dân phố nhà mình thuộc bên nào?" after a ward split in two: the data stops at wards and communes
        return Reply().say(
            "Dữ liệu sắp xếp đơn vị hành chính tôi có chỉ ghi đến cấp phường, xã; không có thông tin từng thôn, tổ dân "
            "phố hay tuyến phố thuộc đơn vị mới nào. Bạn hỏi Ủy ban nhân dân phường, xã nơi bạn ở để biết chính xác.\n"
            + address_source(kb))
    if not result.matches:
        return Reply().say(
            "Tôi chưa nhận ra tên phường/xã cũ trong câu hỏi. Bạn gõ giúp tên phường/xã/thị trấn cũ kèm quận/huyện, "
            "ví dụ: “phường Lạch Tray, quận Ngô Quyền giờ thuộc phường nào?”"
        )
    reply = Reply()
    reply.slots.update(topic="address")
    if result.district_mismatch:
        places = sorted({m.old_district for m in result.matches})
        reply.say(f"Lưu ý: trong dữ liệu, {', '.join(sorted({m.old_ward for m in result.matches}))} không thuộc "
                  f"{', '.join(result.district_mismatch)} mà thuộc {', '.join(places)}. Tôi nêu đơn vị thuộc "
                  f"{', '.join(places)}; nếu bạn hỏi đơn vị khác, bạn kiểm tra lại tên phường/xã giúp tôi.")
    elif result.changed is not None:
        reply.say(_change_text(kb, result.changed))
    if result.tone_variants:
        reply.say("Có các đơn vị cũ tên chỉ khác nhau ở dấu thanh; tôi nêu tất cả (gõ tên có dấu để tôi chỉ đúng một đơn vị):")
    if len(result.matches) > MAX_CHOICES:
        districts = sorted({m.old_district for m in result.matches})
        reply.say(f"Có {len(result.matches)} đơn vị cũ trùng tên này ({', '.join(districts)}). "
                  "Bạn cho biết thêm quận/huyện cũ nhé.")
        return reply
    if len(result.matches) > 1 and not result.tone_variants:
        reply.say("Có nhiều đơn vị cũ trùng tên; tôi nêu tất cả:")
    buttons = feedback_buttons()
    districts = list(dict.fromkeys(m.old_district for m in result.matches))
    if len(districts) > 1 and not result.district_mismatch:
        # the answers differ by district: all are given, and the resident can say which is theirs
        names = list(dict.fromkeys(m.old_ward for m in result.matches))
        question = f"\nBạn hỏi {' / '.join(names)} thuộc quận/huyện nào?"
        buttons = [button(f"{m.old_ward}, {m.old_district}",
                          f"{m.old_ward} {m.old_district} giờ thuộc đơn vị nào?") for m in result.matches]
    else:
        question = ""
    together = ""
    if len(result.matches) == 1 and len(result.matches[0].new_units) == 1 and TOGETHER_WITH.search(fold(q.text)):
        # "phường Sao Đỏ được sáp nhập cùng những phường nào?": the other old units of its new one
        unit = result.matches[0].new_units[0].name
        others = [f"{ward} ({district})" for ward, district in kb.new_unit_members(unit)
                  if (ward, district) != (result.matches[0].old_ward, result.matches[0].old_district)]
        if others:
            together = f"\n{unit} được hình thành từ (toàn bộ hoặc một phần) đơn vị này cùng {len(others)} đơn vị cũ: {'; '.join(others)}."
    verdict = _claim_verdict(kb, q, result.matches[0]) if claim and len(result.matches) == 1 else None
    reply.say((f"{verdict}\n" if verdict else "") + "\n".join(_describe(m) for m in result.matches) + together + "\n" + address_source(kb) + question,
              buttons)
    reply.answer_id = "address:" + ";".join(f"{m.old_district}/{m.old_ward}" for m in result.matches)
    return reply
