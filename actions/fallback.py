"""When nothing in the documents answers: say so plainly, never guess, and offer the menu."""

from __future__ import annotations

from .query import Reply, button

NOT_COVERED = "Xin lỗi, các tài liệu tôi có không có thông tin này, nên tôi không trả lời để tránh nói sai."


def menu_buttons() -> list[dict[str, str]]:
    return [
        button("Chỉ tiêu kinh tế", "Tăng trưởng GRDP năm 2024 là bao nhiêu?"),
        button("Dự án trọng điểm", "Các dự án trọng điểm năm 2025"),
        button("Chính quyền 2 cấp", "Chính quyền địa phương 2 cấp là gì?"),
        button("Đổi địa chỉ cũ → mới", "Phường Lạch Tray quận Ngô Quyền giờ thuộc phường nào?"),
    ]


def not_covered() -> Reply:
    reply = Reply().say(NOT_COVERED)
    reply.say("Tôi có thể trả lời về chỉ tiêu kinh tế - xã hội, dự án trọng điểm, chính sách và chính quyền 2 cấp "
              "của Hải Phòng:", menu_buttons())
    reply.slots.update(topic=None)
    return reply
