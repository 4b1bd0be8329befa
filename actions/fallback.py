"""When nothing in the documents answers: say so plainly, never guess, and offer the menu."""

from __future__ import annotations

from knowledge import KnowledgeBase, about_of

from .menu import menu
from .query import Reply, button, intent_payload
from .replies import short

NOT_COVERED = "Xin lỗi, các tài liệu tôi có không có thông tin này, nên tôi không trả lời để tránh nói sai."


def not_covered(kb: KnowledgeBase) -> Reply:
    reply = Reply().say(NOT_COVERED)
    reply.say("Tôi có thể trả lời về chỉ tiêu kinh tế - xã hội, dự án trọng điểm, chính sách và chính quyền 2 cấp "
              "của Hải Phòng:", menu(about_of(kb), "not_covered"))
    reply.slots.update(topic=None)
    return reply


def not_given_but(code: str, name: str) -> Reply:
    """"Doanh thu du lịch": the documents give another figure of that subject, offered, not passed off as the answer."""
    reply = Reply().say(f"Các tài liệu tôi có không nêu số liệu này. Về chủ đề này, tài liệu có: {name}.",
                        [button(short(name), intent_payload("ask_indicator", indicator=code))])
    reply.slots.update(topic=None)
    return reply


NO_PRICES = ("Các tài liệu tôi có không nêu giá vé, giá bán, giá thuê, lãi suất hay tiền lương, nên tôi không trả lời "
             "để tránh nói sai.")


NO_SERVICES = ("Các tài liệu tôi có là báo cáo và bài viết về kinh tế - xã hội, dự án, chính sách và chính quyền của "
               "thành phố; chúng không nêu thủ tục, nơi nộp hồ sơ, số điện thoại, giờ làm việc, tuyến xe, điểm chuẩn hay học phí của "
               "trường, hay nơi nào tốt nhất, nên tôi "
               "không trả lời để tránh nói sai. Bạn nên hỏi trực tiếp cơ quan hoặc đơn vị phụ trách.")


NO_LOCAL_LEADERS = ("Các tài liệu tôi có không nêu ai giữ chức vụ (chủ tịch, bí thư…) ở các phường, xã, đặc khu, nên tôi "
                    "không trả lời để tránh nói sai. Bạn có thể hỏi trực tiếp Ủy ban nhân dân phường, xã đó.")


NO_FUTURE_HOLDERS = ("Các tài liệu tôi có chỉ nêu người đang giữ chức vụ, không nêu ai được giới thiệu hay sẽ giữ chức vụ "
                     "ở khóa, nhiệm kỳ tới, nên tôi không trả lời để tránh nói sai.")


NO_OFFICE_HOLDERS = ("Các tài liệu tôi có không nêu ai giữ chức vụ này (chúng nêu lãnh đạo Thành ủy và Ủy ban nhân dân "
                     "thành phố), nên tôi không trả lời để tránh nói sai.")


def no_office_holders() -> Reply:
    """"Chủ tịch HĐND thành phố là ai?": no document names who leads that body; an aside, the subject stays."""
    return Reply().say(NO_OFFICE_HOLDERS)


NO_UNIT_MEASURES = ("Các tài liệu tôi có không nêu dân số hay diện tích của từng phường, xã, đặc khu, nên tôi không trả lời "
                    "để tránh nói sai.")


def no_unit_measures() -> Reply:
    """"Dân số xã Nguyên Giáp mới là bao nhiêu?": the unit data and the documents give no unit's measures;
    an aside, the subject stays."""
    return Reply().say(NO_UNIT_MEASURES)


NO_SUM = "Các tài liệu tôi có không nêu số tiền này, nên tôi không trả lời để tránh nói sai."


def no_sum_given() -> Reply:
    """A sum of money asked that the text leaned on does not give: said so, no figure; the subject stays."""
    return Reply().say(NO_SUM)


def no_future_holders() -> Reply:
    """"Ai được giới thiệu làm Bí thư Thành ủy khóa mới?": the documents name who holds a post, never who will;
    an aside, the conversation's subject stays."""
    return Reply().say(NO_FUTURE_HOLDERS)


def no_local_leaders() -> Reply:
    """"Chủ tịch phường Gia Viên mới là ai?": no document names a ward's or commune's office holders; an
    aside, the conversation's subject stays."""
    return Reply().say(NO_LOCAL_LEADERS)


def no_services() -> Reply:
    """"Nộp đơn khiếu nại online ở đâu?", "xe buýt từ sân bay Cát Bi đi tuyến nào?": a service to use, not a
    fact of the documents, even where the question names something they speak of. An aside, as an
    out-of-scope question is: the conversation's subject stays for the next follow-up."""
    return Reply().say(NO_SERVICES)


def no_breakdown(code: str, name: str) -> Reply:
    """"Xuất khẩu sang Mỹ chiếm bao nhiêu?": the documents give the whole, never by market. The
    indicator stays the subject: "năm nay kế hoạch bao nhiêu?" next is of the whole."""
    reply = Reply().say(f"Các tài liệu tôi có không nêu số liệu theo thị trường (nước, khu vực). Về chủ đề này, "
                        f"tài liệu có: {name}.", [button(short(name), intent_payload("ask_indicator", indicator=code))])
    reply.slots.update(topic="indicator", indicator=code)
    return reply


def no_prices(project: tuple[str, str] | None) -> Reply:
    """"Giá vé cáp treo bao nhiêu?": the documents speak of projects and plans, never of prices;
    the project named is offered for what they do say of it."""
    buttons = [button(short(f"Thông tin dự án: {project[1]}"), intent_payload("ask_project", project=project[0]))] \
        if project else []
    reply = Reply().say(NO_PRICES, buttons)
    reply.slots.update(topic=None)
    return reply
