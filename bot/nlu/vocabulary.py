"""Conversation words that are not knowledge: what kind of figure, which
comparison, which list, which choice. Values are what the actions understand."""

from __future__ import annotations

VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "value_kind": {
        "target": ("kế hoạch", "mục tiêu", "chỉ tiêu đề ra", "dự toán", "phấn đấu", "dự kiến",
                   "đặt ra", "đề ra", "kế hoạch giao", "chỉ tiêu giao", "target"),
        "result": ("đạt được", "thực hiện", "thực hiện được", "ước đạt", "ước thực hiện", "kết quả",
                   "thực tế", "đã đạt", "làm được", "về đích"),
    },
    "comparison": {
        "plan": ("so với kế hoạch", "so với dự toán", "vượt kế hoạch", "hoàn thành kế hoạch",
                 "đạt kế hoạch", "so kế hoạch", "so với mục tiêu", "vượt chỉ tiêu", "đạt chỉ tiêu",
                 "phần trăm kế hoạch", "% kế hoạch", "so với chỉ tiêu"),
        "national": ("cả nước", "toàn quốc", "bình quân chung", "so với cả nước", "trung bình cả nước",
                     "mức chung", "cả nươc"),
        "previous": ("năm trước", "năm ngoái", "cùng kỳ", "so với năm trước", "so với cùng kỳ",
                     "năm liền trước"),
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
    "option": {
        "1": ("thứ nhất", "đầu tiên", "số 1", "cái 1", "số một", "cái một", "mục 1", "chọn 1", "thứ 1"),
        "2": ("thứ hai", "thứ 2", "số 2", "cái 2", "số hai", "cái hai", "mục 2", "chọn 2"),
        "3": ("thứ ba", "thứ 3", "số 3", "cái 3", "số ba", "cái ba", "mục 3", "chọn 3"),
        "4": ("thứ tư", "thứ 4", "số 4", "cái 4", "số bốn", "cái bốn", "mục 4", "chọn 4"),
        "5": ("thứ năm", "thứ 5", "số 5", "cái 5", "số năm", "cái năm", "mục 5", "chọn 5"),
        "last": ("cuối cùng", "cái cuối", "sau cùng", "mục cuối"),
    },
    "rating": {
        "up": ("hữu ích", "hay quá", "chính xác", "rất tốt", "tuyệt vời", "chuẩn", "👍", "có ích", "đúng rồi"),
        "down": ("không hữu ích", "sai rồi", "không đúng", "vô dụng", "chẳng đúng", "sai bét", "👎",
                 "không có ích", "dở", "tệ"),
    },
}
