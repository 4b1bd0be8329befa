"""Conversation words that are not knowledge: what kind of figure, which
comparison, which list, which choice. Values are what the actions understand."""

from __future__ import annotations

VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "value_kind": {
        "target": ("kế hoạch", "mục tiêu", "chỉ tiêu đề ra", "dự toán", "phấn đấu", "dự kiến",
                   "đặt ra", "đề ra", "kế hoạch giao", "chỉ tiêu giao", "target"),
        "result": ("đạt được", "thực hiện", "thực hiện được", "ước đạt", "ước thực hiện", "kết quả",
                   "thực tế", "đã đạt", "làm được", "về đích", "đạt bao nhiêu", "đạt mấy", "đạt khoảng",
                   "đạt bao nhiêu phần trăm"),
    },
    "comparison": {
        "plan": ("so với kế hoạch", "so với dự toán", "vượt kế hoạch", "hoàn thành kế hoạch",
                 "đạt kế hoạch", "so kế hoạch", "so với mục tiêu", "vượt chỉ tiêu", "đạt chỉ tiêu",
                 "phần trăm kế hoạch", "so với chỉ tiêu", "vượt dự toán", "vượt mục tiêu",
                 "phần trăm dự toán", "so với kế hoạch đề ra", "so với chỉ tiêu đề ra",
                 "so với dự toán trung ương giao", "đạt mục tiêu", "hoàn thành chỉ tiêu",
                 "bao nhiêu phần trăm dự toán", "bao nhiêu % dự toán", "bao nhiêu % kế hoạch"),
        "national": ("cả nước", "toàn quốc", "bình quân chung", "so với cả nước", "trung bình cả nước",
                     "mức chung", "bình quân cả nước", "so vs cả nước"),
        "previous": ("so với năm trước", "so với năm ngoái", "cùng kỳ", "so với cùng kỳ", "so cùng kỳ",
                     "so với năm liền trước", "tăng hay giảm so với", "so với quý", "so với năm"),
    },
    "indicator_group": {
        "kinh_te": ("chỉ tiêu kinh tế", "các chỉ tiêu kinh tế", "nhóm kinh tế"),
        "xa_hoi": ("chỉ tiêu xã hội", "các chỉ tiêu xã hội", "nhóm xã hội", "an sinh xã hội"),
        "moi_truong": ("chỉ tiêu môi trường", "các chỉ tiêu môi trường", "nhóm môi trường"),
    },
    "project_group": {
        "groundbreaking_2025": ("khởi công", "động thổ", "bắt đầu xây"),
        "completion_2025": ("khánh thành", "hoàn thành", "đưa vào sử dụng", "đi vào hoạt động", "khai trương"),
        "ongoing_2024_2025": ("chuyển tiếp", "đang triển khai", "đang thi công", "đang xây", "dở dang"),
    },
    "funding": {
        "city_budget": ("vốn ngân sách", "ngân sách thành phố", "vốn nhà nước", "vốn công", "đầu tư công"),
        "non_budget": ("ngoài ngân sách", "vốn ngoài ngân sách", "vốn tư nhân", "nhà đầu tư tư nhân",
                       "vốn doanh nghiệp", "không dùng ngân sách"),
    },
    # "option" is read by pattern in `entities` (any "cái/số/mục/phương án N")
    "rating": {
        "up": ("hữu ích", "hay quá", "chính xác", "rất tốt", "tuyệt vời", "chuẩn", "có ích", "đúng rồi",
               "good", "good job", "đúng ý", "tốt lắm", "quá hay", "rất hay", "chuẩn xác", "chuẩn rồi", "like"),
        "down": ("không hữu ích", "sai rồi", "không đúng", "vô dụng", "chẳng đúng", "sai bét", "chưa đúng",
                 "không có ích", "dở tệ", "tệ quá", "dở quá", "không liên quan", "lan man", "không chính xác",
                 "sai bét rồi", "chả đúng", "vớ vẩn", "trả lời sai"),
    },
}
